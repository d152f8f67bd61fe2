using System.Collections;
using System.Reflection;

namespace SecureManifests.Cli.Synth;

/// <summary>An app found in a user's assembly: its type name and how to create it.</summary>
internal sealed record DiscoveredApp(string TypeName, Func<App> Create);

/// <summary>
/// Finds the apps of an assembly: the entries of the source-generated <c>SecureManifests.Generated.ManifestAppCatalog</c>
/// when the assembly has one, otherwise every public, non-abstract <see cref="App"/> subclass with a public
/// parameterless constructor, ordered by full type name.
/// </summary>
[System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode(InProcessSynth.Reason)]
[System.Diagnostics.CodeAnalysis.RequiresDynamicCode(InProcessSynth.Reason)]
internal static class AppDiscovery
{
    private const string CatalogTypeName = "SecureManifests.Generated.ManifestAppCatalog";

    public static IReadOnlyList<DiscoveredApp> Find(Assembly assembly)
    {
        var catalog = assembly.GetType(CatalogTypeName, throwOnError: false);
        if (catalog is not null)
        {
            return FromCatalog(catalog);
        }

        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            throw new UsageException($"cannot read the types of {assembly.GetName().Name}: {e.LoaderExceptions.FirstOrDefault()?.Message ?? e.Message}");
        }

        return types
            .Where(t => t.IsClass && !t.IsAbstract && !t.ContainsGenericParameters && typeof(App).IsAssignableFrom(t)
                        && t.GetConstructor(Type.EmptyTypes) is { IsPublic: true })
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => new DiscoveredApp(t.FullName!, () => (App)Activator.CreateInstance(t)!))
            .ToList();
    }

    // The catalog is generated into the user's assembly by the SDK's source generator; read through reflection
    // because its entry type belongs to the SDK version the app was built with.
    private static List<DiscoveredApp> FromCatalog(Type catalog)
    {
        var apps = catalog.GetProperty("Apps", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) as IEnumerable
            ?? throw new UsageException($"{catalog.FullName} has no static Apps list; rebuild the app with a matching SecureManifests SDK");
        var found = new List<DiscoveredApp>();
        foreach (var entry in apps)
        {
            var type = entry.GetType();
            if (type.GetProperty("TypeName")?.GetValue(entry) is not string name ||
                type.GetProperty("Create")?.GetValue(entry) is not Func<App> create)
            {
                throw new UsageException($"{catalog.FullName} has an entry without TypeName and Create; rebuild the app with a matching SecureManifests SDK");
            }

            found.Add(new DiscoveredApp(name, create));
        }

        return found.OrderBy(a => a.TypeName, StringComparer.Ordinal).ToList();
    }
}
