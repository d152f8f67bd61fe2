using SecureManifests.Analyzers.Parse;
using SecureManifests.Rules;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Analyzers.Judge;

/// <summary>Workload hygiene (SM20xx) and the pod spec's identity fields: images, env, ports, secret volumes, ServiceAccounts.</summary>
internal static class WorkloadJudges
{
    public static void Register(JudgeTable table)
    {
        foreach (var kind in new[] { ModelKind.Container, ModelKind.EphemeralContainer })
        {
            table.Add(kind, "Image", JudgeImage);
        }

        table.Add(ModelKind.EnvVar, "Value", JudgeEnvValue);
        table.Add(ModelKind.EnvVarSource, "SecretKeyRef", (s, v) => Judging.IfSet(s, RuleIds.SecretViaEnv, v));
        table.Add(ModelKind.EnvFromSource, "SecretRef", (s, v) => Judging.IfSet(s, RuleIds.SecretViaEnv, v));
        table.Add(ModelKind.ContainerPort, "ContainerPort", JudgeContainerPort);
        table.Add(ModelKind.SecretVolumeSource, "DefaultMode", JudgeSecretMode);
        table.AddCreation(ModelKind.SecretVolumeSource, JudgeSecretVolume);
        table.Add(ModelKind.PodSpec, "AutomountServiceAccountToken", (s, v) => Judging.IfBool(s, true, RuleIds.ServiceAccountTokenAutomount, v));
        table.Add(ModelKind.PodSpec, "ServiceAccount", (s, v) => Judging.IfString(s, name => name.Length > 0, RuleIds.DeprecatedServiceAccountField, v));
        table.Add(ModelKind.PodSpec, "ServiceAccountName",
            (s, v) => Judging.IfString(s, name => name == RbacBindings.DefaultServiceAccount, RuleIds.DefaultServiceAccount, v));
    }

    private static void JudgeImage(Setting setting, Verdicts verdicts)
    {
        ImageReference? reference;
        string shown;
        if (setting.Scalar().TryString(out var image) && image is not null)
        {
            reference = ImageReference.Parse(image);
            shown = image;
        }
        else if (setting.StringTail().TryString(out var tail) && tail is not null)
        {
            // $"{registry}/operator:latest": the known end of the image can fix its tag, whatever comes before it.
            reference = ImageOfKnownTail(tail);
            shown = "..." + tail;
        }
        else
        {
            return;
        }

        if (reference is null)
        {
            return;
        }

        if (reference.IsMutable)
        {
            verdicts.Add(RuleIds.MutableImageTag, setting, Judging.Describe(setting, Judging.Quote(shown)));
        }

        if (!reference.IsPinnedByDigest)
        {
            verdicts.Add(RuleIds.ImageNotPinnedByDigest, setting, Judging.Describe(setting, Judging.Quote(shown)));
        }
    }

    /// <summary>
    /// What the known end of an image (the text after its last unknown part) tells about its tag and digest; null when
    /// the tag may start in the unknown part. With a '/' in the tail, the last path element is all known; without one,
    /// the tag starts at or before the tail's first ':' (if before, it holds that ':' and is no valid tag at all).
    /// </summary>
    internal static ImageReference? ImageOfKnownTail(string tail)
    {
        var slash = tail.LastIndexOf('/');
        if (slash >= 0)
        {
            return ImageReference.Parse("x" + tail.Substring(slash));
        }

        var colon = tail.IndexOf(':');
        return colon >= 0 ? ImageReference.Parse("x" + tail.Substring(colon)) : null;
    }

    /// <summary>SM2005: the literal value of an env var whose name (a sibling) looks secret. The message never repeats the value.</summary>
    private static void JudgeEnvValue(Setting setting, Verdicts verdicts)
    {
        var name = Judging.SiblingString(setting, "Name", out _);
        if (name is not null && setting.Scalar().TryString(out var value) && SecretHeuristics.IsSecretLiteralEnv(name, value, verdicts.SecretNames))
        {
            verdicts.Add(RuleIds.SecretLiteralInEnv, setting, "Value = \"...\"", subject: name);
        }
    }

    private static void JudgeContainerPort(Setting setting, Verdicts verdicts)
    {
        if (!setting.Scalar().TryInteger(out var port))
        {
            return;
        }

        var protocol = Judging.SiblingString(setting, "Protocol", out var protocolKnown);
        if (protocolKnown && Ports.IsSsh(port, protocol))
        {
            Judging.IfInteger(setting, _ => true, RuleIds.SshPortExposed, verdicts);
        }

        Judging.IfInteger(setting, number => Ports.IsPrivileged(number), RuleIds.PrivilegedPort, verdicts);
    }

    private static void JudgeSecretMode(Setting setting, Verdicts verdicts)
    {
        if (setting.Scalar().TryInteger(out var mode) && FileModes.IsTooOpenForSecrets(mode))
        {
            verdicts.Add(RuleIds.SecretVolumeWorldReadable, setting, Judging.Describe(setting, FileModes.Octal(mode)));
        }
    }

    /// <summary>SM2015 on a new V1SecretVolumeSource that leaves DefaultMode unset: the API server then uses 0644.</summary>
    private static void JudgeSecretVolume(Setting creation, Verdicts verdicts)
    {
        if (creation.HasKnownMembers && creation.Sibling("DefaultMode") is null && FileModes.IsTooOpenForSecrets(null))
        {
            verdicts.Add(RuleIds.SecretVolumeWorldReadable, creation, "DefaultMode is not set, so it is " + FileModes.Octal(null));
        }
    }
}
