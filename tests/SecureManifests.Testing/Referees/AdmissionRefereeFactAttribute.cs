using SecureManifests.Tests.Infrastructure;
using Xunit;

namespace SecureManifests.Tests.Referees;

/// <summary>
/// A fact that needs the node CEL engines (<c>npm ci</c> in <c>tests/referees</c>). Without them it is skipped with
/// the command to run, except under <c>CI=true</c>, where it runs and fails: CI never passes by skipping a referee.
/// </summary>
public sealed class AdmissionRefereeFactAttribute : FactAttribute
{
    public AdmissionRefereeFactAttribute()
    {
        if (AdmissionReferees.NodeEnginesMissing is { } missing && !TestPaths.RunningInCi)
        {
            Skip = missing;
        }
    }
}

/// <summary>The theory counterpart of <see cref="AdmissionRefereeFactAttribute"/>: skipped without the node engines, except under CI.</summary>
public sealed class AdmissionRefereeTheoryAttribute : TheoryAttribute
{
    public AdmissionRefereeTheoryAttribute()
    {
        if (AdmissionReferees.NodeEnginesMissing is { } missing && !TestPaths.RunningInCi)
        {
            Skip = missing;
        }
    }
}
