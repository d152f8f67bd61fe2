namespace SecureManifests.Tests.Referees;

public sealed class KustomizeRefereeTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_valid_kustomization_builds_every_resource()
    {
        _folder.Write("deployment.yaml", RefereeSamples.Deployment);
        _folder.Write("service.yaml", RefereeSamples.Service);
        _folder.Write("kustomization.yaml", "resources:\n  - deployment.yaml\n  - service.yaml\n");

        var result = KustomizeReferee.Build(_folder.FullPath);

        result.AssertSucceeded();
        Assert.Contains("kind: Deployment\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("kind: Service\n", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kustomization_listing_a_missing_file_fails_naming_it()
    {
        _folder.Write("service.yaml", RefereeSamples.Service);
        _folder.Write("kustomization.yaml", "resources:\n  - service.yaml\n  - missing.yaml\n");

        var result = KustomizeReferee.Build(_folder.FullPath);

        Assert.False(result.Succeeded, result.Describe());
        Assert.Contains("missing.yaml", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }
}
