using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureManifests.Analyzers.Judge;
using SecureManifests.Analyzers.Parse;

namespace SecureManifests.Analyzers.Report;

/// <summary>Turns verdicts into diagnostics: the catalogue's descriptor, the node the setting was written at, the subject, the fix.</summary>
internal static class Reporter
{
    /// <summary>Reports the verdicts of the rules that are on in the tree of <paramref name="at"/> (see <see cref="RuleSwitches"/>).</summary>
    public static void Report(Action<Diagnostic> report, Verdicts verdicts, RuleSwitches rules, SyntaxNode at, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var verdict in verdicts.Items)
        {
            if (!rules.IsEnabled(at.SyntaxTree, verdict.RuleId, cancellationToken))
            {
                continue;
            }

            var node = ((OperationSetting)verdict.At).Node;
            var subject = verdict.Subject ?? Subjects.Of(node);
            report(Diagnostic.Create(Descriptors.For(verdict.RuleId), node.Syntax.GetLocation(), FixProperties(verdict.Fix, node.Syntax), subject, verdict.Found));
        }
    }

    /// <summary>The code fixes rewrite assignments and initializers; a value passed to a constructor gets no automatic fix.</summary>
    private static ImmutableDictionary<string, string?>? FixProperties(FixSuggestion? fix, SyntaxNode node)
    {
        if (fix is null)
        {
            return null;
        }

        var applies = fix.Kind == FixKinds.AddDropAll
            ? node is BaseObjectCreationExpressionSyntax { Initializer: not null }
            : node is AssignmentExpressionSyntax;
        if (!applies)
        {
            return null;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Key, fix.Kind);
        return fix.SafeValue is null ? properties : properties.Add(FixKinds.SafeValueKey, fix.SafeValue);
    }
}
