using BenchmarkDotNet.Attributes;
using k8s;
using SecureManifests.Output;
using SecureManifests.Synthesis;

namespace SecureManifests.Benchmarks;

/// <summary>
/// In-process synth of 1,000 Deployments (+ Service, ServiceAccount, NetworkPolicy each): define, build, check,
/// render. The KubernetesClient YAML serializer over the same objects is the baseline.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SynthBenchmarks
{
    private IReadOnlyList<IKubernetesObject> _objects = [];

    [Params(1000)]
    public int Deployments { get; set; }

    [GlobalSetup]
    public void Setup() => _objects = new LargeApp(Deployments).Build();

    [Benchmark(Description = "define+build (object graph)")]
    public int DefineAndBuild() => new LargeApp(Deployments).Build().Count;

    [Benchmark(Description = "full synth in memory (define, build, check, render)")]
    public int Synth() => Synthesizer.Render(new LargeApp(Deployments)).Files.Count;

    [Benchmark(Description = "render only (our YAML writer)")]
    public int RenderOnly() => ManifestTree.Render(_objects, new ManifestTreeOptions { GeneratorName = "bench" }).Count;

    [Benchmark(Baseline = true, Description = "baseline: KubernetesYaml.Serialize")]
    public int KubernetesYamlBaseline()
    {
        var total = 0;
        foreach (var obj in _objects)
        {
            total += KubernetesYaml.Serialize(obj).Length;
        }

        return total;
    }
}
