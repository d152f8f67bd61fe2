#nullable enable
namespace SecureManifests.Rules.Semantics;

/// <summary>The operators of a label selector's <c>matchExpressions</c> (SM2008 and the coverage rules); any other matches nothing.</summary>
internal static class SelectorOperators
{
    public const string In = "In";
    public const string NotIn = "NotIn";
    public const string Exists = "Exists";
    public const string DoesNotExist = "DoesNotExist";
}
