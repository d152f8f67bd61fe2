using SecureManifests.Rules;
using SecureManifests.Rules.Semantics;
using static SecureManifests.Admission.PodSpecVariables;

namespace SecureManifests.Admission;

/// <summary>
/// The CEL of the per-object pod-spec rules on the workload's own settings: SM1019 (read-only root filesystem),
/// SM2003 (cpu and memory requests), SM2004 (memory limit) and SM3001 (its own ServiceAccount). Same variables and
/// resources as <see cref="PodSecurityCel"/>.
/// </summary>
internal static class WorkloadCel
{
    /// <summary>The validations of <paramref name="ruleId"/>, or null when this family does not cover it.</summary>
    public static IReadOnlyList<CelValidation>? For(string ruleId) => ruleId switch
    {
        RuleIds.WritableRootFilesystem =>
        [
            // As the engine: Windows pods are exempt (they have no read-only root filesystem).
            CelValidation.Of(RuleIds.WritableRootFilesystem,
                IsWindows + " || " + AllContainers(Cel.IsSet("c", "securityContext.readOnlyRootFilesystem", "== true")),
                "containers[*].securityContext.readOnlyRootFilesystem", "must be true"),
        ],

        // A limit counts as a request: the API server defaults a missing request to the limit.
        RuleIds.MissingResourceRequests => new[] { ContainerResources.Cpu, ContainerResources.Memory }
            .Select(resource => CelValidation.Of(RuleIds.MissingResourceRequests,
                ContainersWithResources + ".all(c, " + Lists("resources.requests", resource) + " || " + Lists("resources.limits", resource) + ")",
                "containers[*].resources.requests." + resource, "must be set (a limit counts as a request)"))
            .ToArray(),
        RuleIds.MissingMemoryLimit =>
        [
            CelValidation.Of(RuleIds.MissingMemoryLimit,
                ContainersWithResources + ".all(c, " + Lists("resources.limits", ContainerResources.Memory) + ")",
                "containers[*].resources.limits." + ContainerResources.Memory, "must be set"),
        ],
        RuleIds.DefaultServiceAccount =>
        [
            // As the engine: serviceAccount, the deprecated alias, counts when serviceAccountName is empty.
            CelValidation.Of(RuleIds.DefaultServiceAccount,
                "!((" + Cel.IsSet(PodSpec, "serviceAccountName", "!= ''") + " ? " + PodSpec + ".serviceAccountName : " +
                "(" + Cel.Has(PodSpec, "serviceAccount") + ") ? " + PodSpec + ".serviceAccount : '') in " +
                Cel.List(["", RbacBindings.DefaultServiceAccount]) + ")",
                "spec.serviceAccountName", "must name the workload's own ServiceAccount, not " + RbacBindings.DefaultServiceAccount + " or none"),
        ],
        _ => null,
    };

    // The resource map at path of container c is set and names the resource.
    private static string Lists(string path, string resource) => "(" + Cel.Has("c", path) + " && " + Cel.Str(resource) + " in c." + path + ")";
}
