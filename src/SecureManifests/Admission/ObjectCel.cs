using SecureManifests.Rules;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Admission;

/// <summary>
/// The CEL of per-object rules on other kinds: SM1021 (PersistentVolume source), SM4005 (Service type) and SM4007
/// (Namespace Pod Security label).
/// </summary>
internal static class ObjectCel
{
    /// <summary>Services.</summary>
    public static AdmissionTarget Services { get; } = new([("", ["services"])], [], []);

    /// <summary>PersistentVolumes (cluster-scoped, so the binding's namespace exemption never applies to them).</summary>
    public static AdmissionTarget PersistentVolumes { get; } = new([("", ["persistentvolumes"])], [], []);

    // The PersistentVolume sources that expose a directory of the node.
    private static readonly string[] NodeDirectorySources = [VolumeSources.HostPath, "local"];

    /// <summary>Namespaces.</summary>
    public static AdmissionTarget NamespaceObjects { get; } = new([("", ["namespaces"])], [], []) { ExemptByNamespace = false };

    /// <summary>The target and validations of <paramref name="ruleId"/>, or null when this family does not cover it.</summary>
    public static (AdmissionTarget Target, IReadOnlyList<CelValidation> Validations)? For(string ruleId) => ruleId switch
    {
        RuleIds.HostPathPersistentVolume => (PersistentVolumes, NodeDirectorySources
            .Select(source => CelValidation.Of(RuleIds.HostPathPersistentVolume, "!(" + Cel.Has("object", "spec." + source) + ")",
                "spec." + source, "is forbidden: use a StorageClass backed by a CSI driver"))
            .ToArray()),
        RuleIds.ExposedService => (Services,
        [
            CelValidation.Of(RuleIds.ExposedService,
                "!" + Cel.IsSet("object", "spec.type", "in " + Cel.List(ServiceTypes.Exposed)),
                "spec.type", "must not be " + string.Join(" or ", ServiceTypes.Exposed) + ": use ClusterIP behind an Ingress with TLS"),
        ]),
        RuleIds.NamespaceWithoutPodSecurity => (NamespaceObjects,
        [
            CelValidation.Of(RuleIds.NamespaceWithoutPodSecurity,
                Cel.Has("object", "metadata.labels") + " && " + Cel.Str(Namespaces.PodSecurityEnforceLabel) + " in object.metadata.labels && object.metadata.labels[" +
                Cel.Str(Namespaces.PodSecurityEnforceLabel) + "] in " + Cel.List(Namespaces.EnforcingLevelList),
                "metadata.labels[" + Namespaces.PodSecurityEnforceLabel + "]", "must be " + string.Join(" or ", Namespaces.EnforcingLevelList)),
        ]),
        _ => null,
    };
}
