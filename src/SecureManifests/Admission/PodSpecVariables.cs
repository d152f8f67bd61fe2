namespace SecureManifests.Admission;

/// <summary>
/// The <c>matchConditions</c> and <c>variables</c> that pick the pod spec by kind, as <see cref="Rules.PodSpecLocator"/>
/// does: Pod <c>spec</c>, PodTemplate <c>template.spec</c>, CronJob <c>spec.jobTemplate.spec.template.spec</c>, every other
/// pod-template kind <c>spec.template.spec</c>. Each validation is then written once, against <c>variables.podSpec</c>.
/// </summary>
internal static class PodSpecVariables
{
    /// <summary>The pod spec of the object.</summary>
    public const string PodSpec = "variables.podSpec";

    /// <summary>Init containers, containers, then ephemeral containers (an empty list for each that is unset).</summary>
    public const string Containers = "variables.containers";

    /// <summary>Init containers and containers: ephemeral containers cannot have resources (SM2003, SM2004 skip them).</summary>
    public const string ContainersWithResources = "variables.containersWithResources";

    /// <summary>The pod's annotations (the Pod's own, or the pod template's), or an empty map.</summary>
    public const string PodAnnotations = "variables.podAnnotations";

    /// <summary>Whether the pod declares <c>os.name: windows</c>.</summary>
    public const string IsWindows = "variables.isWindows";

    /// <summary>The pod template of each kind that has one at a path of its own; the rest use <c>spec.template</c>.</summary>
    private static readonly (string Kind, string TemplatePath)[] OtherTemplates =
    [
        ("CronJob", "spec.jobTemplate.spec.template"),
        ("PodTemplate", "template"),
    ];

    private const string DefaultTemplatePath = "spec.template";

    /// <summary>Only objects that have a pod spec are judged, as the engine skips a template without one.</summary>
    public static IReadOnlyList<(string Name, string Expression)> MatchConditions { get; } =
    [
        ("has-pod-spec", ByKind(p => "(" + Cel.Has("object", Under(p, "spec")) + ")")),
    ];

    /// <summary>The variables, in the order they are declared (later ones read earlier ones).</summary>
    public static IReadOnlyList<(string Name, string Expression)> Variables { get; } =
    [
        ("podSpec", ByKind(p => "object." + Under(p, "spec"))),
        ("podAnnotations", ByKind(p =>
        {
            var metadata = Under(p, "metadata");
            return "(" + Cel.Has("object", metadata + ".annotations") + " ? object." + metadata + ".annotations : {})";
        })),
        ("containersWithResources", string.Join(" + ", new[] { "initContainers", "containers" }.Select(OrEmpty))),
        ("containers", ContainersWithResources + " + " + OrEmpty("ephemeralContainers")),
        // The engine compares os.name ignoring case; at admission the API server has already validated it to be
        // 'linux' or 'windows', so plain equality decides the same and needs no strings extension.
        ("isWindows", "(" + Cel.Has(PodSpec, "os.name") + " && " + PodSpec + ".os.name == 'windows')"),
    ];

    /// <summary>Every container satisfies the predicate over <c>c</c>.</summary>
    public static string AllContainers(string predicate) => Containers + ".all(c, " + predicate + ")";

    /// <summary>Every volume satisfies the predicate over <c>vol</c>.</summary>
    public static string AllVolumes(string predicate) =>
        "(!has(" + PodSpec + ".volumes) || " + PodSpec + ".volumes.all(vol, " + predicate + "))";

    // The list field of the pod spec, or an empty list when it is unset.
    private static string OrEmpty(string field) => "(has(" + PodSpec + "." + field + ") ? " + PodSpec + "." + field + " : [])";

    private static string Under(string templatePath, string field) => templatePath.Length == 0 ? field : templatePath + "." + field;

    // A conditional on object.kind; the pod template path is empty for a Pod.
    private static string ByKind(Func<string, string> at)
    {
        var text = "object.kind == 'Pod' ? " + at(string.Empty);
        foreach (var (kind, path) in OtherTemplates)
        {
            text += " : object.kind == " + Cel.Str(kind) + " ? " + at(path);
        }

        return text + " : " + at(DefaultTemplatePath);
    }
}
