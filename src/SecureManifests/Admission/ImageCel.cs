using System.Globalization;
using SecureManifests.Rules;
using SecureManifests.Rules.Semantics;
using static SecureManifests.Admission.PodSpecVariables;

namespace SecureManifests.Admission;

/// <summary>
/// The CEL of the image rules on pod specs, read as <see cref="ImageReference"/> reads a reference: SM2001 (no tag,
/// or the mutable tag) and SM2002 (no digest). Both skip an empty image, as the checks do.
/// </summary>
internal static class ImageCel
{
    /// <summary>The validations of <paramref name="ruleId"/>, or null when this family does not cover it.</summary>
    public static IReadOnlyList<CelValidation>? For(string ruleId) => ruleId switch
    {
        RuleIds.MutableImageTag =>
        [
            CelValidation.Of(RuleIds.MutableImageTag,
                AllContainers("!has(c.image) || c.image == '' || " + Pinned("c.image") + " || (" + Tagged("c.image") + " && !" + TaggedLatest("c.image") + ")"),
                "containers[*].image", "must have a tag other than " + ImageReference.MutableTag + " or a @sha256: digest"),
        ],
        RuleIds.ImageNotPinnedByDigest =>
        [
            CelValidation.Of(RuleIds.ImageNotPinnedByDigest,
                AllContainers("!has(c.image) || c.image == '' || " + Pinned("c.image")),
                "containers[*].image", "must be pinned by a digest: @" + string.Join(" or @", ImageReference.DigestForms.Select(f => f.Algorithm + "<digest>"))),
        ],
        _ => null,
    };

    // As ImageReference: the digest is everything after the first '@', and only a well-formed one pins.
    private static string Pinned(string image) =>
        image + ".matches(" + Cel.Str("^[^@]*@(" + string.Join("|", ImageReference.DigestForms.Select(f =>
            Cel.RegexLiteral(f.Algorithm) + "[0-9a-f]{" + f.HexDigits.ToString(CultureInfo.InvariantCulture) + "}")) + ")$") + ")";

    // As ImageReference: a tag is a ':' in the last path component of the name (before '@'); a registry port is not a tag.
    // A tag is non-empty: "nginx:" has none, as ImageReference reads it.
    private static string Tagged(string image) => image + ".matches(" + Cel.Str("^([^@]*/)?[^/@:]*:[^/@]+(@.*)?$") + ")";

    private static string TaggedLatest(string image) =>
        image + ".matches(" + Cel.Str("^([^@]*/)?[^/@:]*:" + Cel.RegexLiteral(ImageReference.MutableTag) + "(@.*)?$") + ")";
}
