namespace SecureManifests.Analyzers;

/// <summary>
/// Diagnostic property keys and values that tell the code fixes what is mechanical about a finding.
/// Shared with SecureManifests.CodeFixes; a diagnostic without <see cref="Key"/> has no automatic fix.
/// </summary>
internal static class FixKinds
{
    /// <summary>Property key naming the kind of fix.</summary>
    public const string Key = "SecureManifests.Fix";

    /// <summary>Property key with the C# expression of the safe value (for <see cref="ReplaceValue"/>).</summary>
    public const string SafeValueKey = "SecureManifests.SafeValue";

    /// <summary>Replace the assigned value with the safe value.</summary>
    public const string ReplaceValue = "ReplaceValue";

    /// <summary>Remove the unsafe assignment (from an object initializer, or the whole statement).</summary>
    public const string RemoveAssignment = "RemoveAssignment";

    /// <summary>Add <c>Drop = new[] { "ALL" }</c> to a V1Capabilities initializer.</summary>
    public const string AddDropAll = "AddDropAll";

    /// <summary>Replace the relaxation call in a fluent chain with its receiver: back to the secure default.</summary>
    public const string RemoveRelaxation = "RemoveRelaxation";
}
