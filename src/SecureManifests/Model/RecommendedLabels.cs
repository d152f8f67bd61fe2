namespace SecureManifests.Model;

/// <summary>
/// The <c>app.kubernetes.io/*</c> labels on every object. Selectors use only <c>name</c> and <c>instance</c>,
/// which never change for a workload, so label edits elsewhere cannot orphan pods.
/// </summary>
public static class RecommendedLabels
{
    public const string Name = Rules.Semantics.RecommendedLabels.Name;
    public const string Instance = Rules.Semantics.RecommendedLabels.Instance;
    public const string Component = Rules.Semantics.RecommendedLabels.Component;
    public const string PartOf = Rules.Semantics.RecommendedLabels.PartOf;
    public const string ManagedBy = Rules.Semantics.RecommendedLabels.ManagedBy;
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
