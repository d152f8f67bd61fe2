#nullable enable
using System.Collections.Generic;
using System.Linq;

namespace SecureManifests.Rules.Semantics;

/// <summary>
/// The API resources that carry a pod spec, by API group, as the API server serves them: who may create them runs
/// pods (SM3006), and the admission policies of the pod rules match them.
/// </summary>
internal static class PodSpecResources
{
    public const string Core = "";
    public const string Apps = "apps";
    public const string Batch = "batch";

    public const string Pods = "pods";
    public const string Jobs = "jobs";

    /// <summary>Every served resource with a pod spec (group, resource), in catalogue order.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> Served = new KeyValuePair<string, string>[]
    {
        new(Core, Pods), new(Core, "replicationcontrollers"), new(Core, "podtemplates"),
        new(Apps, "deployments"), new(Apps, "replicasets"), new(Apps, "statefulsets"), new(Apps, "daemonsets"),
        new(Batch, Jobs), new(Batch, "cronjobs"),
    };

    /// <summary>
    /// The controllers whose selector selects their own template's pods (SM2008): every served one except the Pod, the
    /// PodTemplate and the CronJob (whose Jobs carry the selector).
    /// </summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> Selecting =
        Served.Where(r => r.Value is not (Pods or "podtemplates" or "cronjobs")).ToArray();
}
