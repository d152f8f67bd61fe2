using System.Diagnostics;
using System.Globalization;
using SecureManifests.Cli;
using SecureManifests.Rules;

namespace SecureManifests.Benchmarks;

/// <summary>
/// What SM2018 adds to a short lint run: in one fresh process, a lint of the file without SM2018 (it pays for the
/// runtime's JIT and every other lazy index), then one with it (what is left is SM2018's first use: its code's JIT and
/// the schema of the types the file reaches), then one more (the steady state).
/// </summary>
public static class LintOnce
{
    public static string Measure(string file)
    {
        var console = new CliConsole(() => Stream.Null, TextWriter.Null, TextWriter.Null, Directory.GetCurrentDirectory());
        string[] args = ["lint", file, "--format", "json"];
        var without = Time(() => CliApplication.Run([.. args, "--exclude", RuleIds.UnknownField], console));
        var first = Time(() => CliApplication.Run(args, console));
        var warm = Time(() => CliApplication.Run(args, console));
        return string.Create(CultureInfo.InvariantCulture,
            $"lint {file}: cold without SM2018 {without:F1} ms, then the first with it {first:F1} ms, then warm {warm:F1} ms");
    }

    private static double Time(Action run)
    {
        var clock = Stopwatch.StartNew();
        run();
        return clock.Elapsed.TotalMilliseconds;
    }
}
