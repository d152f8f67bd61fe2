using Xunit;

namespace SecureManifests.Tests.Infrastructure;

/// <summary>
/// A fact that needs the Pod Security Admission fixtures in <c>../shared/conformance/</c>.
/// Without them it is skipped with a clear message, except under <c>CI=true</c>, where it runs
/// and fails: CI must never pass by silently skipping the oracle.
/// </summary>
public sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute()
    {
        if (!TestPaths.PodSecurityFixturesPresent && !TestPaths.RunningInCi)
        {
            Skip = $"Pod Security Admission fixtures not found at {TestPaths.PodSecurityFixtures}; " +
                   "place shared/ beside the repository to run conformance tests.";
        }
    }
}

/// <summary>The theory counterpart of <see cref="ConformanceFactAttribute"/>.</summary>
public sealed class ConformanceTheoryAttribute : TheoryAttribute
{
    public ConformanceTheoryAttribute()
    {
        if (!TestPaths.PodSecurityFixturesPresent && !TestPaths.RunningInCi)
        {
            Skip = $"Pod Security Admission fixtures not found at {TestPaths.PodSecurityFixtures}; " +
                   "place shared/ beside the repository to run conformance tests.";
        }
    }
}

/// <summary>A fact that needs the CRDs in <c>../shared/crds/</c>: skipped without them, except under <c>CI=true</c>.</summary>
public sealed class CrdFactAttribute : FactAttribute
{
    public CrdFactAttribute()
    {
        if (!TestPaths.SharedCrdsPresent && !TestPaths.RunningInCi)
        {
            Skip = $"CRDs not found at {TestPaths.SharedCrds}; place shared/ beside the repository to run this test.";
        }
    }
}

/// <summary>The theory counterpart of <see cref="CrdFactAttribute"/>: skipped without the CRDs, except under <c>CI=true</c>.</summary>
public sealed class CrdTheoryAttribute : TheoryAttribute
{
    public CrdTheoryAttribute()
    {
        if (!TestPaths.SharedCrdsPresent && !TestPaths.RunningInCi)
        {
            Skip = $"CRDs not found at {TestPaths.SharedCrds}; place shared/ beside the repository to run this test.";
        }
    }
}
