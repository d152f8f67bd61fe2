extern alias sdk;

using PodSecurityValues = sdk::SecureManifests.Rules.PodSecurityValues;
using PssVersion = sdk::SecureManifests.Rules.PssVersion;

namespace SecureManifests.Analyzers.Tests.Catalog;

/// <summary>
/// The analyzers keep their own copies of the Pod Security value sets (the engine's use frozen collections,
/// which netstandard2.0 lacks); these must not drift from the engine's.
/// </summary>
public sealed class ValueSetTests
{
    [Fact]
    public void Baseline_capabilities_match_the_engine() =>
        Assert.Equal(PodSecurityValues.BaselineCapabilities.Order(StringComparer.Ordinal), KubernetesValues.BaselineCapabilities.Order(StringComparer.Ordinal));

    [Fact]
    public void Safe_sysctls_match_the_engine_at_the_newest_version() =>
        Assert.Equal(PodSecurityValues.SafeSysctlsAt(PssVersion.Latest), KubernetesValues.SafeSysctls.Order(StringComparer.Ordinal));

    [Fact]
    public void SELinux_types_match_the_engine_at_the_newest_version() =>
        Assert.Equal(PodSecurityValues.AllowedSeLinuxTypesText(PssVersion.Latest), string.Join(", ", KubernetesValues.AllowedSeLinuxTypes.Order(StringComparer.Ordinal)));

    [Fact]
    public void Restricted_volume_sources_are_exactly_the_V1Volume_sources_Restricted_does_not_allow()
    {
        var allowed = PodSecurityValues.RestrictedVolumeSources.Select(s => char.ToUpperInvariant(s[0]) + s[1..]).Append("Name").Append("HostPath");
        var sources = typeof(k8s.Models.V1Volume).GetProperties().Select(p => p.Name).Except(allowed, StringComparer.Ordinal);
        Assert.Equal(sources.Order(StringComparer.Ordinal), KubernetesValues.RestrictedVolumeProperties.Order(StringComparer.Ordinal));
    }
}
