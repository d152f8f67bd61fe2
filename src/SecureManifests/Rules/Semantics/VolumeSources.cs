#nullable enable
using System;
using System.Collections.Generic;

namespace SecureManifests.Rules.Semantics;

/// <summary>
/// The volume sources of a pod's <c>volumes[]</c>, by their field name, and which of them Restricted allows
/// (SM1018). <c>hostPath</c> is forbidden already by Baseline and is SM1003's, so SM1018 does not report it twice.
/// </summary>
internal static class VolumeSources
{
    /// <summary>The field of a host path volume (SM1003).</summary>
    public const string HostPath = "hostPath";

    /// <summary>The field of a secret volume (SM2015).</summary>
    public const string Secret = "secret";

    /// <summary>The field of a projected volume, whose sources may hold secrets (SM2015).</summary>
    public const string Projected = "projected";

    private static readonly HashSet<string> AllSet = new(StringComparer.Ordinal)
    {
        "awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder", "configMap", "csi", "downwardAPI", "emptyDir",
        "ephemeral", "fc", "flexVolume", "flocker", "gcePersistentDisk", "gitRepo", "glusterfs", HostPath, "image", "iscsi",
        "nfs", "persistentVolumeClaim", "photonPersistentDisk", "portworxVolume", Projected, "quobyte", "rbd", "scaleIO",
        Secret, "storageos", "vsphereVolume",
    };

    private static readonly HashSet<string> RestrictedAllowedSet = new(StringComparer.Ordinal)
    {
        "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", Projected, Secret,
    };

    /// <summary>Every volume source field of the Kubernetes API, sorted.</summary>
    public static IReadOnlyList<string> All { get; } = Sorted.Of(AllSet);

    /// <summary>The sources Restricted allows, sorted.</summary>
    public static IReadOnlyList<string> RestrictedAllowed { get; } = Sorted.Of(RestrictedAllowedSet);

    /// <summary>Whether <paramref name="field"/> is a volume source that Restricted forbids and SM1018 reports.</summary>
    public static bool IsForbiddenByRestricted(string field) =>
        AllSet.Contains(field) && !RestrictedAllowedSet.Contains(field) && !string.Equals(field, HostPath, StringComparison.Ordinal);

    /// <summary>The field name of a KubernetesClient model property: <c>GcePersistentDisk</c> is <c>gcePersistentDisk</c>.</summary>
    public static string FieldOf(string propertyName) =>
        propertyName.Length == 0 ? propertyName : char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);
}
