namespace SecureManifests.Cli.Synth;

/// <summary>Why the in-process synth may load and reflect over assemblies although the tool is also compiled natively.</summary>
internal static class InProcessSynth
{
    public const string Reason =
        "synth loads the user's app assembly and reflects over it; it runs only in the framework-dependent tool, since the native (AOT) tool hands synth to its managed copy (NativeTool).";
}
