using SecureManifests.Rules.Semantics;
namespace SecureManifests.Rules.Checks;

/// <summary>SM2002 (opt-in): every image is pinned by an <c>@sha256:</c> digest.</summary>
internal sealed class ImageNotPinnedByDigestRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.ImageNotPinnedByDigest;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        foreach (var c in target.Containers)
        {
            if (!string.IsNullOrEmpty(c.Image) && !ImageReference.Parse(c.Image).IsPinnedByDigest)
            {
                context.Report(target, c.Path + ".image",
                    $"image '{c.Image}' of {c.Description} is not pinned by digest: append @sha256:<digest>", c.Name);
            }
        }
    }
}
