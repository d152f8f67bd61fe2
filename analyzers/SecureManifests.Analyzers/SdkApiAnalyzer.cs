using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureManifests.Analyzers;

/// <summary>
/// Flags unsafe arguments to the SecureManifests SDK (mutable image tags, secret literals, root user, SSH port,
/// the default namespace) and relaxation calls whose reason is empty. A relaxation with a real reason is the
/// sanctioned opt-out and is not reported: the SDK writes the reason into the YAML as a waiver.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SdkApiAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.Sdk;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(Start);
    }

    private static void Start(CompilationStartAnalysisContext context)
    {
        var types = SdkTypes.Create(context.Compilation);
        if (types is null)
        {
            return;
        }

        var checks = new SdkChecks(types, new AnalyzerOptionsCache(context.Options.AnalyzerConfigOptionsProvider));
        // A syntax action filtered by method name, then the IOperation of that call (see RawModelAnalyzer).
        context.RegisterSyntaxNodeAction(checks.AnalyzeInvocation, SyntaxKind.InvocationExpression);
    }
}
