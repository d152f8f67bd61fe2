using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureManifests.Analyzers.Judge;
using SecureManifests.Analyzers.Report;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Analyzers.Parse;

/// <summary>
/// Decides from syntax alone that a write into a model is safe, so the semantic model is not asked to bind the
/// method for it: secure code is mostly literals, and binding is the analyzers' main cost. It runs the same
/// judges as the bound path on a <see cref="SyntaxSetting"/>, for every model kind the syntax may stand for,
/// and calls the write safe only when no enabled rule finds anything and no value was left to binding.
/// </summary>
internal sealed class SyntaxScreen
{
    private static readonly ModelKind[] AllKinds = (ModelKind[])System.Enum.GetValues(typeof(ModelKind));

    private readonly RuleSwitches _rules;
    private readonly ModelTypes _types;
    private readonly UsingAliases _aliases;
    private readonly TypeFamily _models;

    public SyntaxScreen(Compilation compilation, ModelTypes types, RuleSwitches rules)
    {
        _rules = rules;
        _types = types;
        _aliases = new UsingAliases(compilation);
        // The SDK references KubernetesClient but subclasses no model (TypeFamilyTests).
        _models = new TypeFamily(compilation, name => ModelTypes.TryGetKindBySimpleName(name, out _), ModelTypes.IsModelType,
            ModelTypes.DefiningAssemblies, new[] { SdkTypes.Assembly }, _aliases);
    }

    public bool IsSafeAssignment(AssignmentExpressionSyntax assignment, string property, SecretNamePattern secretNames, CancellationToken cancellationToken)
    {
        var owner = Owner(assignment);
        if (IsMemberOfNoModel(assignment))
        {
            return true;
        }

        var tree = assignment.SyntaxTree;
        if (property == "Image" && assignment.Right is InterpolatedStringExpressionSyntax interpolated && HasPinnedTag(interpolated)
            && !_rules.IsEnabled(tree, Rules.RuleIds.ImageNotPinnedByDigest, cancellationToken))
        {
            return true;
        }

        var state = new ScreenState();
        var verdicts = new Verdicts(secretNames);
        foreach (var kind in CandidateKinds(owner, property))
        {
            JudgeTable.Instance.Judge(new SyntaxSetting(kind, property, assignment.Right, owner, state), verdicts);
        }

        return IsSafe(state, verdicts, tree, cancellationToken);
    }

    /// <summary>A member of an object that cannot be a model (<c>new WorkerSpec { Name = name, Image = image }</c>): nothing to judge.</summary>
    public bool IsMemberOfNoModel(AssignmentExpressionSyntax assignment) =>
        Owner(assignment) is { } owner && CreatedType.Of(owner) is { } ownerType && !_models.MayBeMember(ownerType);

    /// <summary>A creation whose written type is not a model's (<c>new Dictionary&lt;string, int&gt;(comparer)</c>, a field's <c>= new(comparer)</c>).</summary>
    public bool NamesNoModel(BaseObjectCreationExpressionSyntax creation) =>
        CreatedType.Of(creation) is { } type && !ModelTypes.TryGetKindBySimpleName(ModelTypes.SimpleName(type), out _)
        && !_aliases.IsAlias(creation.SyntaxTree, ModelTypes.SimpleName(type));

    /// <summary>A new object whose unset members, or constructor arguments, a judgment reads.</summary>
    public bool IsSafeCreation(BaseObjectCreationExpressionSyntax creation, SecretNamePattern secretNames, CancellationToken cancellationToken)
    {
        if (creation.ArgumentList is { Arguments.Count: > 0 })
        {
            // Which members the arguments set only binding tells; a type that is not a model's is dismissed
            // (new Dictionary<string, int>(StringComparer.Ordinal), and a field's `= new(comparer)`).
            return NamesNoModel(creation);
        }

        if (creation.Initializer is null)
        {
            return true;
        }

        var state = new ScreenState();
        var verdicts = new Verdicts(secretNames);
        foreach (var kind in CreationKinds(creation))
        {
            JudgeTable.Instance.JudgeCreation(new SyntaxSetting(kind, string.Empty, null, creation, state), verdicts);
        }

        return IsSafe(state, verdicts, creation.SyntaxTree, cancellationToken);
    }

    /// <summary>
    /// An interpolated image whose known text after its last unknown hole already fixes a tag other than
    /// <c>latest</c>, whatever the holes hold: <c>$"{Registry}/api:1.2"</c>, <c>$"{Registry}/api:{Tag}"</c> with a known tag.
    /// </summary>
    public static bool HasPinnedTag(InterpolatedStringExpressionSyntax interpolated)
    {
        var parts = new List<string?>();
        if (SyntaxValue.Parts(interpolated, parts) != SyntaxValueKind.Unknown)
        {
            return false;
        }

        var tail = new System.Text.StringBuilder();
        for (var i = parts.Count - 1; i >= 0 && parts[i] is not null; i--)
        {
            tail.Insert(0, parts[i]);
        }

        return WorkloadJudges.ImageOfKnownTail(tail.ToString()) is { IsMutable: false };
    }

    private bool IsSafe(ScreenState state, Verdicts verdicts, SyntaxTree tree, CancellationToken cancellationToken) =>
        !state.MetMaybeKnown && verdicts.Items.All(v => !_rules.IsEnabled(tree, v.RuleId, cancellationToken));

    private static BaseObjectCreationExpressionSyntax? Owner(AssignmentExpressionSyntax assignment) =>
        assignment.Parent is InitializerExpressionSyntax initializer && initializer.IsKind(SyntaxKind.ObjectInitializerExpression)
            ? initializer.Parent as BaseObjectCreationExpressionSyntax
            : null;

    /// <summary>The kinds a write may be into: the kind the created type names, or every kind with a judgment for the property.</summary>
    private static IEnumerable<ModelKind> CandidateKinds(BaseObjectCreationExpressionSyntax? owner, string property)
    {
        if (owner is ObjectCreationExpressionSyntax explicitType && ModelTypes.TryGetKindBySimpleName(ModelTypes.SimpleName(explicitType.Type), out var kind))
        {
            return new[] { kind };
        }

        return JudgeTable.Instance.KindsFor(property);
    }

    private IEnumerable<ModelKind> CreationKinds(BaseObjectCreationExpressionSyntax creation)
    {
        if (CreatedType.Of(creation) is { } type)
        {
            var name = ModelTypes.SimpleName(type);
            if (ModelTypes.TryGetKindBySimpleName(name, out var kind))
            {
                return JudgeTable.Instance.JudgesCreationOf(kind) ? new[] { kind } : System.Array.Empty<ModelKind>();
            }

            if (!_aliases.IsAlias(creation.SyntaxTree, name))
            {
                return System.Array.Empty<ModelKind>();
            }
        }

        // new() { ... }, or an alias (`using P = k8s.Models.V1Capabilities;`): any judged kind that has every member the initializer sets.
        var members = new List<string>();
        foreach (var expression in creation.Initializer!.Expressions)
        {
            if (expression is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax name })
            {
                return System.Array.Empty<ModelKind>();
            }

            members.Add(name.Identifier.ValueText);
        }

        return AllKinds.Where(k => JudgeTable.Instance.JudgesCreationOf(k) && _types.HasProperties(k, members));
    }
}
