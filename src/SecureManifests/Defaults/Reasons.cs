namespace SecureManifests.Defaults;

/// <summary>Every relaxation needs a reason a reviewer can read; an empty one is refused at definition time.</summary>
internal static class Reasons
{
    public static string Require(string? reason, string objectReference, string field)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ManifestDefinitionException(objectReference, field,
                "a relaxation of a secure default needs a non-empty reason; it is written to the YAML for reviewers");
        }

        return reason.Trim();
    }
}
