#nullable enable
using Microsoft.CodeAnalysis;

namespace SecureManifests.Analyzers.Shared;

/// <summary>
/// Whether a compilation is, or references, one of some assemblies: the compilation-start check of every
/// SecureManifests analyzer and of the [ManifestApp] analyzer (compiled into both assemblies from this one file).
/// </summary>
internal static class ReferencedAssemblies
{
    public static bool Any(Compilation compilation, string[] names)
    {
        if (System.Array.IndexOf(names, compilation.AssemblyName) >= 0)
        {
            return true;
        }

        // File names first: package and project references are named after their assembly, and reading them binds
        // nothing. The compilation's referenced assembly names make it bind every reference at this point, work the
        // compiler does a moment later anyway but that the build report would charge to the analyzer.
        foreach (var reference in compilation.References)
        {
            if (reference is PortableExecutableReference { FilePath: { } path }
                && System.Array.IndexOf(names, System.IO.Path.GetFileNameWithoutExtension(path)) >= 0)
            {
                return true;
            }
        }

        // A file named otherwise is still found by the name of the assembly it holds.
        foreach (var identity in compilation.ReferencedAssemblyNames)
        {
            if (System.Array.IndexOf(names, identity.Name) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
