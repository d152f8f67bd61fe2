namespace SecureManifests.Model;

/// <summary>
/// The <c>app.kubernetes.io/*</c> labels on every object. Selectors use only <c>name</c> and <c>instance</c>,
/// which never change for a workload, so label edits elsewhere cannot orphan pods.
/// </summary>
public static class RecommendedLabels
{
    public const string Name = "app.kubernetes.io/name";
    public const string Instance = "app.kubernetes.io/instance";
    public const string Component = "app.kubernetes.io/component";
    public const string PartOf = "app.kubernetes.io/part-of";
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "securemanifests";

    internal static Dictionary<string, string> For(App app, string name, string? component = null)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Name] = name,
            [Instance] = app.Name,
            [PartOf] = app.Name,
            [ManagedBy] = ManagedByValue,
        };
        if (component is not null)
        {
            labels[Component] = component;
        }

        return labels;
    }

    internal static Dictionary<string, string> Selector(App app, string name) => new(StringComparer.Ordinal)
    {
        [Name] = name,
        [Instance] = app.Name,
    };
}
