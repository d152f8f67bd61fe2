#nullable enable
namespace SecureManifests.Rules;

/// <summary>Where a rule is enforced (column "Where" of the rule spec).</summary>
[System.Flags]
public enum RuleEnforcementPoints
{
    /// <summary>Enforced nowhere; never used by a catalogue rule.</summary>
    None = 0,

    /// <summary>The Roslyn analyzers flag it in C# source when the value is known at compile time.</summary>
    Analyzer = 1,

    /// <summary>Checked on the object graph before YAML is written.</summary>
    Synth = 2,

    /// <summary>Checked by <c>secure-manifests lint</c> on any YAML.</summary>
    Lint = 4,
}
