using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using SecureManifests.Analyzers;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.CodeFixes;

/// <summary>One mechanical fix of one diagnostic, as an edit that composes with the others on a <see cref="SyntaxEditor"/>.</summary>
internal abstract class SecureSettingFix
{
    protected SecureSettingFix(string title, SyntaxNode target)
    {
        Title = title;
        Target = target;
    }

    public string Title { get; }

    /// <summary>The node the fix edits: two findings on one setting (SM1005 and SM1006 on one Add) share one edit.</summary>
    public SyntaxNode Target { get; }

    /// <summary>The fix the diagnostic's properties name, at the node it was reported on; null when none applies.</summary>
    public static SecureSettingFix? For(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(FixKinds.Key, out var kind) || kind is null)
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        switch (kind)
        {
            case FixKinds.ReplaceValue:
                return node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is { } assignment
                    && diagnostic.Properties.TryGetValue(FixKinds.SafeValueKey, out var safe) && safe is not null
                    ? new ReplaceValue(assignment, safe)
                    : null;
            case FixKinds.RemoveAssignment:
                return node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is { } removed ? new RemoveAssignment(removed) : null;
            case FixKinds.AddDropAll:
                return node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is { Initializer: not null } creation ? new AddDropAll(creation) : null;
            case FixKinds.RemoveRelaxation:
                return node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { Expression: MemberAccessExpressionSyntax } invocation
                    ? new RemoveRelaxation(invocation)
                    : null;
            default:
                return null;
        }
    }

    public abstract void Apply(SyntaxEditor editor);

    private static string Describe(ExpressionSyntax target) =>
        target is MemberAccessExpressionSyntax member ? member.Name.Identifier.ValueText : target.ToString();

    private sealed class ReplaceValue : SecureSettingFix
    {
        private readonly AssignmentExpressionSyntax _assignment;
        private readonly string _safe;

        public ReplaceValue(AssignmentExpressionSyntax assignment, string safe)
            : base("Set " + Describe(assignment.Left) + " to " + safe, assignment)
        {
            _assignment = assignment;
            _safe = safe;
        }

        public override void Apply(SyntaxEditor editor) =>
            editor.ReplaceNode(_assignment.Right, (current, _) => SyntaxFactory.ParseExpression(_safe).WithTriviaFrom(current));
    }

    /// <summary>Removes the assignment from its object initializer, or the whole statement it forms.</summary>
    private sealed class RemoveAssignment : SecureSettingFix
    {
        private readonly AssignmentExpressionSyntax _assignment;

        public RemoveAssignment(AssignmentExpressionSyntax assignment)
            : base("Remove " + Describe(assignment.Left), assignment) => _assignment = assignment;

        public override void Apply(SyntaxEditor editor)
        {
            if (_assignment.Parent is InitializerExpressionSyntax initializer)
            {
                // The formatter (run on annotated nodes when the fix is applied) mends the spacing the removal leaves.
                editor.RemoveNode(_assignment, SyntaxRemoveOptions.KeepNoTrivia);
                editor.ReplaceNode(initializer, (current, _) => current.WithAdditionalAnnotations(Formatter.Annotation));
            }
            else if (_assignment.Parent is ExpressionStatementSyntax statement)
            {
                editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
            }
        }
    }

    private sealed class AddDropAll : SecureSettingFix
    {
        private readonly BaseObjectCreationExpressionSyntax _creation;

        public AddDropAll(BaseObjectCreationExpressionSyntax creation)
            : base("Drop all capabilities", creation) => _creation = creation;

        // new[] rather than a collection initializer: Drop is null on a new V1Capabilities, so
        // "Drop = { ... }" would throw a NullReferenceException at run time.
        public override void Apply(SyntaxEditor editor) =>
            editor.ReplaceNode(_creation.Initializer!, (current, _) =>
            {
                var initializer = (InitializerExpressionSyntax)current;
                var drop = SyntaxFactory.ParseExpression("Drop = new[] { \"" + Capabilities.All + "\" }");
                return initializer.WithExpressions(initializer.Expressions.Insert(0, drop)).WithAdditionalAnnotations(Formatter.Annotation);
            });
    }

    /// <summary>
    /// <c>x.A().Allow(Relaxation.X, "").B()</c> becomes <c>x.A().B()</c>; a statement that is only the
    /// relaxation (<c>app.Defaults.Allow(...);</c>) is removed.
    /// </summary>
    private sealed class RemoveRelaxation : SecureSettingFix
    {
        private readonly InvocationExpressionSyntax _invocation;

        public RemoveRelaxation(InvocationExpressionSyntax invocation)
            : base("Remove the relaxation and keep the secure default", invocation) => _invocation = invocation;

        public override void Apply(SyntaxEditor editor)
        {
            var receiver = ((MemberAccessExpressionSyntax)_invocation.Expression).Expression;
            if (_invocation.Parent is ExpressionStatementSyntax statement && receiver is not InvocationExpressionSyntax)
            {
                editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
                return;
            }

            // The callback sees the invocation with any edits inside it (another relaxation further down the chain).
            editor.ReplaceNode(_invocation, (current, _) =>
                ((MemberAccessExpressionSyntax)((InvocationExpressionSyntax)current).Expression).Expression.WithTrailingTrivia(current.GetTrailingTrivia()));
        }
    }
}
