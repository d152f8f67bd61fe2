using System.Reflection;
using System.Runtime.Loader;

namespace SecureManifests.SynthHost;

/// <summary>
/// Loads the user's assembly into the default context (so it shares the SDK types with the host) and reads the
/// generated catalog that its <see cref="ManifestAppCatalogAttribute"/> names. No type scanning.
/// </summary>
internal static class CatalogLoader
{
    /// <summary>The apps of <paramref name="assemblyPath"/>; empty when the project defines none.</summary>
    /// <exception cref="HostException">The assembly cannot be loaded or its catalog is malformed.</exception>
    public static IReadOnlyList<ManifestAppEntry> Load(string assemblyPath)
    {
        var fullPath = Path.GetFullPath(assemblyPath);
        if (!File.Exists(fullPath))
        {
            throw new HostException(fullPath, "the project assembly does not exist; build the project first");
        }

        ResolveFromFolder(Path.GetDirectoryName(fullPath)!);
        try
        {
            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
            var marker = assembly.GetCustomAttribute<ManifestAppCatalogAttribute>();
            if (marker is null)
            {
                return [];
            }

            var apps = marker.CatalogType.GetProperty("Apps", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
            return apps as IReadOnlyList<ManifestAppEntry>
                ?? throw new HostException(fullPath, $"{marker.CatalogType.FullName} has no static Apps list; rebuild with the matching SecureManifests generator");
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or TypeLoadException)
        {
            // A missing dependency surfaces here too (FileNotFoundException is an IOException).
            throw new HostException(fullPath, $"cannot load the project assembly or its dependencies: {e.Message}");
        }
    }

    // Project references and, for executables, copied package assemblies sit beside the user's assembly; the
    // deps.json covers packages through the probing paths, this covers the rest.
    private static void ResolveFromFolder(string folder)
    {
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var candidate = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };
    }
}
