using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureManifests.Validation;

namespace SecureManifests.Analyzers.Definition;

/// <summary>
/// A second workload (or namespace) named like an earlier one on the same receiver in the same block:
/// <c>ns.AddDeployment("api", ...); ns.AddJob("api", ...);</c>. The SDK rejects it when the app is defined; with literal
/// names the analyzers can tell while typing. Judged from syntax: a local cannot be redeclared within its block,
/// so the same receiver name in the block is the same namespace or app.
/// </summary>
internal static class DuplicateNames
{
    private static readonly HashSet<string> WorkloadMethods = new(System.StringComparer.Ordinal)
    {
        "AddDeployment", "AddStatefulSet", "AddDaemonSet", "AddJob", "AddCronJob",
    };

    /// <summary>The SDK's problem text when <paramref name="invocation"/> repeats an earlier name of its receiver, else null.</summary>
    public static string? Problem(InvocationExpressionSyntax invocation, string method, string name)
    {
        var isWorkload = WorkloadMethods.Contains(method);
        if ((!isWorkload && method != "AddNamespace") || invocation.FirstAncestorOrSelf<BlockSyntax>() is not { } block)
        {
            return null;
        }

        var receiver = Receiver(invocation);
        foreach (var earlier in block.DescendantNodes())
        {
            if (earlier == invocation || earlier.SpanStart >= invocation.SpanStart)
            {
                break;
            }

            if (earlier is InvocationExpressionSyntax other && MethodName(other) is { } otherMethod
                && (isWorkload ? WorkloadMethods.Contains(otherMethod) : otherMethod == method)
                && Receiver(other) == receiver
                && other.ArgumentList.Arguments.Count > 0
                && other.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax { Token.Value: string otherName }
                && otherName == name)
            {
                return isWorkload ? DefinitionProblems.DuplicateWorkload(name) : DefinitionProblems.DuplicateNamespace(name);
            }
        }

        return null;
    }

    private static string? MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The receiver as written: a local's name, or empty for an implicit or <c>this</c> receiver.</summary>
    private static string? Receiver(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax local } => local.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } => string.Empty,
        IdentifierNameSyntax => string.Empty,
        _ => null,
    };
}
