using System.Globalization;
using System.Runtime;

namespace SecureManifests.Benchmarks;

/// <summary>
/// What a whole-process run cost in JIT and allocation. Unlike its time, these figures do not change when another
/// process shares the machine, so they tell whether a change removed work even on a noisy machine.
/// </summary>
internal static class ProcessStats
{
    public static void Print(TextWriter writer)
    {
        var mb = GC.GetTotalAllocatedBytes(precise: true) / (1024.0 * 1024.0);
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"methods jitted: {System.Runtime.JitInfo.GetCompiledMethodCount()}, jit time: {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms, " +
            $"allocated: {mb:F1} MB, gen0/1/2 GCs: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, " +
            $"pause: {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, server GC: {GCSettings.IsServerGC}"));
    }
}
