using System;
using Microsoft.CodeAnalysis;

namespace SecureManifests.Analyzers;

/// <summary>
/// The SecureManifests SDK types of one compilation, looked up on first use (most code of a project that references
/// the SDK is dismissed from syntax before any type is needed). Null when the compilation does not reference the SDK.
/// </summary>
internal sealed class SdkTypes
{
    /// <summary>The SDK's assembly.</summary>
    public const string Assembly = "SecureManifests";

    /// <summary>The simple name of <c>SecureManifests.App</c>, the one SDK type a user constructs.</summary>
    public const string AppName = "App";

    private readonly Lazy<Resolved> _resolved;

    private SdkTypes(Compilation compilation) =>
        _resolved = new Lazy<Resolved>(() => new Resolved(compilation), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Null when the SDK is missing (an SDK without App is not one the checks know).</summary>
    public INamedTypeSymbol? App => _resolved.Value.App;

    public INamedTypeSymbol? Namespace => _resolved.Value.Namespace;

    /// <summary><c>Workload&lt;TSelf&gt;</c>, the fluent base of every workload.</summary>
    public INamedTypeSymbol? Workload => _resolved.Value.Workload;

    public INamedTypeSymbol? Container => _resolved.Value.Container;

    public INamedTypeSymbol? Defaults => _resolved.Value.Defaults;

    /// <summary>The SDK types of <paramref name="compilation"/>, or null when it does not reference the SDK (checked on assembly names only).</summary>
    public static SdkTypes? Create(Compilation compilation) => ModelTypes.References(compilation, Assembly) ? new SdkTypes(compilation) : null;

    /// <summary>Whether <paramref name="type"/> is one of the SDK types whose calls the analyzers judge.</summary>
    public bool IsSdkType(INamedTypeSymbol? type)
    {
        var definition = type?.OriginalDefinition;
        var resolved = _resolved.Value;
        return definition is not null && resolved.App is not null
            && (SymbolEqualityComparer.Default.Equals(definition, resolved.App) || SymbolEqualityComparer.Default.Equals(definition, resolved.Namespace)
                || SymbolEqualityComparer.Default.Equals(definition, resolved.Workload) || SymbolEqualityComparer.Default.Equals(definition, resolved.Container)
                || IsDerivedFromApp(definition, resolved.App));
    }

    /// <summary>Whether <paramref name="type"/> is <c>SecureManifests.App</c>.</summary>
    public bool IsApp(INamedTypeSymbol type) => SymbolEqualityComparer.Default.Equals(type, App);

    private static bool IsDerivedFromApp(INamedTypeSymbol type, INamedTypeSymbol app)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, app))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Resolved
    {
        public Resolved(Compilation compilation)
        {
            var app = compilation.GetTypeByMetadataName(Assembly + "." + AppName);
            var ns = compilation.GetTypeByMetadataName("SecureManifests.Model.Namespace");
            if (app is null || ns is null)
            {
                return;
            }

            App = app;
            Namespace = ns;
            Workload = compilation.GetTypeByMetadataName("SecureManifests.Model.Workload`1");
            Container = compilation.GetTypeByMetadataName("SecureManifests.Model.Container");
            Defaults = compilation.GetTypeByMetadataName("SecureManifests.Defaults.ScopedDefaults");
        }

        public INamedTypeSymbol? App { get; }

        public INamedTypeSymbol? Namespace { get; }

        public INamedTypeSymbol? Workload { get; }

        public INamedTypeSymbol? Container { get; }

        public INamedTypeSymbol? Defaults { get; }
    }
}
