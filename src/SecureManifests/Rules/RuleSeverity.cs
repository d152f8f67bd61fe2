#nullable enable
namespace SecureManifests.Rules;

/// <summary>How serious a finding is by default. Error stops synth and fails lint.</summary>
public enum RuleSeverity
{
    /// <summary>Stops synth, fails lint, and is a build error in the analyzers.</summary>
    Error = 0,

    /// <summary>Reported, but does not stop synth.</summary>
    Warning = 1,

    /// <summary>Advice only.</summary>
    Info = 2,
}
