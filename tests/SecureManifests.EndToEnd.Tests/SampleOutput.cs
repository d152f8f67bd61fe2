using k8s;
using SecureManifests.Rules;
using SecureManifests.Tests.Referees;

namespace SecureManifests.EndToEnd.Tests;

/// <summary>One run of a sample (<c>Sample --output DIR</c>) and the objects it wrote, shared by a test class.</summary>
public abstract class SampleOutput : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly IDictionary<string, Type>? _customKinds;

    /// <param name="sample">The sample's folder under <c>samples/</c>.</param>
    /// <param name="customKinds">Types for kinds KubernetesClient has no model of, by <c>apiVersion/kind</c>.</param>
    protected SampleOutput(string sample, IDictionary<string, Type>? customKinds = null)
    {
        _customKinds = customKinds;
        Directory = Path.Combine(_folder.FullPath, "manifests");
        AdmissionDirectory = Path.Combine(Directory, "_admission");
        SampleRunner.Run(sample, ["--output", Directory]).AssertSucceeded();
        var files = System.IO.Directory.EnumerateFiles(Directory, "*.yaml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .Order(StringComparer.Ordinal)
            .ToList();
        var admission = AdmissionDirectory + Path.DirectorySeparatorChar;
        Objects = Load(files.Where(f => !f.StartsWith(admission, StringComparison.Ordinal)));
        AdmissionObjects = Load(files.Where(f => f.StartsWith(admission, StringComparison.Ordinal)));
    }

    public string Directory { get; }

    /// <summary>The app's objects: everything but the admission folder.</summary>
    public IReadOnlyList<IKubernetesObject> Objects { get; }

    /// <summary><c>_admission/</c>, written when the app calls <c>EnforceAtAdmission</c>.</summary>
    public string AdmissionDirectory { get; }

    /// <summary>The policies and bindings in <see cref="AdmissionDirectory"/>; empty without it.</summary>
    public IReadOnlyList<IKubernetesObject> AdmissionObjects { get; }

    /// <summary>The external referee: every document, the admission folder's too, passes the Kubernetes OpenAPI schema (kubernetes-models).</summary>
    public void AssertPassesTheKubernetesSchema()
    {
        var result = KubernetesSchemaReferee.Validate(Directory);

        Assert.True(result.ExitCode == KubernetesSchemaReferee.ValidExitCode, result.Describe());
        Assert.Contains($"validated {Objects.Count + AdmissionObjects.Count} documents, 0 invalid", result.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>The external referee: <c>kubectl kustomize</c> builds the folder, with every object.</summary>
    public void AssertKustomizeBuildsIt()
    {
        var result = KustomizeReferee.Build(Directory);

        result.AssertSucceeded();
        Assert.Equal(Objects.Count, result.StandardOutput.Split("\n---\n").Length);
    }

    /// <summary>The rule engine under <paramref name="profile"/> finds nothing that is not waived with a reason.</summary>
    public void AssertNoFindings(RuleProfile profile)
    {
        var findings = new RuleEngine().Evaluate(Objects, new RuleEngineOptions { Profile = profile });

        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    private List<IKubernetesObject> Load(IEnumerable<string> files) =>
        [.. files.SelectMany(f => KubernetesYaml.LoadAllFromString(File.ReadAllText(f), _customKinds)).Cast<IKubernetesObject>()];

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
