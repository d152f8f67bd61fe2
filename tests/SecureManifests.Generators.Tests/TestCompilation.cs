using k8s.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SecureManifests.Generators.Tests;

/// <summary>What the test compilations reference: .NET 10, the SDK and KubernetesClient.</summary>
internal static class TestCompilation
{
    public static ReferenceAssemblies Net10 { get; } = new(
        "net10.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
        Path.Combine("ref", "net10.0"));

    public static IReadOnlyList<MetadataReference> SdkReferences { get; } =
    [
        MetadataReference.CreateFromFile(typeof(App).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(V1Pod).Assembly.Location),
    ];
}
