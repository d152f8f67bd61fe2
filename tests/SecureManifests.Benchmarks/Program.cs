using BenchmarkDotNet.Running;
using SecureManifests.Benchmarks;
using SecureManifests.Synthesis;

// "synth-process DIR [N]" is the whole-process measurement: start, define N Deployments, check, write, exit.
// tests/perf/synth-process.sh times it; everything else goes to BenchmarkDotNet.
if (args.Length >= 2 && args[0] == "synth-process")
{
    var count = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1000;
    return AppRunner.Run(() => new LargeApp(count), ["--output", args[1]]);
}

BenchmarkSwitcher.FromAssembly(typeof(SynthBenchmarks).Assembly).Run(args);
return 0;
