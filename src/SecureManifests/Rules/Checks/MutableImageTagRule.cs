using SecureManifests.Rules.Semantics;
namespace SecureManifests.Rules.Checks;

/// <summary>SM2001: an image needs a tag other than <c>latest</c>, or a digest.</summary>
internal sealed class MutableImageTagRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.MutableImageTag;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        foreach (var c in target.Containers)
        {
            if (string.IsNullOrEmpty(c.Image))
            {
                continue;
            }

            var image = ImageReference.Parse(c.Image);
            if (!image.IsMutable)
            {
                continue;
            }

            if (image.HasMalformedDigest)
            {
                context.Report(target, c.Path + ".image",
                    $"image '{c.Image}' of {c.Description} has '@{image.Digest}', which is not a sha256 or sha512 digest and pins nothing, " +
                    (image.Tag is null ? "and no tag" : "and the tag latest") + ": pin an explicit version tag or a @sha256: digest", c.Name);
            }
            else if (image.Tag is null)
            {
                context.Report(target, c.Path + ".image",
                    $"image '{c.Image}' of {c.Description} has no tag, so it means latest: pin an explicit version tag or a @sha256: digest", c.Name);
            }
            else
            {
                context.Report(target, c.Path + ".image",
                    $"image '{c.Image}' of {c.Description} uses the mutable tag latest: pin an explicit version tag or a @sha256: digest", c.Name);
            }
        }
    }
}
