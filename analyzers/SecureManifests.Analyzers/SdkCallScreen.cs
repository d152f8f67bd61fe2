using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Analyzers;

/// <summary>
/// Decides from syntax alone that an SDK call cannot be reported, so the method around it is not bound for it:
/// <c>WithEnv("LOG_LEVEL", "info")</c>, <c>WithPort("http", 8080)</c>, <c>AddJob("job", "tools:3.1")</c>,
/// <c>Allow(Relaxation.X, "reason")</c>. Reads positional arguments by the SDK's parameter order; a call with
/// named or ref arguments, or with an arity the SDK does not have, goes to the full checks.
/// </summary>
internal static class SdkCallScreen
{
    public static bool IsSafe(string method, ArgumentListSyntax arguments, SecretNamePattern secretNames)
    {
        var list = arguments.Arguments;
        foreach (var argument in list)
        {
            if (argument.NameColon is not null || !argument.RefKindKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None))
            {
                return false;
            }
        }

        switch (method)
        {
            case "AddNamespace" when list.Count == 1:
                return SyntaxValue.Of(list[0].Expression) is var ns
                    && (ns.Kind == SyntaxValueKind.NeverKnown || (ns.Kind == SyntaxValueKind.Known && ns.Value is string name && !Namespaces.IsDefault(name)));
            case "AddDeployment" or "AddStatefulSet" or "AddDaemonSet" or "AddJob" when list.Count == 2:
            case "WithSidecar" or "WithInitContainer" when list.Count is 2 or 3:
                return ImageIsPinned(list[1].Expression);
            case "AddCronJob" when list.Count == 3:
                return ImageIsPinned(list[2].Expression);
            case "WithEnv" when list.Count == 2:
                return EnvIsSafe(list[0].Expression, list[1].Expression, secretNames);
            case "WithEnv" when list.Count == 3:
                // WithEnv(name, configMap, key): the value comes from a ConfigMap, nothing to check.
                return true;
            case "WithRunAsUser" when list.Count is 1 or 2:
                return IsNeverOr(list[0].Expression, v => v is int user && user != 0);
            case "WithPort" when list.Count is 2 or 3:
                return IsNeverOr(list[1].Expression, v => v is int port && port != 22);
            case "Allow" or "AllowCapability" when list.Count == 2:
                return HasReason(list[1].Expression);
            case "WithHostPort" when list.Count == 3:
            case "WithHostPathVolume" when list.Count is 3 or 4:
                return HasReason(list[2].Expression);
            default:
                return false;
        }
    }

    private static bool IsNeverOr(ExpressionSyntax expression, Func<object?, bool> isSafe)
    {
        var value = SyntaxValue.Of(expression);
        return value.Kind == SyntaxValueKind.NeverKnown || (value.Kind == SyntaxValueKind.Known && isSafe(value.Value));
    }

    /// <summary>A reason the checks trust: unknown, or known text that is not blank.</summary>
    private static bool HasReason(ExpressionSyntax reason) => IsNeverOr(reason, v => v is string text && !string.IsNullOrWhiteSpace(text));

    private static bool ImageIsPinned(ExpressionSyntax image)
    {
        var value = SyntaxValue.Of(image);
        return value.Kind switch
        {
            SyntaxValueKind.NeverKnown => true,
            SyntaxValueKind.Known => value.Value is string text && !ImageReference.Parse(text).IsMutable,
            _ => image is InterpolatedStringExpressionSyntax interpolated && Parse.SyntaxScreen.HasPinnedTag(interpolated),
        };
    }

    private static bool EnvIsSafe(ExpressionSyntax name, ExpressionSyntax value, SecretNamePattern secretNames)
    {
        var nameValue = SyntaxValue.Of(name);
        var valueValue = SyntaxValue.Of(value);
        if (nameValue.Kind == SyntaxValueKind.NeverKnown || valueValue.Kind == SyntaxValueKind.NeverKnown)
        {
            return true;
        }

        if (nameValue.Kind != SyntaxValueKind.Known || nameValue.Value is not string envName)
        {
            return false;
        }

        // A name that does not look secret is safe with any value; a known value is judged with the name.
        return !SecretHeuristics.IsSecretLiteralEnv(envName, "x", secretNames)
            || (valueValue.Kind == SyntaxValueKind.Known && valueValue.Value is string text && !SecretHeuristics.IsSecretLiteralEnv(envName, text, secretNames));
    }
}
