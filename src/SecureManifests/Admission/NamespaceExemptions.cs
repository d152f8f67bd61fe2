using k8s;
using k8s.Models;

namespace SecureManifests.Admission;

/// <summary>
/// Turns an app's waivers into namespace exemptions on its own Namespace objects: for every rule that is waived
/// in a namespace and has a policy with an exemption label, the label <c>securemanifests.io/exempt-&lt;ID&gt;: "true"</c>
/// and the annotation of the same key with the reasons (<c>Kind namespace/name: reason</c>, sorted, joined by
/// <c>"; "</c>). Admission cannot tell one workload from another in a namespace (an object could claim any name or
/// label), so the exemption covers the namespace: wider than the workload's relaxation, narrow enough that only
/// who may label the Namespace can grant it.
/// </summary>
internal static class NamespaceExemptions
{
    /// <summary>The label value; the reason goes into the annotation, since label values cannot hold a sentence.</summary>
    public const string LabelValue = "true";

    /// <summary>Labels and annotates the Namespace objects among <paramref name="objects"/>.</summary>
    public static void Apply(IReadOnlyList<IKubernetesObject> objects, AdmissionPolicySet set, AppWaivers waivers)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(waivers);
        foreach (var ns in objects.OfType<V1Namespace>())
        {
            if (!waivers.InNamespaces.TryGetValue(ns.Metadata.Name, out var waived))
            {
                continue;
            }

            foreach (var policy in set.Policies)
            {
                if (policy.ExemptionLabel is not { } label || !waived.TryGetValue(policy.Rule.Id, out var reasons))
                {
                    continue;
                }

                ns.Metadata.Labels ??= new Dictionary<string, string>(StringComparer.Ordinal);
                ns.Metadata.Labels[label] = LabelValue;
                ns.Metadata.Annotations ??= new Dictionary<string, string>(StringComparer.Ordinal);
                ns.Metadata.Annotations[label] = string.Join("; ", reasons);
            }
        }
    }
}
