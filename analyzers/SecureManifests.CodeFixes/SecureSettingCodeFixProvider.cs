using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SecureManifests.Analyzers;
using SecureManifests.Rules;

namespace SecureManifests.CodeFixes;

/// <summary>
/// Mechanical fixes for SecureManifests diagnostics. The analyzer says in the diagnostic's properties which
/// fix applies (<see cref="FixKinds"/>): flip to the safe value, remove the unsafe assignment, add
/// <c>Drop = new[] { "ALL" }</c>, or remove a reason-less relaxation call from an SDK fluent chain.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecureSettingCodeFixProvider)), Shared]
public sealed class SecureSettingCodeFixProvider : CodeFixProvider
{
    /// <summary>
    /// One equivalence key for every "back to the secure value" fix, so that Fix All repairs every mechanical
    /// finding in its scope at once instead of one kind of fix at a time.
    /// </summary>
    private const string SecureValueKey = "SecureManifests.SecureValue";

    private const string RemoveRelaxationKey = "SecureManifests.RemoveRelaxation";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = RuleCatalog.All
        .Where(r => (r.EnforcedBy & RuleEnforcementPoints.Analyzer) != 0)
        .Select(r => r.Id)
        .ToImmutableArray();

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixKinds.Key, out var kind) || kind is null)
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var action = CreateAction(context.Document, root, node, kind, diagnostic);
            if (action is not null)
            {
                context.RegisterCodeFix(action, diagnostic);
            }
        }
    }

    private static CodeAction? CreateAction(Document document, SyntaxNode root, SyntaxNode node, string kind, Diagnostic diagnostic)
    {
        switch (kind)
        {
            case FixKinds.ReplaceValue:
                var assignment = node.FirstAncestorOrSelf<AssignmentExpressionSyntax>();
                if (assignment is null || !diagnostic.Properties.TryGetValue(FixKinds.SafeValueKey, out var safe) || safe is null)
                {
                    return null;
                }

                return Create("Set " + Describe(assignment.Left) + " to " + safe, SecureValueKey, _ =>
                    With(document, root.ReplaceNode(assignment.Right, SyntaxFactory.ParseExpression(safe).WithTriviaFrom(assignment.Right))));
            case FixKinds.RemoveAssignment:
                var removed = node.FirstAncestorOrSelf<AssignmentExpressionSyntax>();
                return removed is null ? null : Create("Remove " + Describe(removed.Left), SecureValueKey, _ => With(document, RemoveAssignment(root, removed)));
            case FixKinds.AddDropAll:
                var creation = node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
                return creation?.Initializer is null ? null : Create("Drop all capabilities", SecureValueKey, _ => With(document, AddDropAll(root, creation)));
            case FixKinds.RemoveRelaxation:
                var invocation = node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
                return invocation?.Expression is MemberAccessExpressionSyntax
                    ? Create("Remove the relaxation and keep the secure default", RemoveRelaxationKey, _ => With(document, RemoveRelaxation(root, invocation)))
                    : null;
            default:
                return null;
        }
    }

    private static CodeAction Create(string title, string equivalenceKey, System.Func<CancellationToken, Task<Document>> apply) =>
        CodeAction.Create(title, apply, equivalenceKey);

    private static Task<Document> With(Document document, SyntaxNode root) => Task.FromResult(document.WithSyntaxRoot(root));

    private static string Describe(ExpressionSyntax target) =>
        target is MemberAccessExpressionSyntax member ? member.Name.Identifier.ValueText : target.ToString();

    /// <summary>Removes the assignment from its object initializer, or the whole statement it forms.</summary>
    private static SyntaxNode RemoveAssignment(SyntaxNode root, AssignmentExpressionSyntax assignment)
    {
        if (assignment.Parent is InitializerExpressionSyntax initializer)
        {
            var expressions = initializer.Expressions;
            var index = expressions.IndexOf(assignment);
            var updated = initializer.WithExpressions(expressions.RemoveAt(index));
            return root.ReplaceNode(initializer, updated.WithAdditionalAnnotations(Formatter.Annotation));
        }

        if (assignment.Parent is ExpressionStatementSyntax statement)
        {
            return root.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia) ?? root;
        }

        return root;
    }

    private static SyntaxNode AddDropAll(SyntaxNode root, BaseObjectCreationExpressionSyntax creation)
    {
        // new[] rather than a collection initializer: Drop is null on a new V1Capabilities, so
        // "Drop = { "ALL" }" would throw a NullReferenceException at run time.
        var drop = SyntaxFactory.ParseExpression("Drop = new[] { \"" + Rules.Semantics.Capabilities.All + "\" }");
        var initializer = creation.Initializer!;
        var updated = initializer.WithExpressions(initializer.Expressions.Insert(0, drop));
        return root.ReplaceNode(initializer, updated.WithAdditionalAnnotations(Formatter.Annotation));
    }

    /// <summary>
    /// <c>x.A().Allow(Relaxation.X, "").B()</c> becomes <c>x.A().B()</c>; a statement that is only the
    /// relaxation (<c>app.Defaults.Allow(...);</c>) is removed.
    /// </summary>
    private static SyntaxNode RemoveRelaxation(SyntaxNode root, InvocationExpressionSyntax invocation)
    {
        var receiver = ((MemberAccessExpressionSyntax)invocation.Expression).Expression;
        if (invocation.Parent is ExpressionStatementSyntax statement && receiver is not InvocationExpressionSyntax)
        {
            return root.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia) ?? root;
        }

        return root.ReplaceNode(invocation, receiver.WithTrailingTrivia(invocation.GetTrailingTrivia()));
    }
}
