using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>A Service: its spec (selector, type and ports), which SM4004 and SM4008 check against.</summary>
internal sealed class ServiceMember(RuleTarget target, V1ServiceSpec? spec, StringPool pool) : SetMember(target, pool)
{
    /// <summary>The path of <c>spec.selector</c>.</summary>
    public const string SelectorPath = "spec.selector";

    /// <summary>The spec, or null when the Service has none.</summary>
    public V1ServiceSpec? Spec { get; } = spec;

    /// <inheritdoc />
    public override IEnumerable<string> ReportPaths => [SelectorPath];
}
