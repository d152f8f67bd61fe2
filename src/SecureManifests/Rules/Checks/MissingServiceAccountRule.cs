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
    public void Check(SetMember member, ObjectSetIndex index, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(context);
        if (member is not PodMember { HasPodSpec: true } t)
        {
            return;
        }

        var account = t.Account;
        if (string.IsNullOrEmpty(account) || string.Equals(account, RbacBindings.DefaultServiceAccount, StringComparison.Ordinal))
        {
            return;
        }

        var ns = t.SetNamespace;
        if (index.ServiceAccountsIn(ns) is { } defined && !defined.Contains(account))
        {
            context.Report(t, t.ServiceAccountPath,
                $"{t.ServiceAccountField} of {t.Description} is '{account}', but the set defines no ServiceAccount '{account}' in namespace " +
                $"{(ns.Length == 0 ? "(no namespace)" : ns)} (it defines {string.Join(", ", defined.Order(StringComparer.Ordinal))}): " +
                "add the ServiceAccount or fix the name");
        }
    }
}
