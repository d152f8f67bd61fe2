using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureManifests.Analyzers;

/// <summary>
/// Flags insecure values written into KubernetesClient models (<c>k8s.Models</c>): property assignments,
/// object initializers, collection initializers and collection values whose value the compiler knows.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RawModelAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.RawModel;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(Start);
    }

    private static void Start(CompilationStartAnalysisContext context)
    {
        var types = ModelTypes.Create(context.Compilation);
        if (types is null)
        {
            return;
        }

        // All state lives in this per-compilation object, never in analyzer fields.
        var checks = new ModelAnalysis(context.Compilation, types, new AnalyzerOptionsCache(context.Options.AnalyzerConfigOptionsProvider));
        // Syntax actions with a name filter, then the IOperation of the one candidate node: an operation action
        // would make the driver build the operation tree of every method body in the project (measured: the
        // largest part of the analyzers' build-time cost), while almost no body touches Kubernetes models.
        context.RegisterSyntaxNodeAction(checks.AnalyzeAssignment, SyntaxKind.SimpleAssignmentExpression);
        context.RegisterSyntaxNodeAction(checks.AnalyzeObjectCreation, SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
    }
}
