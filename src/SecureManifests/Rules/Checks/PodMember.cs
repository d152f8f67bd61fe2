using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// An object with a pod spec or a pod template: the labels its pods get, for selectors and policies, and the
/// ServiceAccount fields of its pod spec.
/// </summary>
internal sealed class PodMember : SetMember
{
    public PodMember(RuleTarget target, StringPool pool)
        : base(target, pool)
    {
        // A PodTemplate only stores a template; it runs no pod that a policy or Service could select.
        RunsPods = target.Source is not V1PodTemplate;
        Labels = target.PodMetadata?.Labels;
        LabelsPath = pool.Intern(target.PodMetadataPath + ".labels");
        if (target.PodSpec is { } spec)
        {
            HasPodSpec = true;
            ServiceAccountName = spec.ServiceAccountName;
            ServiceAccount = spec.ServiceAccount;
            AutomountServiceAccountToken = spec.AutomountServiceAccountToken;
            AutomountPath = pool.Intern(target.PodSpecPath + ".automountServiceAccountToken");
            ServiceAccountPath = pool.Intern(target.PodSpecPath + "." + ServiceAccountField);
        }
        else
        {
            AutomountPath = ServiceAccountPath = string.Empty;
        }
    }

    /// <summary>Whether it runs pods (everything with a pod spec or template but PodTemplate).</summary>
    public bool RunsPods { get; }

    /// <summary>The labels of its pods.</summary>
    public IDictionary<string, string>? Labels { get; }

    /// <summary>The path of those labels, such as <c>spec.template.metadata.labels</c>.</summary>
    public string LabelsPath { get; }

    /// <summary>Whether it has a pod spec (a template may have none).</summary>
    public bool HasPodSpec { get; }

    /// <summary>The pod spec's <c>serviceAccountName</c>.</summary>
    public string? ServiceAccountName { get; }

    /// <summary>The pod spec's deprecated <c>serviceAccount</c>.</summary>
    public string? ServiceAccount { get; }

    /// <summary>The pod spec's <c>automountServiceAccountToken</c>.</summary>
    public bool? AutomountServiceAccountToken { get; }

    /// <summary>The path of <see cref="AutomountServiceAccountToken"/> (empty without a pod spec).</summary>
    public string AutomountPath { get; }

    /// <summary>The field that names the account: <c>serviceAccountName</c>, or <c>serviceAccount</c> when that is unset.</summary>
    public string ServiceAccountField => string.IsNullOrEmpty(ServiceAccountName) ? "serviceAccount" : "serviceAccountName";

    /// <summary>The path of <see cref="ServiceAccountField"/> (empty without a pod spec).</summary>
    public string ServiceAccountPath { get; }

    /// <summary>The account the pod spec names, as the API server reads the two fields; null or empty when it names none.</summary>
    public string? Account => string.IsNullOrEmpty(ServiceAccountName) ? ServiceAccount : ServiceAccountName;

    /// <inheritdoc />
    public override IEnumerable<string> ReportPaths
    {
        get
        {
            if (RunsPods)
            {
                yield return LabelsPath;
            }

            if (HasPodSpec)
            {
                yield return AutomountPath;
                if (!string.IsNullOrEmpty(Account))
                {
                    yield return ServiceAccountPath;
                }
            }
        }
    }
}
