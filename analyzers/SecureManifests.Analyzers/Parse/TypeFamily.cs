using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureManifests.Analyzers.Parse;

/// <summary>
/// Whether a type written in source may be, or derive from, a type of one family (the KubernetesClient models, or
/// the SDK's <c>App</c>), decided without binding the code around it, so that <c>new WorkerSpec { Name = name }</c>
/// or <c>new Uri("...")</c> is dismissed at the cost of a dictionary lookup. A name may be one when it is a family
/// name, a using alias, a type parameter in scope, or a source type whose base types (which the compiler binds for
/// its declarations anyway) reach the family, or a class of a referenced assembly that does. Only assemblies that
/// reference the family's can subclass it; those are read once (the trusted ones, the family's own and the SDK,
/// define no subclass: <c>TypeFamilyTests</c> checks that).
/// </summary>
internal sealed class TypeFamily
{
    private readonly Compilation _compilation;
    private readonly Func<string, bool> _isFamilyName;
    private readonly Func<INamedTypeSymbol, bool> _isFamilyType;
    private readonly string[] _familyAssemblies;
    private readonly string[] _trustedAssemblies;
    private readonly UsingAliases _aliases;
    private readonly Lazy<HashSet<string>> _subclasses;

    /// <param name="familyAssemblies">The assemblies that define the family: only an assembly that references one can subclass it.</param>
    /// <param name="trustedAssemblies">Referenced assemblies known to define no subclass of the family.</param>
    public TypeFamily(Compilation compilation, Func<string, bool> isFamilyName, Func<INamedTypeSymbol, bool> isFamilyType, string[] familyAssemblies, string[] trustedAssemblies, UsingAliases aliases)
    {
        _compilation = compilation;
        _isFamilyName = isFamilyName;
        _isFamilyType = isFamilyType;
        _familyAssemblies = familyAssemblies;
        _trustedAssemblies = trustedAssemblies;
        _aliases = aliases;
        _subclasses = new Lazy<HashSet<string>>(Subclasses, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Whether <paramref name="type"/> may stand for a family type or a subclass of one.</summary>
    public bool MayBeMember(TypeSyntax type)
    {
        // Predefined, array, tuple and pointer types have no simple name, and are never a family's class.
        var name = ModelTypes.SimpleName(type);
        if (name.Length == 0)
        {
            return false;
        }

        return _isFamilyName(name) || _aliases.IsAlias(type.SyntaxTree, name) || IsTypeParameter(type, name)
            || _subclasses.Value.Contains(name);
    }

    private bool DerivesFromFamily(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (_isFamilyType(current.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A type parameter of an enclosing method, local function or type (<c>where T : V1Container, new()</c>).</summary>
    private static bool IsTypeParameter(SyntaxNode node, string name)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            var parameters = current switch
            {
                MethodDeclarationSyntax method => method.TypeParameterList,
                LocalFunctionStatementSyntax function => function.TypeParameterList,
                TypeDeclarationSyntax type => type.TypeParameterList,
                _ => null,
            };
            if (parameters is null)
            {
                continue;
            }

            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.Identifier.ValueText == name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The simple names of the classes that derive from the family: in source (read once per compilation from the
    /// declared types, whose base types the compiler binds anyway), and in referenced assemblies that reference the
    /// family's assemblies and are not trusted.
    /// </summary>
    private HashSet<string> Subclasses()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in _compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Type))
        {
            if (symbol is INamedTypeSymbol { TypeKind: TypeKind.Class } type && DerivesFromFamily(type))
            {
                names.Add(type.Name);
            }
        }

        foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (Array.IndexOf(_familyAssemblies, assembly.Identity.Name) < 0 && Array.IndexOf(_trustedAssemblies, assembly.Identity.Name) < 0
                && ReferencesFamily(assembly))
            {
                AddSubclasses(assembly.GlobalNamespace, names);
            }
        }

        return names;
    }

    private void AddSubclasses(INamespaceOrTypeSymbol container, HashSet<string> names)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                AddSubclasses(ns, names);
            }
            else if (member is INamedTypeSymbol type)
            {
                if (type.TypeKind == TypeKind.Class && DerivesFromFamily(type))
                {
                    names.Add(type.Name);
                }

                AddSubclasses(type, names);
            }
        }
    }

    private bool ReferencesFamily(IAssemblySymbol assembly)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var reference in module.ReferencedAssemblies)
            {
                if (Array.IndexOf(_familyAssemblies, reference.Name) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
