using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureManifests.Analyzers.Judge;
using SecureManifests.Analyzers.Parse;
using SecureManifests.Analyzers.Report;

namespace SecureManifests.Analyzers;

/// <summary>
/// The per-compilation work of <see cref="RawModelAnalyzer"/>, in three steps kept apart: parse a write into a
/// model (<see cref="OperationSetting"/>, after <see cref="SyntaxScreen"/> had its chance to dismiss it unbound),
/// judge it (<see cref="JudgeTable"/>, calling the shared rule semantics), report the verdicts (<see cref="Reporter"/>).
/// </summary>
internal sealed class ModelAnalysis
{
    private readonly ModelTypes _types;
    private readonly AnalyzerOptionsCache _options;
    private readonly SyntaxScreen _screen;
    private readonly RuleSwitches _rules;
    private readonly BoundMembers _bound = new();

    public ModelAnalysis(Compilation compilation, ModelTypes types, AnalyzerOptionsCache options)
    {
        _types = types;
        _options = options;
        _rules = new RuleSwitches(compilation);
        _screen = new SyntaxScreen(compilation, types, _rules);
    }

    /// <summary>
    /// <c>Privileged = true</c> in an initializer, <c>sc.Privileged = true</c> as a statement, and
    /// <c>Add = { "SYS_ADMIN" }</c> (a collection initializer on an existing property).
    /// </summary>
    public void AnalyzeAssignment(SyntaxNodeAnalysisContext context)
    {
        var syntax = (AssignmentExpressionSyntax)context.Node;
        var name = syntax.Left switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            _ => null,
        };
        if (name is null || !JudgeTable.Instance.JudgesProperty(name))
        {
            return;
        }

        var secretNames = _options.SecretNamesFor(syntax.SyntaxTree);
        if (_options.ScreensEnabled && (_bound.Contains(syntax) ? _screen.IsMemberOfNoModel(syntax) : _screen.IsSafeAssignment(syntax, name, secretNames, context.CancellationToken)))
        {
            return;
        }

        _bound.Add(syntax);
        var setting = context.SemanticModel.GetOperation(syntax, context.CancellationToken) switch
        {
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                when _types.TryGetKind(property.Property.ContainingType, out var kind) => OperationSetting.ForMember(kind, property.Property.Name, assignment.Value, assignment),
            IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation property } member
                when _types.TryGetKind(property.Property.ContainingType, out var kind) => OperationSetting.ForMember(kind, property.Property.Name, member.Initializer, member),
            _ => null,
        };
        if (setting is not null)
        {
            var verdicts = new Verdicts(secretNames);
            JudgeTable.Instance.Judge(setting, verdicts);
            Reporter.Report(context.ReportDiagnostic, verdicts, _rules, syntax, context.CancellationToken);
        }
    }

    /// <summary>Constructor arguments of a model (<c>new V1SecurityContext(privileged: true)</c>), and what a new object leaves unset.</summary>
    public void AnalyzeObjectCreation(SyntaxNodeAnalysisContext context)
    {
        var syntax = (BaseObjectCreationExpressionSyntax)context.Node;
        var secretNames = _options.SecretNamesFor(syntax.SyntaxTree);
        if (_options.ScreensEnabled && (_bound.Contains(syntax) ? _screen.NamesNoModel(syntax) : _screen.IsSafeCreation(syntax, secretNames, context.CancellationToken)))
        {
            return;
        }

        _bound.Add(syntax);
        if (context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IObjectCreationOperation creation
            || !_types.TryGetKind(creation.Type, out var kind))
        {
            return;
        }

        var verdicts = new Verdicts(secretNames);
        foreach (var argument in creation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter is not null)
            {
                JudgeTable.Instance.Judge(OperationSetting.ForArgument(kind, argument, creation), verdicts);
            }
        }

        JudgeTable.Instance.JudgeCreation(OperationSetting.ForCreation(kind, creation), verdicts);
        Reporter.Report(context.ReportDiagnostic, verdicts, _rules, syntax, context.CancellationToken);
    }
}
