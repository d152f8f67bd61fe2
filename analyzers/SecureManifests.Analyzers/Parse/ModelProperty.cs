namespace SecureManifests.Analyzers.Parse;

/// <summary>KubernetesClient names each model property after its field, Pascal-cased: <c>hostPath</c> is <c>HostPath</c>.</summary>
internal static class ModelProperty
{
    public static string Of(string field) => field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field.Substring(1);
}
