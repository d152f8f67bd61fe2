using SecureManifests.Rules.Semantics;
namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM3002: a pod spec names a ServiceAccount the set does not define. Lint semantics: only judged when the set
/// defines at least one ServiceAccount in the pod's namespace, since otherwise the accounts are managed elsewhere
/// and may well exist in the cluster. <c>default</c> always exists and is SM3001's concern.
/// </summary>
internal sealed class MissingServiceAccountRule : ISetRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.MissingServiceAccount;

    /// <inheritdoc />
    public void Check(IReadOnlyList<RuleTarget> targets, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(context);
        var index = ObjectSetIndex.For(targets);
        foreach (var t in targets)
        {
            if (t.PodSpec is not { } spec)
            {
                continue;
            }

            var field = string.IsNullOrEmpty(spec.ServiceAccountName) ? "serviceAccount" : "serviceAccountName";
            var account = string.IsNullOrEmpty(spec.ServiceAccountName) ? spec.ServiceAccount : spec.ServiceAccountName;
            if (string.IsNullOrEmpty(account) || string.Equals(account, RbacBindings.DefaultServiceAccount, StringComparison.Ordinal))
            {
                continue;
            }

            var ns = ObjectSetIndex.NamespaceOf(t);
            if (index.ServiceAccountsIn(ns) is { } defined && !defined.Contains(account))
            {
                context.Report(t, t.PodSpecPath + "." + field,
                    $"{field} of {t.Description} is '{account}', but the set defines no ServiceAccount '{account}' in namespace " +
                    $"{(ns.Length == 0 ? "(no namespace)" : ns)} (it defines {string.Join(", ", defined.Order(StringComparer.Ordinal))}): " +
                    "add the ServiceAccount or fix the name");
            }
        }
    }
}
