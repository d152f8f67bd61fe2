using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureManifests.Analyzers.Parse;
using SecureManifests.Validation;

namespace SecureManifests.Analyzers.Definition;

/// <summary>
/// Reports, at the literal, what the SDK would reject when the app is defined (a name that is not DNS-1123, port
/// 70000, <c>"2 cores"</c>, a malformed image or cron schedule), under the build's ID SM0106 and with the SDK's text.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DefinitionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DefinitionRejected);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var types = SdkTypes.Create(start.Compilation);
            if (types is null)
            {
                return;
            }

            // With the screens off (a measurement), every constructor call is bound.
            var apps = new AnalyzerOptionsCache(start.Options.AnalyzerConfigOptionsProvider).ScreensEnabled
                ? new TypeFamily(start.Compilation, name => name == SdkTypes.AppName, types.IsApp, new[] { SdkTypes.Assembly }, System.Array.Empty<string>(), new UsingAliases(start.Compilation))
                : null;
            start.RegisterSyntaxNodeAction(c => Analyze(c, types, apps), SyntaxKind.InvocationExpression, SyntaxKind.ObjectCreationExpression,
                SyntaxKind.ImplicitObjectCreationExpression, SyntaxKind.BaseConstructorInitializer);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, SdkTypes types, TypeFamily? apps)
    {
        var name = context.Node switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member.Name.Identifier.ValueText,
            InvocationExpressionSyntax { Expression: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText,
            _ => ".ctor",
        };
        if (!DefinitionChecks.Checks(name) || (apps is not null && CannotBeApp(context.Node, apps)) || !HasLiteralArgument(context.Node))
        {
            return;
        }

        var (method, arguments) = context.SemanticModel.GetOperation(context.Node, context.CancellationToken) switch
        {
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
            IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
            _ => (null, ImmutableArray<IArgumentOperation>.Empty),
        };
        if (method is null || !types.IsSdkType(method.ContainingType))
        {
            return;
        }

        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is not { } parameter
                || !DefinitionChecks.TryGet(method.MethodKind == MethodKind.Constructor ? ".ctor" : method.Name, parameter.Name, out var kind))
            {
                continue;
            }

            var problem = kind == DefinitionValue.PortNumber
                ? (ValueResolver.TryGetInteger(argument.Value, out var port) ? DefinitionProblems.OfPort(port) : null)
                : (ValueResolver.TryGetString(argument.Value, out var text) && (text is not null || kind != DefinitionValue.Quantity) ? DefinitionProblems.Of(kind, text) : null);
            if (problem is null && parameter.Name == "name" && context.Node is InvocationExpressionSyntax call
                && ValueResolver.TryGetString(argument.Value, out var literal) && literal is not null)
            {
                problem = DuplicateNames.Problem(call, method.Name, literal);
            }

            if (problem is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.DefinitionRejected, argument.Syntax.GetLocation(), parameter.Name, problem));
            }
        }
    }

    /// <summary>
    /// The one SDK constructor is App's: a creation of a type that cannot be App or derive from it (<c>new Uri("...")</c>,
    /// a field's <c>= new(StringComparer.Ordinal)</c>), or a <c>: base(...)</c> of a class whose base cannot be, is
    /// dismissed without binding. A partial class may name its base in another part, so it is left to binding.
    /// </summary>
    private static bool CannotBeApp(SyntaxNode node, TypeFamily apps) => node switch
    {
        BaseObjectCreationExpressionSyntax creation => CreatedType.Of(creation) is { } type && !apps.MayBeMember(type),
        ConstructorInitializerSyntax { Parent: ConstructorDeclarationSyntax { Parent: TypeDeclarationSyntax declaring } } =>
            !declaring.Modifiers.Any(SyntaxKind.PartialKeyword)
            && (declaring.BaseList is not { Types.Count: > 0 } bases || !apps.MayBeMember(bases.Types[0].Type)),
        _ => false,
    };

    /// <summary>Only literal-looking arguments can be judged; a call with none is dismissed before binding.</summary>
    private static bool HasLiteralArgument(SyntaxNode node)
    {
        var list = node switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList,
            BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
            ConstructorInitializerSyntax initializer => initializer.ArgumentList,
            _ => null,
        };
        if (list is null)
        {
            return false;
        }

        foreach (var argument in list.Arguments)
        {
            if (SyntaxValue.Of(argument.Expression).Kind != SyntaxValueKind.NeverKnown)
            {
                return true;
            }
        }

        return false;
    }
}
