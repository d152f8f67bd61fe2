namespace SecureManifests.Rules;

/// <summary>The API group of an apiVersion, for every place that matches or reports objects by group.</summary>
internal static class ApiGroups
{
    /// <summary>The part of <paramref name="apiVersion"/> before the <c>/</c>, or empty for the core group (<c>v1</c>).</summary>
    public static string Of(string? apiVersion)
    {
        var slash = apiVersion?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return slash < 0 ? string.Empty : apiVersion![..slash];
    }
}
