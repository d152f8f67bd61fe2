using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureManifests.Generators;

/// <summary>
/// Reports [ManifestApp] classes the build step cannot use (SM0101, SM0102, SM0104, SM0105) and app names defined
/// twice (SM0103). Lives beside the generator, which stays silent and simply leaves such classes out.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ManifestAppDefinitionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        ManifestAppDiagnostics.NotPublic,
        ManifestAppDiagnostics.NoPublicParameterlessConstructor,
        ManifestAppDiagnostics.DuplicateAppName,
        ManifestAppDiagnostics.NotConcrete,
        ManifestAppDiagnostics.NotAnApp);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Only a compilation that is, or references, the SDK can have [ManifestApp] classes. The attribute type
            // is looked up at the first class that has attributes at all, not here: most projects have few.
            if (!ReferencesSdk(start.Compilation))
            {
                return;
            }

            var compilation = start.Compilation;
            var marker = new Lazy<INamedTypeSymbol?>(() => compilation.GetTypeByMetadataName(WellKnownNames.ManifestAppAttribute), LazyThreadSafetyMode.ExecutionAndPublication);
            var names = new ConcurrentBag<NamedApp>();
            start.RegisterSyntaxNodeAction(node => AnalyzeClass(node, marker, names), SyntaxKind.ClassDeclaration);
            start.RegisterCompilationEndAction(end => ReportDuplicates(end, names));
        });
    }

    private static void AnalyzeClass(SyntaxNodeAnalysisContext context, Lazy<INamedTypeSymbol?> lazyMarker, ConcurrentBag<NamedApp> names)
    {
        var declaration = (ClassDeclarationSyntax)context.Node;
        // The attribute must be written on this declaration (see below): a class without attributes is dismissed
        // before its symbol and attributes are bound, which most classes of a project are.
        if (declaration.AttributeLists.Count == 0 || lazyMarker.Value is not { } marker
            || context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } type)
        {
            return;
        }

        var attribute = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, marker));
        // Partial classes: judge the class once, at the declaration that carries the attribute.
        if (attribute?.ApplicationSyntaxReference is not { } reference ||
            reference.SyntaxTree != declaration.SyntaxTree ||
            !declaration.Span.Contains(reference.Span))
        {
            return;
        }

        var location = declaration.Identifier.GetLocation();
        var name = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        if (!ManifestAppShape.DerivesFromApp(type))
        {
            context.ReportDiagnostic(Diagnostic.Create(ManifestAppDiagnostics.NotAnApp, location, name));
        }

        if (!ManifestAppShape.IsEffectivelyPublic(type))
        {
            context.ReportDiagnostic(Diagnostic.Create(ManifestAppDiagnostics.NotPublic, location, name));
        }

        if (!ManifestAppShape.IsConcrete(type))
        {
            var what = type.IsStatic ? "static" : type.IsAbstract ? "abstract" : "generic";
            context.ReportDiagnostic(Diagnostic.Create(ManifestAppDiagnostics.NotConcrete, location, name, what));
        }
        else if (!ManifestAppShape.HasPublicParameterlessConstructor(type))
        {
            context.ReportDiagnostic(Diagnostic.Create(ManifestAppDiagnostics.NoPublicParameterlessConstructor, location, name));
        }

        if (ConstantAppName(declaration, context.SemanticModel, context.CancellationToken) is { } appName)
        {
            names.Add(new NamedApp(appName, name, location));
        }
    }

    private static bool ReferencesSdk(Compilation compilation) => Analyzers.Shared.ReferencedAssemblies.Any(compilation, [WellKnownNames.SdkAssembly]);

    /// <summary>The app name when the parameterless constructor passes a constant to <c>base(...)</c>.</summary>
    private static string? ConstantAppName(ClassDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        var constructor = declaration.Members
            .OfType<ConstructorDeclarationSyntax>()
            .FirstOrDefault(c => c.ParameterList.Parameters.Count == 0 && !c.Modifiers.Any(SyntaxKind.StaticKeyword));
        if (constructor?.Initializer is not { } initializer ||
            !initializer.ThisOrBaseKeyword.IsKind(SyntaxKind.BaseKeyword) ||
            initializer.ArgumentList.Arguments.Count == 0)
        {
            return null;
        }

        var value = model.GetConstantValue(initializer.ArgumentList.Arguments[0].Expression, cancellationToken);
        return value.HasValue ? value.Value as string : null;
    }

    private static void ReportDuplicates(CompilationAnalysisContext context, ConcurrentBag<NamedApp> names)
    {
        // Ordered so the diagnostics are the same whatever order the classes were analyzed in.
        foreach (var group in names.GroupBy(n => n.AppName, StringComparer.Ordinal))
        {
            var apps = group
                .OrderBy(a => a.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(a => a.Location.SourceSpan.Start)
                .ToList();
            for (var i = 1; i < apps.Count; i++)
            {
                context.ReportDiagnostic(Diagnostic.Create(ManifestAppDiagnostics.DuplicateAppName, apps[i].Location, apps[i].TypeName, apps[0].TypeName, group.Key));
            }
        }
    }

    private sealed record NamedApp(string AppName, string TypeName, Location Location);
}
