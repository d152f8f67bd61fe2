using SecureManifests.Rules;
using SecureManifests.Rules.Semantics;
using static SecureManifests.Admission.PodSpecVariables;

namespace SecureManifests.Admission;

/// <summary>
/// The CEL of the per-object pod-spec rules beyond Pod Security: SM1019 (read-only root filesystem) and SM2001
/// (mutable image tag). Same variables and resources as <see cref="PodSecurityCel"/>.
/// </summary>
internal static class WorkloadCel
{
    /// <summary>The rules this family covers.</summary>
    public static readonly string[] RuleIdsCovered = [RuleIds.WritableRootFilesystem, RuleIds.MutableImageTag];

    /// <summary>The validations of <paramref name="ruleId"/>, or null when this family does not cover it.</summary>
    public static IReadOnlyList<CelValidation>? For(string ruleId) => ruleId switch
    {
        RuleIds.WritableRootFilesystem =>
        [
            // As the engine: Windows pods are exempt (they have no read-only root filesystem).
            CelValidation.Of(RuleIds.WritableRootFilesystem,
                IsWindows + " || " + Containers + ".all(c, " + Cel.IsSet("c", "securityContext.readOnlyRootFilesystem", "== true") + ")",
                "containers[*].securityContext.readOnlyRootFilesystem", "must be true"),
        ],
        RuleIds.MutableImageTag =>
        [
            CelValidation.Of(RuleIds.MutableImageTag,
                Containers + ".all(c, !has(c.image) || c.image == '' || " + Pinned("c.image") + " || (" + Tagged("c.image") + " && !" + TaggedLatest("c.image") + "))",
                "containers[*].image", "must have a tag other than " + ImageReference.MutableTag + " or a @sha256: digest"),
        ],
        _ => null,
    };

    // As ImageReference: the digest is everything after the first '@'.
    private static string Pinned(string image) =>
        image + ".matches(" + Cel.Str("^[^@]*@(" + string.Join("|", ImageReference.DigestForms.Select(f =>
            f.Algorithm + "[0-9a-f]{" + f.HexDigits.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}")) + ")$") + ")";

    // As ImageReference: a tag is a ':' in the last path component of the name (before '@'); a registry port is not a tag.
    // A tag is non-empty: "nginx:" has none, as ImageReference reads it.
    private static string Tagged(string image) => image + ".matches(" + Cel.Str("^([^@]*/)?[^/@:]*:[^/@]+(@.*)?$") + ")";

    private static string TaggedLatest(string image) =>
        image + ".matches(" + Cel.Str("^([^@]*/)?[^/@:]*:" + ImageReference.MutableTag + "(@.*)?$") + ")";
}
