using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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

    /// <summary>Properties whose value is a string, bool or number (the rest are collections or source objects).</summary>
    private static readonly System.Collections.Generic.HashSet<string> ScalarProperties = new(System.StringComparer.Ordinal)
    {
        "Privileged", "AllowPrivilegeEscalation", "HostProcess", "HostNetwork", "HostPID", "HostIPC", "AutomountServiceAccountToken",
        "RunAsNonRoot", "ReadOnlyRootFilesystem", "RunAsUser", "HostPort", "ContainerPort", "DefaultMode", "ProcMount", "Type", "Name",
        "User", "Role", "Host", "ServiceAccount", "ServiceAccountName", "NamespaceProperty", "Image", "Value",
    };

    public static bool IsSafe(string property, AssignmentExpressionSyntax assignment, SecretNamePattern secretNames, bool digestRuleEnabled)
    {
        switch (property)
        {
            // A collection value the resolver cannot follow (a call, a field, a parameter) can never be reported.
            case "Add":
                return TryGetStringLiterals(assignment.Right, out var added) ? added.TrueForAll(c => c == KubernetesValues.RestrictedAddableCapability) : !SyntaxValue.MayHaveKnownElements(assignment.Right);
            case "Drop":
                return TryGetStringLiterals(assignment.Right, out var dropped) ? dropped.Contains("ALL") : !SyntaxValue.MayHaveKnownElements(assignment.Right);
            case "Verbs":
                return TryGetStringLiterals(assignment.Right, out var verbs) ? verbs.TrueForAll(v => v != "*" && !KubernetesValues.EscalationVerbs.Contains(v)) : !SyntaxValue.MayHaveKnownElements(assignment.Right);
            case "ApiGroups":
                return TryGetStringLiterals(assignment.Right, out var groups) ? !groups.Contains("*") : !SyntaxValue.MayHaveKnownElements(assignment.Right);
            case "Resources":
                return TryGetStringLiterals(assignment.Right, out var resources)
                    ? resources.TrueForAll(r => !KubernetesValues.PodCreatingResources.Contains(r) && !KubernetesValues.PodExecResources.Contains(r)
                        && !KubernetesValues.WebhookConfigurations.Contains(r) && !SensitiveResources.Contains(r))
                    : !SyntaxValue.MayHaveKnownElements(assignment.Right);
            case "Labels":
                return !IsNamespaceMetadata(assignment);
        }

        if (!ScalarProperties.Contains(property))
        {
            // Sources (HostPath, Nfs, SecretKeyRef, ...) are reported whenever they are set: safe only when null.
            return assignment.Right is LiteralExpressionSyntax { Token.Value: null } literal && !literal.IsKind(SyntaxKind.DefaultLiteralExpression);
        }

        var known = SyntaxValue.Of(assignment.Right);
        if (known.Kind == SyntaxValueKind.NeverKnown)
        {
            // Unknown values are never reported.
            return true;
        }

        if (known.Kind == SyntaxValueKind.Unknown)
        {
            return property == "Image" && !digestRuleEnabled && assignment.Right is InterpolatedStringExpressionSyntax interpolated && HasPinnedTag(interpolated);
        }

        var value = known.Value;
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
                return false;
        }
    }

    /// <summary>
    /// An interpolated image whose known text after its last unknown hole already fixes a tag other than
    /// <c>latest</c>, whatever the holes hold: <c>$"{Registry}/api:1.2"</c>, <c>$"{Registry}/api:{Tag}"</c> with a known tag.
    /// </summary>
    public static bool HasPinnedTag(InterpolatedStringExpressionSyntax interpolated)
    {
        var parts = new System.Collections.Generic.List<string?>();
        if (SyntaxValue.Parts(interpolated, parts) != SyntaxValueKind.Unknown)
        {
            return false;
        }

        var tail = new System.Text.StringBuilder();
        for (var i = parts.Count - 1; i >= 0 && parts[i] is not null; i--)
        {
            tail.Insert(0, parts[i]);
        }

        var known = tail.ToString();
        var slash = known.LastIndexOf('/');
        if (slash >= 0)
        {
            // The last '/' of the whole image is in the known tail, so the tail decides the tag.
            return !KubernetesValues.IsMutableImage(known.Substring(slash));
        }

        // No '/' in the tail: the image's tag starts at or before the tail's first ':'. If it starts before, the
        // tag contains that ':' and is not "latest"; if at it, the tag is the rest of the tail.
        var colon = known.IndexOf(':');
        return colon >= 0 && !string.Equals(known.Substring(colon + 1), "latest", System.StringComparison.Ordinal);
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
