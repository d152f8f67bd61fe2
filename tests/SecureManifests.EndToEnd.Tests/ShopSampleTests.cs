using k8s.Models;
using SecureManifests.Rules;
using SecureManifests.Tests.Referees;

namespace SecureManifests.EndToEnd.Tests;

/// <summary>
/// The README's main job, run as a user runs it: <c>Shop --output DIR</c>. Its output is judged by the external
/// referees (Kubernetes OpenAPI schema, kubectl kustomize) and by the Pod Security Standards checks that agree with
/// every Pod Security Admission fixture.
/// </summary>
public sealed class ShopSampleTests : IClassFixture<ShopSampleTests.ShopOutput>
{
    private readonly ShopOutput _output;

    public ShopSampleTests(ShopOutput output) => _output = output;

    [Fact]
    public void The_sample_writes_every_kind_the_app_defines()
    {
        var kinds = _output.Objects.Select(o => o.Kind).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "Namespace", "Deployment", "StatefulSet", "CronJob", "Service", "Ingress", "ConfigMap", "ServiceAccount",
                "Role", "RoleBinding", "NetworkPolicy", "PodDisruptionBudget", "HorizontalPodAutoscaler",
            },
            kinds);
        Assert.True(File.Exists(Path.Combine(_output.Directory, "kustomization.yaml")));
    }

    [Fact]
    public void Every_document_passes_the_kubernetes_openapi_schema() => _output.AssertPassesTheKubernetesSchema();

    [Fact]
    public void Kubectl_kustomize_builds_the_folder() => _output.AssertKustomizeBuildsIt();

    [Fact]
    public void Every_pod_spec_meets_pod_security_restricted()
    {
        _output.AssertNoFindings(RuleProfile.Restricted);
        Assert.Equal(4, _output.Objects.Count(o => o is V1Deployment or V1StatefulSet or V1CronJob));
    }

    [Fact]
    public void The_secure_profile_finds_nothing_in_the_defaults() => _output.AssertNoFindings(RuleProfile.Secure);

    [Fact]
    public void The_namespace_enforces_restricted_and_is_closed_by_default()
    {
        var ns = Assert.Single(_output.Objects.OfType<V1Namespace>());
        Assert.Equal("restricted", ns.Metadata.Labels["pod-security.kubernetes.io/enforce"]);
        var policies = _output.Objects.OfType<V1NetworkPolicy>().Select(p => p.Metadata.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["allow-dns", "api-egress", "api-ingress", "default-deny", "redis-ingress", "web-egress", "web-ingress"], policies);
    }

    [Fact]
    public void A_second_run_under_a_german_locale_is_byte_identical()
    {
        using var again = new TemporaryFolder();
        var target = Path.Combine(again.FullPath, "manifests");
        var run = SampleRunner.Run("Shop", ["--output", target], new Dictionary<string, string> { ["LANG"] = "de_DE.UTF-8", ["LC_ALL"] = "de_DE.UTF-8" });
        run.AssertSucceeded();

        Assert.Equal(Tree.Read(_output.Directory), Tree.Read(target));
    }

    [Fact]
    public void Check_mode_passes_on_fresh_output_and_names_a_hand_edited_file()
    {
        using var copy = new TemporaryFolder();
        var target = Path.Combine(copy.FullPath, "manifests");
        SampleRunner.Run("Shop", ["--output", target]).AssertSucceeded();
        SampleRunner.Run("Shop", ["--output", target, "--check"]).AssertSucceeded();

        var edited = Path.Combine(target, "shop", "deployment-api.yaml");
        File.AppendAllText(edited, "# edited by hand\n");
        var stale = SampleRunner.Run("Shop", ["--output", target, "--check"]);

        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("shop/deployment-api.yaml", stale.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_with_foreign_files_is_refused_and_left_untouched()
    {
        using var folder = new TemporaryFolder();
        var mine = folder.Write("notes.txt", "not generated");

        var run = SampleRunner.Run("Shop", ["--output", folder.FullPath]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
        Assert.Equal("not generated", File.ReadAllText(mine));
        Assert.Single(Directory.GetFileSystemEntries(folder.FullPath));
    }

    [Fact]
    public void Unknown_options_are_a_usage_error()
    {
        var run = SampleRunner.Run("Shop", ["--outptu", "x"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown option '--outptu'", run.StandardError, StringComparison.Ordinal);
    }

    /// <summary>One run of the sample shared by the tests of this class.</summary>
    public sealed class ShopOutput() : SampleOutput("Shop");
}

/// <summary>A folder's files as relative path and bytes, for byte-for-byte comparison.</summary>
internal static class Tree
{
    public static SortedDictionary<string, string> Read(string root) => new(
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToBase64String(File.ReadAllBytes(f))),
        StringComparer.Ordinal);
}
