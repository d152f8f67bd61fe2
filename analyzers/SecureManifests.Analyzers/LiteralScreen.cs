using System.Linq;
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

    /// <summary>Resources that any rule combines with verbs, or flags on their own.</summary>
    private static readonly System.Collections.Generic.HashSet<string> SensitiveResources = new(System.StringComparer.Ordinal)
    {
        "secrets", "nodes/proxy", "certificatesigningrequests/approval", "serviceaccounts/token",
    };

    public static bool IsSafe(string property, AssignmentExpressionSyntax assignment, SecretNamePattern secretNames, bool digestRuleEnabled)
    {
        switch (property)
        {
            case "Add":
                return TryGetStringLiterals(assignment.Right, out var added) && added.TrueForAll(c => c == KubernetesValues.RestrictedAddableCapability);
            case "Drop":
                return TryGetStringLiterals(assignment.Right, out var dropped) && dropped.Contains("ALL");
            case "Verbs":
                return TryGetStringLiterals(assignment.Right, out var verbs) && verbs.TrueForAll(v => v != "*" && !KubernetesValues.EscalationVerbs.Contains(v));
            case "ApiGroups":
                return TryGetStringLiterals(assignment.Right, out var groups) && !groups.Contains("*");
            case "Resources":
                return TryGetStringLiterals(assignment.Right, out var resources) && resources.TrueForAll(r =>
                    !KubernetesValues.PodCreatingResources.Contains(r) && !KubernetesValues.PodExecResources.Contains(r)
                    && !KubernetesValues.WebhookConfigurations.Contains(r) && !SensitiveResources.Contains(r));
            case "Labels":
                return !IsNamespaceMetadata(assignment);
        }

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

    /// <summary>
    /// The elements of <c>new List&lt;string&gt; { ... }</c>, <c>new[] { ... }</c>, <c>new string[] { ... }</c>,
    /// <c>[ ... ]</c> or <c>{ ... }</c> when every element is a string literal.
    /// </summary>
    private static bool TryGetStringLiterals(ExpressionSyntax expression, out System.Collections.Generic.List<string> values)
    {
        values = new System.Collections.Generic.List<string>();
        System.Collections.Generic.IEnumerable<ExpressionSyntax>? elements = expression switch
        {
            InitializerExpressionSyntax direct => direct.Expressions,
            BaseObjectCreationExpressionSyntax { Initializer: { } initializer, ArgumentList: null or { Arguments.Count: 0 } } => initializer.Expressions,
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
            CollectionExpressionSyntax collection => collection.Elements.Select(e => (e as ExpressionElementSyntax)?.Expression!),
            _ => null,
        };
        if (elements is null)
        {
            return false;
        }

        foreach (var element in elements)
        {
            if (element is not LiteralExpressionSyntax { Token.Value: string text })
            {
                return false;
            }

            values.Add(text);
        }

        return true;
    }

    /// <summary><c>new V1Namespace { Metadata = new V1ObjectMeta { Labels = ... } }</c>, or a <c>new()</c> there.</summary>
    private static bool IsNamespaceMetadata(AssignmentExpressionSyntax labels) =>
        labels.Parent is InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax { Parent: AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Metadata" } } metadata } }
        && metadata.Parent is InitializerExpressionSyntax { Parent: var owner }
        && (owner is ImplicitObjectCreationExpressionSyntax
            || (owner is ObjectCreationExpressionSyntax { Type: var type } && type.ToString().EndsWith("V1Namespace", System.StringComparison.Ordinal)));

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
