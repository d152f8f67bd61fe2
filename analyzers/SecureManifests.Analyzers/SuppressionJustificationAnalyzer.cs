using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureManifests.Analyzers;

/// <summary>
/// SM0001: a <c>[SuppressMessage]</c> that silences a SecureManifests rule must carry a Justification. The
/// suppression still works (Roslyn applies it); this diagnostic asks for the reason that a relaxation API
/// would have required.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SuppressionJustificationAnalyzer : DiagnosticAnalyzer
{
    private const string AttributeType = "System.Diagnostics.CodeAnalysis.SuppressMessageAttribute";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SuppressionWithoutJustification);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Only where SecureManifests rules can fire at all; the assembly-name checks come before any type lookup.
            if (!ModelTypes.References(start.Compilation, "KubernetesClient") && !ModelTypes.References(start.Compilation, "SecureManifests"))
            {
                return;
            }

            // Looked up at the first [SuppressMessage...] written, not here: most compilations have none.
            var compilation = start.Compilation;
            var attribute = new System.Lazy<INamedTypeSymbol?>(() => compilation.GetTypeByMetadataName(AttributeType), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterSyntaxNodeAction(c => Analyze(c, attribute), SyntaxKind.Attribute);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, System.Lazy<INamedTypeSymbol?> attribute)
    {
        var syntax = (AttributeSyntax)context.Node;
        var simpleName = syntax.Name is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText : (syntax.Name as IdentifierNameSyntax)?.Identifier.ValueText;
        if (simpleName is null || !simpleName.StartsWith("SuppressMessage", System.StringComparison.Ordinal) || syntax.ArgumentList is null
            || attribute.Value is not { } attributeType)
        {
            return;
        }

        if (context.SemanticModel.GetSymbolInfo(syntax, context.CancellationToken).Symbol is not IMethodSymbol constructor
            || !SymbolEqualityComparer.Default.Equals(constructor.ContainingType, attributeType))
        {
            return;
        }

        var positional = syntax.ArgumentList.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
        if (positional.Count < 2)
        {
            return;
        }

        var category = context.SemanticModel.GetConstantValue(positional[0].Expression, context.CancellationToken);
        var checkId = context.SemanticModel.GetConstantValue(positional[1].Expression, context.CancellationToken);
        if (!category.HasValue || category.Value is not string categoryText || categoryText != Descriptors.Category || !checkId.HasValue || checkId.Value is not string checkIdText)
        {
            return;
        }

        var justification = syntax.ArgumentList.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Justification");
        var reason = justification is null ? null : context.SemanticModel.GetConstantValue(justification.Expression, context.CancellationToken).Value as string;
        if (string.IsNullOrWhiteSpace(reason))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SuppressionWithoutJustification, syntax.GetLocation(), checkIdText));
        }
    }
}
