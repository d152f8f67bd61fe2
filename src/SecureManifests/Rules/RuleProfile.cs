#nullable enable
namespace SecureManifests.Rules;

/// <summary>A named set of rules. Each profile contains every rule of the profiles before it.</summary>
public enum RuleProfile
{
    /// <summary>Exactly the Pod Security Standards Baseline checks.</summary>
    Baseline = 0,

    /// <summary>Baseline plus the Pod Security Standards Restricted checks.</summary>
    Restricted = 1,

    /// <summary>Restricted plus every SecureManifests default rule (the default profile).</summary>
    Secure = 2,

    /// <summary>Every rule, opt-in ones included.</summary>
    All = 3,
}
