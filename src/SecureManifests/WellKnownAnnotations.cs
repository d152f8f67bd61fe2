namespace SecureManifests;

/// <summary>Annotation and label keys that SecureManifests writes and reads.</summary>
public static class WellKnownAnnotations
{
    /// <summary>
    /// Prefix of a recorded exception: <c>securemanifests.io/ignore-SM1019: "reason"</c>.
    /// The SDK writes one for every relaxation; the engine and lint honour it only with a reason.
    /// </summary>
    public const string IgnorePrefix = "securemanifests.io/ignore-";

    /// <summary>The annotation key that waives <paramref name="ruleId"/> on one object.</summary>
    public static string IgnoreKey(string ruleId)
    {
        Arguments.NotNull(ruleId, nameof(WellKnownAnnotations));
        return IgnorePrefix + ruleId;
    }
}
