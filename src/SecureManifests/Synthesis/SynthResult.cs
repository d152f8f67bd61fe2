using SecureManifests.Output;
using SecureManifests.Rules;

namespace SecureManifests.Synthesis;

/// <summary>What a synth produced: the files (relative to the output folder) and the findings that did not stop it.</summary>
public sealed class SynthResult
{
    internal SynthResult(IReadOnlyList<ManifestFile> files, IReadOnlyList<Finding> findings)
    {
        Files = files;
        Findings = findings;
    }

    public IReadOnlyList<ManifestFile> Files { get; }

    /// <summary>Findings below the fail level (warnings and advice), ordered as the engine reports them.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>The C# call each finding comes from.</summary>
    internal FindingSources Sources { get; init; } = FindingSources.None;
}
