using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using SecureManifests.Analyzers;

namespace SecureManifests.CodeFixes;

/// <summary>
/// Mechanical fixes for SecureManifests diagnostics. The analyzer says in the diagnostic's properties which
/// fix applies (<see cref="FixKinds"/>): flip to the safe value, remove the unsafe assignment, add
/// <c>Drop = new[] { "ALL" }</c>, or remove a reason-less relaxation call from an SDK fluent chain.
/// </summary>
/// <remarks>
/// Every fix is an edit on a <see cref="SyntaxEditor"/>, and they all share one equivalence key. Fix All (and
/// <c>dotnet format analyzers</c>, which fixes all of an ID with the first fix's key) applies every finding of a
/// document in one pass over one editor, so fixes in the same initializer or fluent chain compose instead of
/// being dropped as conflicting text changes.
/// </remarks>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(SecureSettingCodeFixProvider)), Shared]
public sealed class SecureSettingCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "SecureManifests.SecureDefault";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = FixableRules.Ids;

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

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
            if (SecureSettingFix.For(root, diagnostic) is { } fix)
            {
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(fix.Title, ct => ApplyAsync(document, root, new[] { fix }, ct), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return null;
        }

        var fixes = diagnostics.Select(d => SecureSettingFix.For(root, d)).Where(f => f is not null).Select(f => f!).ToList();
        return fixes.Count == 0 ? null : await ApplyAsync(document, root, fixes, context.CancellationToken).ConfigureAwait(false);
    }

    private static Task<Document> ApplyAsync(Document document, SyntaxNode root, IEnumerable<SecureSettingFix> fixes, CancellationToken cancellationToken)
    {
        var editor = new SyntaxEditor(root, document.Project.Solution.Workspace.Services);
        var edited = new HashSet<(System.Type, SyntaxNode)>();
        foreach (var fix in fixes)
        {
            if (!edited.Add((fix.GetType(), fix.Target)))
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            fix.Apply(editor);
        }

        return Task.FromResult(document.WithSyntaxRoot(editor.GetChangedRoot()));
    }
}
