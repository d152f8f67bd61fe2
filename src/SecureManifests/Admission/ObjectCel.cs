using SecureManifests.Rules;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Admission;

/// <summary>The CEL of per-object rules on other kinds: SM4005 (Service type) and SM4007 (Namespace Pod Security label).</summary>
internal static class ObjectCel
{
    /// <summary>Services.</summary>
    public static AdmissionTarget Services { get; } = new([("", ["services"])], [], []);

    /// <summary>Namespaces.</summary>
    public static AdmissionTarget NamespaceObjects { get; } = new([("", ["namespaces"])], [], []) { ExemptByNamespace = false };

    /// <summary>The target and validations of <paramref name="ruleId"/>, or null when this family does not cover it.</summary>
    public static (AdmissionTarget Target, IReadOnlyList<CelValidation> Validations)? For(string ruleId) => ruleId switch
    {
        RuleIds.ExposedService => (Services,
        [
            CelValidation.Of(RuleIds.ExposedService,
                "!" + Cel.IsSet("object", "spec.type", "in " + Cel.List(ServiceTypes.Exposed)),
                "spec.type", "must not be " + string.Join(" or ", ServiceTypes.Exposed) + ": use ClusterIP behind an Ingress with TLS"),
        ]),
        RuleIds.NamespaceWithoutPodSecurity => (NamespaceObjects,
        [
            CelValidation.Of(RuleIds.NamespaceWithoutPodSecurity,
                Cel.Has("object", "metadata.labels") + " && " + Cel.Str(Namespaces.PodSecurityEnforceLabel) + " in object.metadata.labels && object.metadata.labels[" +
                Cel.Str(Namespaces.PodSecurityEnforceLabel) + "] in " + Cel.List(Namespaces.EnforcingLevelList),
                "metadata.labels[" + Namespaces.PodSecurityEnforceLabel + "]", "must be " + string.Join(" or ", Namespaces.EnforcingLevelList)),
        ]),
        _ => null,
    };
}
