using k8s;
using k8s.Models;
using SecureManifests.Rules;
using SecureManifests.Synthesis;

namespace SecureManifests.Tests.Sdk;

/// <summary>Renders an app with the Synthesizer, as a build does, and reads the YAML back into objects.</summary>
internal sealed class Synth
{
    private Synth(string yaml, IReadOnlyList<IKubernetesObject> objects, IReadOnlyList<Finding> findings)
    {
        Yaml = yaml;
        Objects = objects;
        Findings = findings;
    }

    /// <summary>The findings below the fail level, which did not stop the synth.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Every rendered file, concatenated.</summary>
    public string Yaml { get; }

    /// <summary>The documents of the rendered files, parsed back.</summary>
    public IReadOnlyList<IKubernetesObject> Objects { get; }

    public static Synth Render(App app, RuleProfile profile = RuleProfile.Secure)
    {
        var result = Synthesizer.Render(app, new SynthOptions { Profile = profile });
        var files = result.Files;
        var objects = files
            .Where(f => !f.RelativePath.EndsWith("kustomization.yaml", StringComparison.Ordinal))
            .SelectMany(f => KubernetesYaml.LoadAllFromString(f.Content))
            .Cast<IKubernetesObject>()
            .ToList();
        return new Synth(string.Concat(files.Select(f => f.Content)), objects, result.Findings);
    }

    public T Single<T>(string name)
        where T : IKubernetesObject<V1ObjectMeta> => Objects.Single<T>(name);

    public V1PodSpec Pod(string deployment) => Single<V1Deployment>(deployment).Spec.Template.Spec;

    public V1Container Main(string deployment) => Pod(deployment).Containers[0];
}
