using Microsoft.CodeAnalysis;

namespace SecureManifests.Generators;

/// <summary>
/// What makes a [ManifestApp] class usable by the build step. The analyzer reports each failed condition; the
/// generator leaves such classes out of the catalog, so the user sees one clear SM01xx error rather than a compiler
/// error inside generated code.
/// </summary>
internal static class ManifestAppShape
{
    public static bool IsEffectivelyPublic(INamedTypeSymbol type)
    {
        for (ISymbol? current = type; current is INamedTypeSymbol named; current = named.ContainingType)
        {
            if (named.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsConcrete(INamedTypeSymbol type) =>
        !type.IsAbstract && !type.IsStatic && !type.IsGenericType && !IsInsideGenericType(type);

    public static bool HasPublicParameterlessConstructor(INamedTypeSymbol type) =>
        type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public);

    public static bool DerivesFromApp(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) == WellKnownNames.App)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when generated code can write <c>new T()</c> and get an App.</summary>
    public static bool IsUsable(INamedTypeSymbol type) =>
        IsEffectivelyPublic(type) && IsConcrete(type) && HasPublicParameterlessConstructor(type) && DerivesFromApp(type);

    private static bool IsInsideGenericType(INamedTypeSymbol type)
    {
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType)
            {
                return true;
            }
        }

        return false;
    }
}
