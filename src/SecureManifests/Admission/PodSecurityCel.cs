using SecureManifests.Rules;
using SecureManifests.Rules.Semantics;
using static SecureManifests.Admission.PodSpecVariables;

namespace SecureManifests.Admission;

/// <summary>
/// The CEL of the Pod Security rules SM1001-SM1018, one method per rule, each mirroring its engine check in
/// <c>Rules/Checks</c>: the same version gates, the same Windows exemptions, the same value sets (read from
/// <c>Rules/Semantics</c>, never written here). Every expression is linear in containers and volumes and nests
/// comprehensions at most two levels (containers, then ports or capabilities).
/// </summary>
internal static class PodSecurityCel
{
    private const string C = "c";

    private static readonly Dictionary<string, Func<RuleProfile, PssVersion, IReadOnlyList<CelValidation>>> ByRule =
        new(StringComparer.Ordinal)
        {
            [RuleIds.PrivilegedContainer] = (_, _) => Privileged(),
            [RuleIds.HostNamespaces] = (_, _) => HostNamespaces(),
            [RuleIds.HostPathVolume] = (_, _) => HostPathVolumes(),
            [RuleIds.HostPort] = (_, _) => HostPorts(),
            [RuleIds.DangerousCapabilityAdded] = (_, _) => BaselineCapabilities(),
            [RuleIds.CapabilitiesNotDropped] = (_, v) => RestrictedCapabilities(v),
            [RuleIds.PrivilegeEscalationAllowed] = (_, v) => PrivilegeEscalation(v),
            [RuleIds.RunAsNonRootNotSet] = (_, _) => RunAsNonRoot(),
            [RuleIds.RunAsRootUser] = (_, v) => RunAsUser(v),
            [RuleIds.SeccompUnconfined] = (_, _) => SeccompBaseline(),
            [RuleIds.SeccompNotSet] = (_, v) => SeccompRestricted(v),
            [RuleIds.ApparmorUnconfined] = (_, _) => AppArmor(),
            [RuleIds.SelinuxCustomOptions] = (_, v) => SeLinux(v),
            [RuleIds.UnmaskedProcMount] = ProcMount,
            [RuleIds.UnsafeSysctl] = (_, v) => UnsafeSysctls(v),
            [RuleIds.WindowsHostProcess] = (_, _) => WindowsHostProcess(),
            [RuleIds.ProbeHostOverride] = (_, v) => ProbeHosts(v),
            [RuleIds.RestrictedVolumeType] = (_, _) => RestrictedVolumes(),
        };

    /// <summary>The rules this family covers.</summary>
    public static IEnumerable<string> RuleIdsCovered => ByRule.Keys;

    /// <summary>
    /// The validations of <paramref name="ruleId"/> at <paramref name="profile"/> and <paramref name="version"/>;
    /// empty when the check does not apply at that version (as the engine's gate skips it); null when the rule is
    /// not one of this family's.
    /// </summary>
    public static IReadOnlyList<CelValidation>? For(string ruleId, RuleProfile profile, PssVersion version) =>
        ByRule.TryGetValue(ruleId, out var build) ? build(profile, version) : null;

    private static IReadOnlyList<CelValidation> Privileged() =>
    [
        CelValidation.Of(RuleIds.PrivilegedContainer, AllContainers(Not(C, "securityContext.privileged", "== true")),
            "containers[*].securityContext.privileged", "must not be true"),
    ];

    private static readonly string[] HostNamespaceFields = ["hostNetwork", "hostPID", "hostIPC"];

    private static readonly string[] ProbeHandlers = ["livenessProbe", "readinessProbe", "startupProbe", "lifecycle.postStart", "lifecycle.preStop"];

    private static readonly string[] HandlerActions = ["httpGet", "tcpSocket"];

    private static readonly string[] SeLinuxNamedFields = ["user", "role"];

    private static CelValidation[] HostNamespaces() =>
        HostNamespaceFields
            .Select(f => CelValidation.Of(RuleIds.HostNamespaces, Not(PodSpec, f, "== true"), "spec." + f, "must not be true"))
            .ToArray();

    private static IReadOnlyList<CelValidation> HostPathVolumes() =>
    [
        CelValidation.Of(RuleIds.HostPathVolume, AllVolumes("!has(vol." + VolumeSources.HostPath + ")"),
            "spec.volumes[*].hostPath", "is forbidden: use an emptyDir, configMap, secret or persistentVolumeClaim volume"),
    ];

    private static IReadOnlyList<CelValidation> HostPorts() =>
    [
        CelValidation.Of(RuleIds.HostPort,
            AllContainers("(!has(c.ports) || c.ports.all(p, !has(p.hostPort) || p.hostPort == 0))"),
            "containers[*].ports[*].hostPort", "must be unset or 0"),
    ];

    private static IReadOnlyList<CelValidation> BaselineCapabilities() =>
    [
        CelValidation.Of(RuleIds.DangerousCapabilityAdded,
            AllContainers(EveryItem(C, "securityContext.capabilities.add", "cap", "cap in " + Cel.List(Capabilities.BaselineAddable))),
            "containers[*].securityContext.capabilities.add", "may only hold " + string.Join(", ", Capabilities.BaselineAddable)),
    ];

    private static IReadOnlyList<CelValidation> RestrictedCapabilities(PssVersion version)
    {
        if (!version.IsAtLeast(22))
        {
            return [];
        }

        return
        [
            CelValidation.Of(RuleIds.CapabilitiesNotDropped,
                ExemptWindows(version, AllContainers(
                    "(" + Cel.Has(C, "securityContext.capabilities.drop") + " && " + Cel.Str(Capabilities.All) + " in c.securityContext.capabilities.drop)")),
                "containers[*].securityContext.capabilities.drop", "must include " + Capabilities.All),
            CelValidation.Of(RuleIds.CapabilitiesNotDropped,
                ExemptWindows(version, AllContainers(EveryItem(C, "securityContext.capabilities.add", "cap", "cap == " + Cel.Str(Capabilities.RestrictedAddable)))),
                "containers[*].securityContext.capabilities.add", "may only hold " + Capabilities.RestrictedAddable),
        ];
    }

    private static IReadOnlyList<CelValidation> PrivilegeEscalation(PssVersion version) =>
        !version.IsAtLeast(8)
            ? []
            :
            [
                CelValidation.Of(RuleIds.PrivilegeEscalationAllowed,
                    ExemptWindows(version, AllContainers(Cel.IsSet(C, "securityContext.allowPrivilegeEscalation", "== false"))),
                    "containers[*].securityContext.allowPrivilegeEscalation", "must be set to false"),
            ];

    private static IReadOnlyList<CelValidation> RunAsNonRoot() =>
    [
        CelValidation.Of(RuleIds.RunAsNonRootNotSet, Not(PodSpec, "securityContext.runAsNonRoot", "== false"),
            "spec.securityContext.runAsNonRoot", "must not be false"),
        CelValidation.Of(RuleIds.RunAsNonRootNotSet, AllContainers(Not(C, "securityContext.runAsNonRoot", "== false")),
            "containers[*].securityContext.runAsNonRoot", "must not be false"),
        CelValidation.Of(RuleIds.RunAsNonRootNotSet,
            Cel.IsSet(PodSpec, "securityContext.runAsNonRoot", "== true") + " || " + AllContainers(Cel.Has(C, "securityContext.runAsNonRoot")),
            "spec.securityContext.runAsNonRoot", "must be true (or set on every container)"),
    ];

    private static IReadOnlyList<CelValidation> RunAsUser(PssVersion version) =>
        !version.IsAtLeast(23)
            ? []
            :
            [
                CelValidation.Of(RuleIds.RunAsRootUser, Not(PodSpec, "securityContext.runAsUser", "== 0"),
                    "spec.securityContext.runAsUser", "must not be 0 (root)"),
                CelValidation.Of(RuleIds.RunAsRootUser, AllContainers(Not(C, "securityContext.runAsUser", "== 0")),
                    "containers[*].securityContext.runAsUser", "must not be 0 (root)"),
            ];

    private static IReadOnlyList<CelValidation> SeccompBaseline()
    {
        var unconfined = "== " + Cel.Str(SecurityProfiles.Unconfined);
        var legacy = "(k == " + Cel.Str(SecurityProfiles.SeccompPodAnnotation) + " || k.startsWith(" +
                     Cel.Str(SecurityProfiles.SeccompContainerAnnotationPrefix) + "))";
        return
        [
            CelValidation.Of(RuleIds.SeccompUnconfined, Not(PodSpec, "securityContext.seccompProfile.type", unconfined),
                "spec.securityContext.seccompProfile.type", "must not be " + SecurityProfiles.Unconfined),
            CelValidation.Of(RuleIds.SeccompUnconfined, AllContainers(Not(C, "securityContext.seccompProfile.type", unconfined)),
                "containers[*].securityContext.seccompProfile.type", "must not be " + SecurityProfiles.Unconfined),
            CelValidation.Of(RuleIds.SeccompUnconfined,
                PodAnnotations + ".all(k, !(" + legacy + " && " + PodAnnotations + "[k] == 'unconfined'))",
                "metadata.annotations[" + SecurityProfiles.SeccompPodAnnotation + ", " + SecurityProfiles.SeccompContainerAnnotationPrefix + "*]",
                "must not be unconfined"),
        ];
    }

    private static IReadOnlyList<CelValidation> SeccompRestricted(PssVersion version)
    {
        if (!version.IsAtLeast(19))
        {
            return [];
        }

        // Unconfined is SM1010's, so an explicit Unconfined is not reported twice.
        var known = "in " + Cel.List([SecurityProfiles.Localhost, SecurityProfiles.RuntimeDefault, SecurityProfiles.Unconfined]);
        const string type = "securityContext.seccompProfile.type";
        return
        [
            CelValidation.Of(RuleIds.SeccompNotSet, ExemptWindows(version, Cel.UnsetOr(PodSpec, type, known)),
                "spec." + type, "must be RuntimeDefault or Localhost"),
            CelValidation.Of(RuleIds.SeccompNotSet, ExemptWindows(version, AllContainers(Cel.UnsetOr(C, type, known))),
                "containers[*]." + type, "must be RuntimeDefault or Localhost"),
            CelValidation.Of(RuleIds.SeccompNotSet,
                ExemptWindows(version, "(" + Cel.Has(PodSpec, type) + ") || " + AllContainers("(" + Cel.Has(C, type) + ")")),
                "spec." + type, "must be set to RuntimeDefault or Localhost (or set on every container)"),
        ];
    }

    private static IReadOnlyList<CelValidation> AppArmor()
    {
        var unconfined = "== " + Cel.Str(SecurityProfiles.Unconfined);
        var prefix = SecurityProfiles.AppArmorContainerAnnotationPrefix;
        return
        [
            CelValidation.Of(RuleIds.ApparmorUnconfined, Not(PodSpec, "securityContext.appArmorProfile.type", unconfined),
                "spec.securityContext.appArmorProfile.type", "must not be " + SecurityProfiles.Unconfined),
            CelValidation.Of(RuleIds.ApparmorUnconfined, AllContainers(Not(C, "securityContext.appArmorProfile.type", unconfined)),
                "containers[*].securityContext.appArmorProfile.type", "must not be " + SecurityProfiles.Unconfined),
            CelValidation.Of(RuleIds.ApparmorUnconfined,
                PodAnnotations + ".all(k, !k.startsWith(" + Cel.Str(prefix) + ") || " + PodAnnotations + "[k] == 'runtime/default' || " +
                PodAnnotations + "[k].startsWith('localhost/'))",
                "metadata.annotations[" + prefix + "*]", "must be runtime/default or localhost/<profile>"),
        ];
    }

    private static List<CelValidation> SeLinux(PssVersion version)
    {
        var types = SeLinuxTypes.AllowedAt(version.Minor);
        var result = new List<CelValidation>();
        foreach (var (root, owner, all) in new (string, string, bool)[] { (PodSpec, "spec", false), (C, "containers[*]", true) })
        {
            const string options = "securityContext.seLinuxOptions";
            var typeOk = Cel.UnsetOr(root, options + ".type", "in " + Cel.List(types.Prepend(string.Empty)));
            result.Add(CelValidation.Of(RuleIds.SelinuxCustomOptions, all ? AllContainers(typeOk) : typeOk,
                owner + "." + options + ".type", "must be unset or one of " + string.Join(", ", types)));
            foreach (var field in SeLinuxNamedFields)
            {
                var unset = Cel.UnsetOr(root, options + "." + field, "== ''");
                result.Add(CelValidation.Of(RuleIds.SelinuxCustomOptions, all ? AllContainers(unset) : unset,
                    owner + "." + options + "." + field, "must not be set"));
            }
        }

        return result;
    }

    private static IReadOnlyList<CelValidation> ProcMount(RuleProfile profile, PssVersion version)
    {
        var check = AllContainers(Cel.UnsetOr(C, "securityContext.procMount", "== " + Cel.Str(SecurityProfiles.DefaultProcMount)));
        if (profile == RuleProfile.Baseline && version.IsAtLeast(35))
        {
            // Baseline allows an unmasked /proc in a pod with its own user namespace (hostUsers: false).
            check = Cel.IsSet(PodSpec, "hostUsers", "== false") + " || " + check;
        }

        return
        [
            CelValidation.Of(RuleIds.UnmaskedProcMount, check,
                "containers[*].securityContext.procMount", "must be unset or " + SecurityProfiles.DefaultProcMount),
        ];
    }

    private static IReadOnlyList<CelValidation> UnsafeSysctls(PssVersion version)
    {
        var safe = Sysctls.SafeAt(version.Minor);
        return
        [
            CelValidation.Of(RuleIds.UnsafeSysctl,
                "(!(" + Cel.Has(PodSpec, "securityContext.sysctls") + ") || " + PodSpec +
                ".securityContext.sysctls.all(s, has(s.name) && s.name in " + Cel.List(safe) + "))",
                "spec.securityContext.sysctls[*].name", "must be one of the safe sysctls of PSS " + version + ": " + string.Join(", ", safe)),
        ];
    }

    private static IReadOnlyList<CelValidation> WindowsHostProcess() =>
    [
        CelValidation.Of(RuleIds.WindowsHostProcess, Not(PodSpec, "securityContext.windowsOptions.hostProcess", "== true"),
            "spec.securityContext.windowsOptions.hostProcess", "must not be true"),
        CelValidation.Of(RuleIds.WindowsHostProcess, AllContainers(Not(C, "securityContext.windowsOptions.hostProcess", "== true")),
            "containers[*].securityContext.windowsOptions.hostProcess", "must not be true"),
    ];

    private static List<CelValidation> ProbeHosts(PssVersion version)
    {
        if (!version.IsAtLeast(34))
        {
            return [];
        }

        var result = new List<CelValidation>();
        foreach (var handler in ProbeHandlers)
        {
            foreach (var action in HandlerActions)
            {
                var field = handler + "." + action + ".host";
                result.Add(CelValidation.Of(RuleIds.ProbeHostOverride, AllContainers(Cel.UnsetOr(C, field, "== ''")),
                    "containers[*]." + field, "must not be set"));
            }
        }

        return result;
    }

    private static IReadOnlyList<CelValidation> RestrictedVolumes()
    {
        var forbidden = VolumeSources.All.Where(VolumeSources.IsForbiddenByRestricted).ToArray();
        return
        [
            CelValidation.Of(RuleIds.RestrictedVolumeType, AllVolumes(string.Join(" && ", forbidden.Select(f => "!has(vol." + f + ")"))),
                "spec.volumes[*]", "must be one of " + string.Join(", ", VolumeSources.RestrictedAllowed)),
        ];
    }

    // The field is unset, or it is not (value test).
    private static string Not(string root, string path, string test) => "!" + Cel.IsSet(root, path, test);

    // The list at path is unset, or every item satisfies the predicate over item.
    private static string EveryItem(string root, string path, string item, string predicate) =>
        "(!(" + Cel.Has(root, path) + ") || " + root + "." + path + ".all(" + item + ", " + predicate + "))";

    // From v1.25 Windows pods are exempt, as upstream PSA exempts them.
    private static string ExemptWindows(PssVersion version, string check) =>
        version.IsAtLeast(25) ? IsWindows + " || " + check : check;
}
