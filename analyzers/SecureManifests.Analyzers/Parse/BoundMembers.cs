using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureManifests.Analyzers.Parse;

/// <summary>
/// The members (methods, properties, field initializers, ...) that one write has already had bound. The semantic
/// model binds a member whole and keeps it, so every other write in it then costs a lookup: the value screens, which
/// only save binding, are not worth running there (measured on K8sHeavy: screening writes in members that are bound
/// anyway cost more than binding them). The cheap type-name screens still run.
/// </summary>
internal sealed class BoundMembers
{
    private readonly ConcurrentDictionary<MemberDeclarationSyntax, byte> _members = new();

    public bool Contains(SyntaxNode node) => Member(node) is { } member && _members.ContainsKey(member);

    public void Add(SyntaxNode node)
    {
        if (Member(node) is { } member)
        {
            _members.TryAdd(member, 0);
        }
    }

    private static MemberDeclarationSyntax? Member(SyntaxNode node) => node.FirstAncestorOrSelf<MemberDeclarationSyntax>();
}
