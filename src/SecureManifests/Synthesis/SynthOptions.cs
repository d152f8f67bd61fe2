using SecureManifests.Output;
using SecureManifests.Rules;

namespace SecureManifests.Synthesis;

/// <summary>How an app is checked and written.</summary>
public sealed class SynthOptions
{
    /// <summary>How objects are grouped into files; one file per object unless set.</summary>
    public ManifestLayout Layout { get; set; } = ManifestLayout.FilePerObject;

    /// <summary>The rules the whole object graph is checked against before anything is written.</summary>
    public RuleProfile Profile { get; set; } = RuleProfile.Secure;

    /// <summary>Findings at this severity or worse stop the synth; errors only unless set.</summary>
    public RuleSeverity FailOn { get; set; } = RuleSeverity.Error;

    /// <summary>The Pod Security Standards version checked; the newest unless set.</summary>
    public PssVersion PssVersion { get; set; } = PssVersion.Latest;
}
