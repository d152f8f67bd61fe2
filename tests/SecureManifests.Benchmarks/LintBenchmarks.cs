using BenchmarkDotNet.Attributes;
using SecureManifests.Cli;

namespace SecureManifests.Benchmarks;

/// <summary>
/// In-process <c>secure-manifests lint</c> over 10,000 workload documents in one file: read (streaming YAML with
/// positions), evaluate every rule of the profile on the whole set, locate each finding, format. Documents per second
/// = 10,000 / mean. The tool's own entry point is used, as a user's shell would call it.
/// </summary>
[MemoryDiagnoser]
public class LintBenchmarks
{
    private string _folder = string.Empty;
    private string _file = string.Empty;

    [Params(10_000)]
    public int Documents { get; set; }

    [Params("text", "json", "sarif")]
    public string Format { get; set; } = "text";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "securemanifests-lint-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(_folder);
        _file = Path.Combine(_folder, "workload.yaml");
        LintWorkload.Write(_file, Documents);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Description = "lint 10,000 documents (read + evaluate + format)")]
    public int Lint()
    {
        var console = new CliConsole(() => Stream.Null, TextWriter.Null, TextWriter.Null, _folder);
        return CliApplication.Run(["lint", _file, "--format", Format], console);
    }
}
