using k8s;
using SecureManifests.Rules;
using SecureManifests.Tests.Referees;

namespace SecureManifests.EndToEnd.Tests;

/// <summary>One run of a sample (<c>Sample --output DIR</c>) and the objects it wrote, shared by a test class.</summary>
public abstract class SampleOutput : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    protected SampleOutput(string sample)
    {
        Directory = Path.Combine(_folder.FullPath, "manifests");
        SampleRunner.Run(sample, ["--output", Directory]).AssertSucceeded();
        Objects = [.. System.IO.Directory.EnumerateFiles(Directory, "*.yaml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .Order(StringComparer.Ordinal)
            .SelectMany(f => KubernetesYaml.LoadAllFromString(File.ReadAllText(f)))
            .Cast<IKubernetesObject>()];
    }

    public string Directory { get; }

    public IReadOnlyList<IKubernetesObject> Objects { get; }

    /// <summary>The external referee: every document passes the Kubernetes OpenAPI schema (kubernetes-models).</summary>
    public void AssertPassesTheKubernetesSchema()
    {
        var result = KubernetesSchemaReferee.Validate(Directory);

        Assert.True(result.ExitCode == KubernetesSchemaReferee.ValidExitCode, result.Describe());
        Assert.Contains($"validated {Objects.Count} documents, 0 invalid", result.StandardOutput, StringComparison.Ordinal);
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

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
