using SecureManifests.Rules;
using SecureManifests.Rules.Semantics;
using static SecureManifests.Admission.PodSpecVariables;

namespace SecureManifests.Admission;

/// <summary>
/// The CEL of the rules on how secrets are handed over, from <see cref="SecretHeuristics"/>,
/// <see cref="SecretNamePattern"/> and <see cref="FileModes"/>: SM2005 (secret-looking env var with a literal value),
/// SM2006 (secrets read into env), SM2015 (secret volume modes) on pod specs, and SM2016 (secret-looking ConfigMap
/// entries) on ConfigMaps. Names are ASCII at admission (the API server validates env names and ConfigMap keys), so
/// <c>lowerAscii</c>/<c>upperAscii</c> ignore case exactly as the ordinal case-insensitive tests do.
/// </summary>
internal static class SecretCel
{
    /// <summary>What SM2015's policy leaves out: one more comprehension than issue 10 allows.</summary>
    public const string ProjectedSecretItemModesGap =
        "the mode of an item of a secret projected into a projected volume (volumes, then sources, then items would be a third nested comprehension); the projected volume's defaultMode is checked";

    /// <summary>ConfigMaps.</summary>
    public static AdmissionTarget ConfigMaps { get; } = new([("", ["configmaps"])], [], []);

    /// <summary>The target and validations of <paramref name="ruleId"/>, or null when this family does not cover it.</summary>
    public static (AdmissionTarget Target, IReadOnlyList<CelValidation> Validations)? For(string ruleId) => ruleId switch
    {
        RuleIds.SecretLiteralInEnv => (AdmissionTarget.PodSpecs,
        [
            CelValidation.Of(ruleId,
                AllContainers("!has(c.env) || c.env.all(e, !(" + Cel.IsSet("e", "value", "!= ''") + " && has(e.name) && " + NameLooksSecret("e.name") +
                              " && !" + IsFileReference("e.name", "e.value") + "))"),
                "containers[*].env[*].value", "must not hold a literal secret: mount the Secret and pass its path (NAME_FILE)"),
        ]),
        RuleIds.SecretViaEnv => (AdmissionTarget.PodSpecs,
        [
            CelValidation.Of(ruleId, AllContainers("!has(c.env) || c.env.all(e, !(" + Cel.Has("e", "valueFrom.secretKeyRef") + "))"),
                "containers[*].env[*].valueFrom.secretKeyRef", "must not read a Secret into the environment: mount it as a volume"),
            CelValidation.Of(ruleId, AllContainers("!has(c.envFrom) || c.envFrom.all(f, !has(f.secretRef))"),
                "containers[*].envFrom[*].secretRef", "must not load a Secret into the environment: mount it as a volume"),
        ]),
        RuleIds.SecretVolumeWorldReadable => (AdmissionTarget.PodSpecs, SecretVolumeModes()),
        RuleIds.SecretInConfigmap => (ConfigMaps,
        [
            CelValidation.Of(ruleId, "!has(object.data) || object.data.all(k, !" + ValueLooksSecret("object.data[k]") + ")",
                "data[*]", "must not hold a private key, a JSON Web Token or an access token: move it to a Secret"),
            CelValidation.Of(ruleId,
                "!has(object.data) || object.data.all(k, !(" + NameLooksSecret("k") + " && object.data[k].trim() != '' && !" +
                IsFileReference("k", "object.data[k]") + "))",
                "data[*]", "must not have a secret-looking key with a value: move it to a Secret"),
        ]),
        _ => null,
    };

    // SecretNamePattern.Default: the name contains a marker, ignoring case.
    private static string NameLooksSecret(string name) =>
        "(" + string.Join(" || ", SecretNamePattern.DefaultMarkerList.Select(m => name + ".lowerAscii().contains(" + Cel.Str(m.ToLowerInvariant()) + ")")) + ")";

    // SecretHeuristics.IsFileReference: an absolute-path value, or a name with a file-reference suffix, ignoring case.
    private static string IsFileReference(string name, string value) =>
        "(" + value + ".startsWith(" + Cel.Str(SecretHeuristics.AbsolutePathStart.ToString()) + ") || " +
        string.Join(" || ", SecretHeuristics.FileReferenceSuffixList.Select(s => name + ".upperAscii().endsWith(" + Cel.Str(s.ToUpperInvariant()) + ")")) + ")";

    // SecretHeuristics.ValueLooksSecret: a PEM private key, or (trimmed) a JSON Web Token or an access token.
    private static string ValueLooksSecret(string value)
    {
        var trimmed = value + ".trim()";
        var jwt = "(" + trimmed + ".startsWith(" + Cel.Str(SecretHeuristics.JwtStart) + ") && size(" + trimmed + ".split('.')) == " +
                  Cel.Int(SecretHeuristics.JwtDots + 1) + " && " +
                  string.Join(" && ", SecretHeuristics.BlankList.Select(b => "!" + trimmed + ".contains(" + Cel.Str(b.ToString()) + ")")) + ")";

        // A prefix, then at least MinTokenBodyLength token characters, and nothing else: the prefixes are token text.
        var token = trimmed + ".matches(" + Cel.Str(
            "^(" + string.Join("|", SecretHeuristics.TokenPrefixList.Select(Cel.RegexLiteral)) + ")" + TokenCharacter + "{" +
            Cel.Int(SecretHeuristics.MinTokenBodyLength) + ",}$") + ")";
        return "(" + value + ".contains(" + Cel.Str(SecretHeuristics.PrivateKeyMarker) + ") || " + jwt + " || " + token + ")";
    }

    // A character of SecretHeuristics' token text: an ASCII letter or digit, or its punctuation (a hyphen last, where
    // it is literal in every regex dialect).
    private static string TokenCharacter
    {
        get
        {
            var punctuation = SecretHeuristics.TokenPunctuation;
            var hyphen = punctuation.Contains('-', StringComparison.Ordinal) ? "-" : string.Empty;
            return "[A-Za-z0-9" + Cel.RegexLiteral(punctuation.Replace("-", string.Empty, StringComparison.Ordinal)) + hyphen + "]";
        }
    }

    // FileModes.IsTooOpenForSecrets without bitwise operators: a bit b of the mask is set in m when (m / b) % 2 == 1.
    private static string TooOpen(string mode)
    {
        var bits = new List<string>();
        for (var bit = 1; bit <= FileModes.BeyondOwnerAndGroupRead; bit <<= 1)
        {
            if ((FileModes.BeyondOwnerAndGroupRead & bit) != 0)
            {
                bits.Add("(" + mode + " / " + Cel.Int(bit) + ") % 2 == 1");
            }
        }

        return "(" + string.Join(" || ", bits) + ")";
    }

    // An unset defaultMode is the API default, 0644.
    private static string DefaultMode(string volumeSource) =>
        "(has(vol." + volumeSource + ".defaultMode) ? vol." + volumeSource + ".defaultMode : " + Cel.Int(FileModes.ApiDefault) + ")";

    private static CelValidation[] SecretVolumeModes() =>
    [
        CelValidation.Of(RuleIds.SecretVolumeWorldReadable, AllVolumes("!has(vol.secret) || !" + TooOpen(DefaultMode(VolumeSources.Secret))),
            "spec.volumes[*].secret.defaultMode", ModeRequirement),

        // An item without a mode takes the volume's defaultMode, judged above.
        CelValidation.Of(RuleIds.SecretVolumeWorldReadable,
            AllVolumes("!(" + Cel.Has("vol", "secret.items") + ") || vol.secret.items.all(i, !has(i.mode) || !" + TooOpen("i.mode") + ")"),
            "spec.volumes[*].secret.items[*].mode", ModeRequirement),

        // The projected defaultMode matters when the volume projects a secret.
        CelValidation.Of(RuleIds.SecretVolumeWorldReadable,
            AllVolumes("!(" + Cel.Has("vol", "projected.sources") + " && vol.projected.sources.exists(s, has(s.secret))) || !" + TooOpen(DefaultMode(VolumeSources.Projected))),
            "spec.volumes[*].projected.defaultMode", ModeRequirement),
    ];

    private const string ModeRequirement = "must grant no group write and nothing to others (unset is 0644): use 0400, or 0440 with fsGroup";
}
