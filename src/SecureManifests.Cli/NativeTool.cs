using System.Diagnostics;

namespace SecureManifests.Cli;

/// <summary>
/// The native (AOT-compiled) tool starts in milliseconds but cannot load assemblies, and <c>synth</c> must: it runs
/// the user's app. The native package therefore carries a framework-dependent copy of the tool in <c>managed/</c>,
/// and <c>synth</c> runs there with the same arguments, console and exit code.
/// </summary>
internal static class NativeTool
{
    private const string SynthCommandName = "synth";

    /// <summary>Whether this process is the native tool (no JIT, so no assembly loading).</summary>
    /// <remarks>
    /// Not <c>RuntimeFeature.IsDynamicCodeSupported</c>: PublishAot turns that switch off in the framework-dependent
    /// build too. A natively compiled assembly has no file of its own, so its location is empty.
    /// </remarks>
    public static bool IsNative { get; } = HasNoAssemblyFile();

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("SingleFile", "IL3000",
        Justification = "The location is empty exactly when the code is compiled into the native executable, which is the question.")]
    private static bool HasNoAssemblyFile() => string.IsNullOrEmpty(typeof(NativeTool).Assembly.Location);

    /// <summary>The framework-dependent copy beside the native tool.</summary>
    public static string ManagedCopy => Path.Combine(AppContext.BaseDirectory, "managed", "secure-manifests.dll");

    /// <summary>Whether the native tool must hand these arguments to its managed copy.</summary>
    public static bool MustHandOver(IReadOnlyList<string> args) => IsNative && args.Count > 0 && args[0] == SynthCommandName;

    /// <summary>Runs the managed copy with <paramref name="args"/> on this console; returns its exit code.</summary>
    public static int RunManagedCopy(IReadOnlyList<string> args)
    {
        if (!File.Exists(ManagedCopy))
        {
            Console.Error.WriteLine(
                $"error: synth runs your app's assembly, which the native tool hands to its managed copy, and {ManagedCopy} is missing; reinstall the tool (dotnet tool update -g SecureManifests.Cli)");
            return ExitCodes.UsageOrInputError;
        }

        // The dotnet that started this tool when there is one (dotnet tool run), else the one on PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(ManagedCopy);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"error: synth runs your app with the .NET runtime, and '{start.FileName}' cannot be started: {e.Message}");
            return ExitCodes.UsageOrInputError;
        }
    }
}
