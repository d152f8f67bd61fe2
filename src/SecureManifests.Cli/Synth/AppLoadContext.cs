using System.Reflection;
using System.Runtime.Loader;

namespace SecureManifests.Cli.Synth;

/// <summary>
/// A collectible load context for a user's app assembly: its own dependencies come from its deps.json (through
/// <see cref="AssemblyDependencyResolver"/>), while the SDK and the assemblies it exposes (KubernetesClient,
/// YamlDotNet) are shared with the tool, so the app's <c>App</c> is the tool's <c>App</c>.
/// </summary>
[System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode(InProcessSynth.Reason)]
[System.Diagnostics.CodeAnalysis.RequiresDynamicCode(InProcessSynth.Reason)]
internal sealed class AppLoadContext : AssemblyLoadContext
{
    private static readonly HashSet<string> SharedAssemblies = SharedWithTheTool();

    private readonly AssemblyDependencyResolver _resolver;

    public AppLoadContext(string mainAssemblyPath)
        : base("secure-manifests synth " + Path.GetFileName(mainAssemblyPath), isCollectible: true)
    {
        _resolver = new AssemblyDependencyResolver(mainAssemblyPath);
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is not null && SharedAssemblies.Contains(assemblyName.Name))
        {
            return null;
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    private static HashSet<string> SharedWithTheTool()
    {
        var sdk = typeof(App).Assembly;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { sdk.GetName().Name! };
        foreach (var reference in sdk.GetReferencedAssemblies())
        {
            names.Add(reference.Name!);
        }

        return names;
    }
}
