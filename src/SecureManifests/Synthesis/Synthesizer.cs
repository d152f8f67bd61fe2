using SecureManifests.Output;
using SecureManifests.Rules;

namespace SecureManifests.Synthesis;

/// <summary>
/// Builds an app, checks the whole object graph against the rule catalogue, and only then writes it.
/// A blocked synth writes nothing, so the previous output stays as it was.
/// </summary>
public static class Synthesizer
{
    private static readonly RuleEngine Engine = new();

    /// <summary>Builds and checks <paramref name="app"/>, and renders it in memory without writing anything.</summary>
    /// <exception cref="ManifestDefinitionException">The definition is invalid.</exception>
    /// <exception cref="SynthesisFailedException">Findings at or above <see cref="SynthOptions.FailOn"/>.</exception>
    public static SynthResult Render(App app, SynthOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        options ??= new SynthOptions();
        var traced = app.BuildTraced();
        var objects = traced.Select(t => t.Object).ToList();
        var tree = TreeOptions(app, options);

        // Before the checks and the rendering: the exemption labels are part of the Namespace objects written.
        var admission = app.Admission is { } enforcement
            ? AdmissionSynthesis.Prepare(app, enforcement, objects, options, tree)
            : [];
        var findings = Evaluate(objects, options);
        var sources = FindingSources.Of(findings, traced);
        var blocking = findings.Where(f => f.Severity <= options.FailOn).ToList();
        if (blocking.Count > 0)
        {
            throw new SynthesisFailedException(app.Name, blocking) { Sources = sources };
        }

        var files = ManifestTree.Render(objects, tree);
        if (admission.Count > 0)
        {
            files = [.. files.Concat(admission).OrderBy(f => f.RelativePath, StringComparer.Ordinal)];
        }

        return new SynthResult(files, findings) { Sources = sources };
    }

    /// <summary>Like <see cref="Render"/>, then replaces <paramref name="outputDirectory"/> atomically.</summary>
    public static SynthResult Write(App app, string outputDirectory, SynthOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(outputDirectory);
        var result = Render(app, options);
        AtomicDirectoryCommit.Commit(outputDirectory, result.Files, afterStaging: null);
        return result;
    }

    /// <summary>The files in <paramref name="outputDirectory"/> that differ from what a synth would write.</summary>
    public static IReadOnlyList<string> FindStaleFiles(App app, string outputDirectory, SynthOptions? options = null) =>
        ManifestTree.FindDifferences(Render(app, options).Files, outputDirectory);

    /// <summary>
    /// The app folders under <paramref name="outputRoot"/> that SecureManifests wrote (their kustomization.yaml has
    /// its header) for apps other than <paramref name="appNames"/>: apps that were removed or renamed. Sorted.
    /// </summary>
    internal static IReadOnlyList<string> FindAppFoldersOtherThan(string outputRoot, IReadOnlySet<string> appNames)
    {
        if (!Directory.Exists(outputRoot))
        {
            return [];
        }

        return Directory.EnumerateDirectories(outputRoot)
            .Where(folder => !appNames.Contains(Path.GetFileName(folder)) && ManifestTree.IsGeneratedFolder(folder))
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static IReadOnlyList<Finding> Evaluate(List<k8s.IKubernetesObject> objects, SynthOptions options)
    {
        try
        {
            var engineOptions = new RuleEngineOptions { Profile = options.Profile, Version = options.PssVersion };
            foreach (var obj in objects)
            {
                // A type generated from a CRD says where its pods are: the rules check them by the schema, not a list.
                if (Schemas.CustomResourceType.Of(obj.GetType()) is { } customResource)
                {
                    engineOptions.PodTemplateKinds.AddFromSchema(ApiGroups.Of(obj.ApiVersion), obj.Kind, customResource.PodTemplates);
                }
            }

            return Engine.Evaluate(objects, engineOptions);
        }
        catch (PodTemplateException e)
        {
            // A raw object (CustomObject) of a pod-template kind whose template is malformed: a definition error like any other.
            throw new ManifestDefinitionException(e.ObjectReference, e.Field, e.Problem);
        }
    }

    private static ManifestTreeOptions TreeOptions(App app, SynthOptions options) => new()
    {
        Layout = options.Layout,
        GeneratorName = app.GetType().FullName ?? app.GetType().Name,
        SingleFileName = app.Name + ".yaml",
    };
}
