using Microsoft.CodeAnalysis;

namespace SecureManifests.Analyzers;

/// <summary>
/// The SecureManifests SDK types of one compilation, resolved once in the compilation-start action.
/// Null when the compilation does not reference the SDK.
/// </summary>
internal sealed class SdkTypes
{
    private SdkTypes(INamedTypeSymbol app, INamedTypeSymbol ns, INamedTypeSymbol? workload, INamedTypeSymbol? container, INamedTypeSymbol? defaults)
    {
        App = app;
        Namespace = ns;
        Workload = workload;
        Container = container;
        Defaults = defaults;
    }

    public INamedTypeSymbol App { get; }

    public INamedTypeSymbol Namespace { get; }

    /// <summary><c>Workload&lt;TSelf&gt;</c>, the fluent base of every workload.</summary>
    public INamedTypeSymbol? Workload { get; }

    public INamedTypeSymbol? Container { get; }

    public INamedTypeSymbol? Defaults { get; }

    public static SdkTypes? Create(Compilation compilation)
    {
        if (!ModelTypes.References(compilation, "SecureManifests"))
        {
            return null;
        }

        var app = compilation.GetTypeByMetadataName("SecureManifests.App");
        var ns = compilation.GetTypeByMetadataName("SecureManifests.Model.Namespace");
        if (app is null || ns is null)
        {
            return null;
        }

        return new SdkTypes(
            app,
            ns,
            compilation.GetTypeByMetadataName("SecureManifests.Model.Workload`1"),
            compilation.GetTypeByMetadataName("SecureManifests.Model.Container"),
            compilation.GetTypeByMetadataName("SecureManifests.Defaults.ScopedDefaults"));
    }

    /// <summary>Whether <paramref name="type"/> is one of the SDK types whose calls the analyzers judge.</summary>
    public bool IsSdkType(INamedTypeSymbol? type)
    {
        var definition = type?.OriginalDefinition;
        return definition is not null
            && (SymbolEqualityComparer.Default.Equals(definition, App) || SymbolEqualityComparer.Default.Equals(definition, Namespace)
                || SymbolEqualityComparer.Default.Equals(definition, Workload) || SymbolEqualityComparer.Default.Equals(definition, Container)
                || IsDerivedFromApp(definition));
    }

    private bool IsDerivedFromApp(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, App))
            {
                return true;
            }
        }

        return false;
    }
}
