using SecureManifests.Rules.Semantics;
using System.Globalization;
using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM3009: a binding subject that is everyone or a superuser group (<c>system:anonymous</c>,
/// <c>system:unauthenticated</c>, <c>system:authenticated</c>, <c>system:masters</c> as Group or User), or a
/// ServiceAccount named <c>default</c>, which every pod of its namespace without its own account runs as.
/// </summary>
internal sealed class RiskyBindingSubjectRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.RiskyBindingSubject;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        var subjects = target.Source switch
        {
            V1RoleBinding binding => binding.Subjects,
            V1ClusterRoleBinding binding => binding.Subjects,
            _ => null,
        };
        if (subjects is null)
        {
            return;
        }

        for (var i = 0; i < subjects.Count; i++)
        {
            var subject = subjects[i];
            var path = "subjects[" + i.ToString(CultureInfo.InvariantCulture) + "].name";
            if (subject is not null && RbacBindings.IsBroadSubject(subject.Kind, subject.Name))
            {
                context.Report(target, path,
                    $"{path} of {target.Description} is {subject.Kind} '{subject.Name}': bind a dedicated ServiceAccount, User or Group instead");
            }
            else if (subject is not null && RbacBindings.IsDefaultServiceAccount(subject.Kind, subject.Name))
            {
                context.Report(target, path,
                    $"{path} of {target.Description} is the ServiceAccount 'default', which every pod of its namespace without its own account uses: " +
                    "bind the workload's own ServiceAccount instead");
            }
        }
    }
}
