#nullable enable
namespace SecureManifests.Rules;

/// <summary>
/// The tier a rule belongs to (column "Lvl" of the rule spec). A profile turns on every rule of
/// its tier and of the tiers before it, so the order of the values matters.
/// </summary>
public enum RuleLevel
{
    /// <summary>Pod Security Standards Baseline.</summary>
    Baseline = 0,

    /// <summary>Added by Pod Security Standards Restricted.</summary>
    Restricted = 1,

    /// <summary>SecureManifests default profile.</summary>
    Secure = 2,

    /// <summary>Off unless a profile or configuration turns it on.</summary>
    OptIn = 3,
}
