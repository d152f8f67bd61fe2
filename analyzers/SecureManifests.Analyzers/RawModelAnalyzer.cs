using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
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
        var checks = new ModelChecks(types, new AnalyzerOptionsCache(context.Options.AnalyzerConfigOptionsProvider));
        context.RegisterOperationAction(checks.AnalyzeAssignment, OperationKind.SimpleAssignment);
        context.RegisterOperationAction(checks.AnalyzeMemberInitializer, OperationKind.MemberInitializer);
        context.RegisterOperationAction(checks.AnalyzeObjectCreation, OperationKind.ObjectCreation);
    }
}
