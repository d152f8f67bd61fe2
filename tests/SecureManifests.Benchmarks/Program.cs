using BenchmarkDotNet.Running;
using SecureManifests.Benchmarks;
using SecureManifests.Synthesis;

// "synth-process DIR [N] [LAYOUT] [renamed] [--stats]" is the whole-process measurement: start, define N Deployments,
// check, write, exit. "renamed" writes the same objects from RenamedLargeApp, whose bytes differ in every file.
// tests/perf/synth-process.sh and filesystem-floor.sh time it; everything else goes to BenchmarkDotNet. --stats prints
// what the process spent on JIT and allocation to stderr: figures that a busy machine does not disturb, unlike its time.
if (args.Length >= 2 && args[0] == "synth-process")
{
    var count = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1000;
    var layout = args.Length > 3 ? args[3] : "per-object";
    var renamed = args.Length > 4 && args[4] == "renamed";
    var exit = AppRunner.Run(() => renamed ? new RenamedLargeApp(count) : new LargeApp(count), ["--output", args[1], "--layout", layout]);
    if (args.Contains("--stats"))
    {
        ProcessStats.Print(Console.Error);
    }

    return exit;
}

// "render-process [N]" is synth-process per-object without the output folder: start, define, check, render, exit.
// What a synth costs besides writing; filesystem-floor.sh adds the floor to it.
if (args.Length >= 1 && args[0] == "render-process")
{
    var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
    var files = Synthesizer.Render(new LargeApp(count), new SynthOptions { Layout = SecureManifests.Output.ManifestLayout.FilePerObject }).Files;
    Console.WriteLine($"rendered {files.Count} files");
    return 0;
}

// "lint-workload FILE [N]" writes the 10,000-document input that tests/perf/lint-process.sh lints with the tool.
if (args.Length >= 2 && args[0] == "lint-workload")
{
    var count = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
    LintWorkload.Write(args[1], count);
    return 0;
}

// "lint-once FILE" times what SM2018's first use adds to a short in-process lint (see LintOnce).
if (args.Length >= 2 && args[0] == "lint-once")
{
    Console.WriteLine(LintOnce.Measure(args[1]));
    return 0;
}

// "schema-index" builds SM2018's whole schema index (every model type reachable from every typed kind) in a fresh
// process and prints what it cost; lint builds only the part its input reaches, on first use.
if (args.Length >= 1 && args[0] == "schema-index")
{
    Console.WriteLine(SchemaIndexCost.Measure());
    return 0;
}

// "crd-generate DIR [RUNS] [--split-first]" runs the CRD source generator on every *.yaml under DIR, a fresh driver per run (issue 14:
// all of prometheus-operator/ in at most 2 s the first time), and times the reader and the emitter apart.
if (args.Length >= 2 && args[0] == "crd-generate")
{
    var runs = args.Length > 2 && args[2] != "--split-first" ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
    return CrdGenerate.Run(args[1], runs, args.Contains("--split-first"));
}

BenchmarkSwitcher.FromAssembly(typeof(SynthBenchmarks).Assembly).Run(args);
return 0;
