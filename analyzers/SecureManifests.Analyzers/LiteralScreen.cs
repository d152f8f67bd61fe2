using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureManifests.Analyzers;

/// <summary>
/// Decides from syntax alone that an assignment of a literal is safe, so the semantic model is not asked to
/// bind the method for it. Secure code is mostly literals (<c>Privileged = false</c>, <c>Name = "api"</c>), and
/// binding is the analyzers' main cost. Conservative: anything not clearly safe goes to the full checks.
/// </summary>
internal static class LiteralScreen
{
    private static readonly System.Collections.Generic.HashSet<string> SafeTypeValues = new(System.StringComparer.Ordinal)
    {
        "RuntimeDefault", "Localhost", "ClusterIP", "ExternalName", "container_t", "container_init_t", "container_kvm_t", "container_engine_t",
    };

    public static bool IsSafe(string property, AssignmentExpressionSyntax assignment, SecretNamePattern secretNames, bool digestRuleEnabled)
    {
        if (assignment.Right is not LiteralExpressionSyntax literal)
        {
            return false;
        }

        var value = literal.Token.Value;
        switch (property)
        {
            case "Privileged":
            case "AllowPrivilegeEscalation":
            case "HostProcess":
            case "HostNetwork":
            case "HostPID":
            case "HostIPC":
            case "AutomountServiceAccountToken":
                return value is false;
            case "RunAsNonRoot":
            case "ReadOnlyRootFilesystem":
                return value is true;
            case "RunAsUser":
                return TryGetInteger(value, out var user) && user != 0;
            case "HostPort":
                return TryGetInteger(value, out var hostPort) && hostPort == 0;
            case "ContainerPort":
                return TryGetInteger(value, out var port) && port >= 1024;
            case "DefaultMode":
                return TryGetInteger(value, out var mode) && (mode & 23) == 0; // 023 octal: group-write and any "other" bit
            case "ProcMount":
                return value is "Default";
            case "Type":
                return value is string type && SafeTypeValues.Contains(type);
            case "Name":
                return value is string name && name.IndexOf('.') < 0 && name != "default"
                    && !KubernetesValues.PowerfulClusterRoles.Contains(name) && !KubernetesValues.RiskySubjects.Contains(name);
            case "User":
            case "Role":
            case "Host":
            case "ServiceAccount":
                return value is null || value is "";
            case "ServiceAccountName":
            case "NamespaceProperty":
                return value is null || (value is string text && text != "default");
            case "Image":
                return value is string image && !KubernetesValues.IsMutableImage(image) && (!digestRuleEnabled || !KubernetesValues.IsNotPinnedByDigest(image));
            case "Value":
                return value is null || (value is string env && (env.Length == 0 || env[0] == '/' || !SiblingNameMayBeSecret(assignment, secretNames)));
            default:
                // Sources (HostPath, Nfs, SecretKeyRef, ...) are safe only when null; collections are never literals.
                return value is null;
        }
    }

    /// <summary>Whether a digest-pinning finding (opt-in SM2002) can be reported in <paramref name="tree"/>.</summary>
    public static bool IsRuleEnabled(Compilation compilation, SyntaxTree tree, DiagnosticDescriptor rule, CancellationToken cancellationToken)
    {
        if (compilation.Options.SyntaxTreeOptionsProvider is { } provider
            && (provider.TryGetDiagnosticValue(tree, rule.Id, cancellationToken, out var severity)
                || provider.TryGetGlobalDiagnosticValue(rule.Id, cancellationToken, out severity)))
        {
            return severity != ReportDiagnostic.Suppress;
        }

        return compilation.Options.SpecificDiagnosticOptions.TryGetValue(rule.Id, out var option)
            ? option != ReportDiagnostic.Suppress
            : rule.IsEnabledByDefault;
    }

    /// <summary>The env var's <c>Name</c> in the same initializer, unless it is a literal that does not look secret.</summary>
    private static bool SiblingNameMayBeSecret(AssignmentExpressionSyntax assignment, SecretNamePattern secretNames)
    {
        if (assignment.Parent is not InitializerExpressionSyntax initializer)
        {
            return true;
        }

        foreach (var expression in initializer.Expressions)
        {
            if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Name" }, Right: LiteralExpressionSyntax name }
                && name.Token.Value is string text)
            {
                return secretNames.LooksSecret(text);
            }
        }

        return true;
    }

    private static bool TryGetInteger(object? value, out long number)
    {
        switch (value)
        {
            case int i: number = i; return true;
            case long l: number = l; return true;
            default: number = 0; return false;
        }
    }
}
