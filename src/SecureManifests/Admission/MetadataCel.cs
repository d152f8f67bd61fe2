using SecureManifests.Rules;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Admission;

/// <summary>
/// The CEL of the rules on any object's metadata, over every resource the engine would judge: SM2017 (the
/// <c>app.kubernetes.io/name</c> label) and SM4001 (not in <c>default</c>). Two things at admission are not manifests,
/// and these policies leave them alone: requests of the control plane (<see cref="ControlPlaneIdentities"/>), which
/// itself writes the <c>kubernetes</c> Service, EndpointSlices, ConfigMaps and ServiceAccounts in every namespace; and
/// the records components write as they work (Events, which Kubernetes puts in <c>default</c> for cluster-scoped
/// objects; leader-election Leases) and the review requests (TokenReview, SubjectAccessReview...), which are calls,
/// not stored objects.
/// </summary>
internal static class MetadataCel
{
    private const string UserInfo = "request.userInfo";

    /// <summary>Every resource of every group and version, less the machine-written records, for requests not of the control plane.</summary>
    public static AdmissionTarget AnyResource { get; } = new(
        [("*", ["*"])],
        [("not-control-plane", NotControlPlane)],
        [])
    {
        ApiVersions = ["*"],
        ExcludedResources =
        [
            ("", ["events"]),
            ("authentication.k8s.io", ["*"]),
            ("authorization.k8s.io", ["*"]),
            ("coordination.k8s.io", ["leases"]),
            ("events.k8s.io", ["events"]),
        ],
    };

    /// <summary>The target and validations of <paramref name="ruleId"/>, or null when this family does not cover it.</summary>
    public static (AdmissionTarget Target, IReadOnlyList<CelValidation> Validations)? For(string ruleId) => ruleId switch
    {
        RuleIds.MissingRecommendedLabels => (AnyResource,
        [
            CelValidation.Of(ruleId,
                Cel.Has("object", "metadata.labels") + " && " + Cel.Str(RecommendedLabels.Name) + " in object.metadata.labels && object.metadata.labels[" +
                Cel.Str(RecommendedLabels.Name) + "] != ''",
                "metadata.labels[" + RecommendedLabels.Name + "]", "must be set"),
        ]),

        // request.namespace is the object's namespace for a namespaced resource and empty for a cluster-scoped one, so
        // cluster-scoped kinds are never judged, as in the engine.
        RuleIds.DefaultNamespace => (AnyResource,
        [
            CelValidation.Of(ruleId, "request.namespace != " + Cel.Str(Namespaces.Default),
                "metadata.namespace", "must not be " + Namespaces.Default + ": put the object in the app's own namespace"),
        ]),
        _ => null,
    };

    private static string NotControlPlane =>
        "!(" + UserInfo + ".username in " + Cel.List(ControlPlaneIdentities.ComponentUsers) + " || " +
        UserInfo + ".username.startsWith(" + Cel.Str(ControlPlaneIdentities.KubeSystemServiceAccountPrefix) + ") || " +
        "(has(" + UserInfo + ".groups) && " + Cel.Str(ControlPlaneIdentities.NodesGroup) + " in " + UserInfo + ".groups))";
}
