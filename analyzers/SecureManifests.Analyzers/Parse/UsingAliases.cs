using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureManifests.Analyzers.Parse;

/// <summary>
/// The using-alias names a type written in one syntax tree may be: the tree's own (<c>using P = k8s.Models.V1Pod;</c>,
/// at the top or in a namespace) and every file's <c>global using</c> aliases. The screens read a type's simple name
/// to tell a model from any other type; an alias hides the type it stands for, so its name is left to binding.
/// Read from the using directives only, once per tree and once per compilation for the global ones.
/// </summary>
internal sealed class UsingAliases
{
    private static readonly HashSet<string> None = new(StringComparer.Ordinal);

    private readonly Lazy<HashSet<string>> _global;
    private readonly ConcurrentDictionary<SyntaxTree, HashSet<string>> _local = new();
    private readonly Func<SyntaxTree, HashSet<string>> _readLocal = LocalAliases;

    public UsingAliases(Compilation compilation) =>
        _global = new Lazy<HashSet<string>>(() => GlobalAliases(compilation), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether <paramref name="name"/>, written in <paramref name="tree"/>, may be a using alias.</summary>
    public bool IsAlias(SyntaxTree tree, string name) =>
        name.Length > 0 && (_local.GetOrAdd(tree, _readLocal).Contains(name) || _global.Value.Contains(name));

    private static HashSet<string> GlobalAliases(Compilation compilation)
    {
        var names = None;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetRoot() is CompilationUnitSyntax unit)
            {
                foreach (var directive in unit.Usings)
                {
                    if (!directive.GlobalKeyword.IsKind(SyntaxKind.None))
                    {
                        names = Add(names, directive);
                    }
                }
            }
        }

        return names;
    }

    private static HashSet<string> LocalAliases(SyntaxTree tree)
    {
        var names = None;
        if (tree.GetRoot() is CompilationUnitSyntax unit)
        {
            foreach (var directive in unit.Usings)
            {
                names = Add(names, directive);
            }

            names = AddNamespaces(names, unit.Members);
        }

        return names;
    }

    private static HashSet<string> AddNamespaces(HashSet<string> names, SyntaxList<MemberDeclarationSyntax> members)
    {
        foreach (var member in members)
        {
            if (member is BaseNamespaceDeclarationSyntax ns)
            {
                foreach (var directive in ns.Usings)
                {
                    names = Add(names, directive);
                }

                names = AddNamespaces(names, ns.Members);
            }
        }

        return names;
    }

    private static HashSet<string> Add(HashSet<string> names, UsingDirectiveSyntax directive)
    {
        if (directive.Alias is null)
        {
            return names;
        }

        // Most trees have no alias: they all share the one empty set.
        if (ReferenceEquals(names, None))
        {
            names = new HashSet<string>(StringComparer.Ordinal);
        }

        names.Add(directive.Alias.Name.Identifier.ValueText);
        return names;
    }
}
