using SecureManifests.Analyzers.Parse;
using SecureManifests.Rules;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Analyzers.Judge;

/// <summary>Pod security (SM10xx) on security contexts, capabilities, profiles, sysctls, host namespaces, volumes and probes.</summary>
internal static class PodSecurityJudges
{
    public static void Register(JudgeTable table)
    {
        table.Add(ModelKind.SecurityContext, "Privileged", (s, v) => Judging.IfBool(s, true, RuleIds.PrivilegedContainer, v));
        table.Add(ModelKind.SecurityContext, "AllowPrivilegeEscalation", (s, v) => Judging.IfBool(s, true, RuleIds.PrivilegeEscalationAllowed, v));
        table.Add(ModelKind.SecurityContext, "ReadOnlyRootFilesystem", (s, v) => Judging.IfBool(s, false, RuleIds.WritableRootFilesystem, v));
        table.Add(ModelKind.SecurityContext, "ProcMount",
            (s, v) => Judging.IfString(s, SecurityProfiles.IsUnmaskedProcMount, RuleIds.UnmaskedProcMount, v, FixSuggestion.Replace("\"" + SecurityProfiles.DefaultProcMount + "\"")));
        foreach (var kind in new[] { ModelKind.SecurityContext, ModelKind.PodSecurityContext })
        {
            table.Add(kind, "RunAsNonRoot", (s, v) => Judging.IfBool(s, false, RuleIds.RunAsNonRootNotSet, v));
            table.Add(kind, "RunAsUser", (s, v) => Judging.IfInteger(s, user => user == 0, RuleIds.RunAsRootUser, v, FixSuggestion.RemoveAssignment));
        }

        table.Add(ModelKind.Capabilities, "Add", JudgeAdd);
        table.Add(ModelKind.Capabilities, "Drop", JudgeDrop);
        table.AddCreation(ModelKind.Capabilities, JudgeCapabilities);

        var runtimeDefault = FixSuggestion.Replace("\"" + SecurityProfiles.RuntimeDefault + "\"");
        table.Add(ModelKind.SeccompProfile, "Type", (s, v) => Judging.IfString(s, SecurityProfiles.IsUnconfined, RuleIds.SeccompUnconfined, v, runtimeDefault));
        table.Add(ModelKind.AppArmorProfile, "Type", (s, v) => Judging.IfString(s, SecurityProfiles.IsUnconfined, RuleIds.ApparmorUnconfined, v, runtimeDefault));
        table.Add(ModelKind.SeLinuxOptions, "Type",
            (s, v) => Judging.IfString(s, type => !SeLinuxTypes.IsAllowed(type, PodSecurityVersions.LatestMinor), RuleIds.SelinuxCustomOptions, v, FixSuggestion.RemoveAssignment));
        table.Add(ModelKind.SeLinuxOptions, "User", (s, v) => Judging.IfString(s, SeLinuxTypes.IsCustomUserOrRole, RuleIds.SelinuxCustomOptions, v, FixSuggestion.RemoveAssignment));
        table.Add(ModelKind.SeLinuxOptions, "Role", (s, v) => Judging.IfString(s, SeLinuxTypes.IsCustomUserOrRole, RuleIds.SelinuxCustomOptions, v, FixSuggestion.RemoveAssignment));
        table.Add(ModelKind.Sysctl, "Name", (s, v) => Judging.IfString(s, name => !Sysctls.IsSafe(name, PodSecurityVersions.LatestMinor), RuleIds.UnsafeSysctl, v));
        table.Add(ModelKind.WindowsOptions, "HostProcess", (s, v) => Judging.IfBool(s, true, RuleIds.WindowsHostProcess, v));
        foreach (var kind in new[] { ModelKind.HttpGetAction, ModelKind.TcpSocketAction })
        {
            table.Add(kind, "Host", (s, v) => Judging.IfString(s, host => host.Length > 0, RuleIds.ProbeHostOverride, v, FixSuggestion.RemoveAssignment));
        }

        foreach (var hostNamespace in new[] { "HostNetwork", "HostPID", "HostIPC" })
        {
            table.Add(ModelKind.PodSpec, hostNamespace, (s, v) => Judging.IfBool(s, true, RuleIds.HostNamespaces, v));
        }

        table.Add(ModelKind.ContainerPort, "HostPort", (s, v) => Judging.IfInteger(s, port => Ports.IsHostPortSet(port), RuleIds.HostPort, v, FixSuggestion.RemoveAssignment));
        table.Add(ModelKind.Volume, ModelProperty.Of(VolumeSources.HostPath), (s, v) => Judging.IfSet(s, RuleIds.HostPathVolume, v));
        foreach (var field in VolumeSources.All)
        {
            if (VolumeSources.IsForbiddenByRestricted(field))
            {
                table.Add(ModelKind.Volume, ModelProperty.Of(field), (s, v) => Judging.IfSet(s, RuleIds.RestrictedVolumeType, v));
            }
        }

        table.Add(ModelKind.PersistentVolumeSpec, "HostPath", (s, v) => Judging.IfSet(s, RuleIds.HostPathPersistentVolume, v));
        table.Add(ModelKind.PersistentVolumeSpec, "Local", (s, v) => Judging.IfSet(s, RuleIds.HostPathPersistentVolume, v));
    }

    /// <summary>SM1005 for capabilities Baseline forbids; SM1006 for the rest beyond NET_BIND_SERVICE, unless the whole object is reported for it.</summary>
    private static void JudgeAdd(Setting setting, Verdicts verdicts)
    {
        var known = KnownElements(setting);
        var dangerous = Capabilities.ForbiddenByBaseline(known);
        if (dangerous.Count > 0)
        {
            verdicts.Add(RuleIds.DangerousCapabilityAdded, setting, Judging.Describe(setting, Judging.List(dangerous)), FixSuggestion.RemoveAssignment);
        }

        // A new V1Capabilities that also leaves Drop unset gets one SM1006 for both, at the object (JudgeCapabilities).
        var beyondRestricted = Capabilities.ForbiddenByRestricted(known);
        if (beyondRestricted.Count > 0 && !(setting.HasKnownMembers && setting.Sibling("Drop") is null))
        {
            verdicts.Add(RuleIds.CapabilitiesNotDropped, setting, Judging.Describe(setting, Judging.List(beyondRestricted)), FixSuggestion.RemoveAssignment);
        }
    }

    private static void JudgeDrop(Setting setting, Verdicts verdicts)
    {
        if (setting.Elements().TryAllStrings(out var dropped) && !Capabilities.DropsAll(dropped))
        {
            verdicts.Add(RuleIds.CapabilitiesNotDropped, setting, Judging.Describe(setting, Judging.List(dropped)), FixSuggestion.Replace("new[] { \"" + Capabilities.All + "\" }"));
        }
    }

    /// <summary>SM1006 on a new V1Capabilities that does not set Drop (unset drops nothing).</summary>
    private static void JudgeCapabilities(Setting creation, Verdicts verdicts)
    {
        if (!creation.HasKnownMembers || creation.Sibling("Drop") is not null)
        {
            return;
        }

        var found = "Drop is not set";
        if (creation.Sibling("Add") is { } add)
        {
            var beyondRestricted = Capabilities.ForbiddenByRestricted(KnownElements(add));
            if (beyondRestricted.Count > 0)
            {
                found += ", and Add = " + Judging.List(beyondRestricted);
            }
        }

        verdicts.Add(RuleIds.CapabilitiesNotDropped, creation, found, FixSuggestion.AddDropAll);
    }

    /// <summary>The known elements of a list (unknown ones are left out: they can give no finding).</summary>
    private static System.Collections.Generic.List<string> KnownElements(Setting setting)
    {
        var known = new System.Collections.Generic.List<string>();
        if (setting.Elements().TryElements(out var elements))
        {
            foreach (var element in elements)
            {
                if (element is not null)
                {
                    known.Add(element);
                }
            }
        }

        return known;
    }
}
