namespace SecureManifests.Tests;

public class SmokeTests
{
    [Fact]
    public void IgnoreKey_prefixes_the_rule_id() =>
        Assert.Equal("securemanifests.io/ignore-SM1019", WellKnownAnnotations.IgnoreKey("SM1019"));
}
