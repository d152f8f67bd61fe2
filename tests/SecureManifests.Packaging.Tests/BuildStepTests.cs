using System.IO.Compression;
using System.Xml.Linq;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Packaging.Tests;

/// <summary>
/// The product as users get it: one package, added to fresh `dotnet new` projects, and `dotnet build`.
/// </summary>
public sealed partial class BuildStepTests : IClassFixture<BuiltConsumers>
{
    private readonly BuiltConsumers _built;

    public BuildStepTests(BuiltConsumers built) => _built = built;

    private ConsumerWorkspace Workspace => _built.Workspace;

    [Fact]
    public void The_package_carries_library_generator_build_step_and_host_and_its_dependencies_flow()
    {
        using var package = ZipFile.OpenRead(Workspace.Package);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "lib/net10.0/SecureManifests.dll",
                "analyzers/dotnet/cs/SecureManifests.Generators.dll",
                // The CRD generator reads YAML in the compiler, which loads only what sits beside it.
                "analyzers/dotnet/cs/YamlDotNet.dll",
                "buildTransitive/SecureManifests.props",
                "buildTransitive/SecureManifests.targets",
                "tools/net10.0/any/SecureManifests.SynthHost.dll",
                "README.md",
            },
            entries);
        using var nuspecStream = package.Entries.Single(e => e.FullName == "SecureManifests.nuspec").Open();
        var nuspec = XDocument.Load(nuspecStream);
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("Apache-2.0", metadata.Element(ns + "license")?.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        Assert.NotNull(metadata.Element(ns + "repository")?.Attribute("url"));
        Assert.Contains("kubernetes", metadata.Element(ns + "tags")?.Value ?? string.Empty, StringComparison.Ordinal);
        var dependencies = metadata.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).Order(StringComparer.Ordinal);
        // System.CommandLine: the app runner and the synth host parse the shared settings with it (one command-line model).
        Assert.Equal(["KubernetesClient", "System.CommandLine", "YamlDotNet"], dependencies);
    }

    [Fact]
    public void A_secure_app_in_a_class_library_builds_into_yaml_that_passes_the_schema_referee()
    {
        _built.FirstBuild.AssertSucceeded();
        var app = Path.Combine(Workspace.DefaultManifests("Catalog"), "catalog");
        Assert.Contains($"SecureManifests: wrote", _built.FirstBuild.StandardOutput, StringComparison.Ordinal);

        var result = KubernetesSchemaReferee.Validate(app);

        Assert.True(result.ExitCode == KubernetesSchemaReferee.ValidExitCode, result.Describe());
        Assert.Contains("Deployment", File.ReadAllText(Path.Combine(app, "catalog", "deployment-api.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_app_of_a_project_gets_its_own_folder()
    {
        _built.FirstBuild.AssertSucceeded();

        var folders = Directory.GetDirectories(Workspace.DefaultManifests("Catalog")).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(["catalog", "catalog-jobs"], folders);
        Assert.True(File.Exists(Path.Combine(Workspace.DefaultManifests("Catalog"), "catalog-jobs", "catalog-jobs", "cronjob-reindex.yaml")));
        KubernetesSchemaReferee.Validate(Path.Combine(Workspace.DefaultManifests("Catalog"), "catalog-jobs")).AssertSucceeded();
    }

    [Fact]
    public void Kubectl_kustomize_builds_the_class_library_apps_folder()
    {
        _built.FirstBuild.AssertSucceeded();

        var result = KustomizeReferee.Build(Path.Combine(Workspace.DefaultManifests("Catalog"), "catalog"));

        result.AssertSucceeded();
        Assert.Contains("kind: Deployment", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("kind: ConfigMap", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_console_app_builds_and_its_synth_warning_is_a_build_warning_at_the_call_that_added_the_object()
    {
        _built.FirstBuild.AssertSucceeded();
        var source = Path.Combine(Workspace.ProjectFolder("Storefront"), "StorefrontApp.cs");

        var warning = _built.FirstBuild.StandardOutput.Split('\n')
            .FirstOrDefault(line => line.Contains("warning SM2016:", StringComparison.Ordinal));

        Assert.True(warning is not null, "no SM2016 build warning:\n" + _built.FirstBuild.StandardOutput);
        Assert.Contains($"{source}(12,1): warning SM2016:", warning, StringComparison.Ordinal);
        Assert.Contains("[ConfigMap storefront/web-settings]", warning, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Workspace.DefaultManifests("Storefront"), "storefront", "storefront", "deployment-web.yaml")));
    }

    [Fact]
    public void The_packaged_analyzers_flag_insecure_code_during_the_build()
    {
        _built.FirstBuild.AssertSucceeded();
        var source = Path.Combine(Workspace.ProjectFolder("Storefront"), "DebugSettings.cs");

        Assert.Contains($"{source}(9,9): warning SM1019:", _built.FirstBuild.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", _built.FirstBuild.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_of_the_solution_without_apps_builds_and_writes_nothing()
    {
        _built.FirstBuild.AssertSucceeded();

        Assert.True(File.Exists(Path.Combine(Workspace.ProjectFolder("Plain"), "bin", "Debug", "net10.0", "Plain.dll")));
        Assert.False(Directory.Exists(Workspace.DefaultManifests("Plain")));
    }

    [Fact]
    public void A_second_build_with_no_change_does_not_rerun_the_synth()
    {
        _built.FirstBuild.AssertSucceeded();
        _built.SecondBuild.AssertSucceeded();

        Assert.All(_built.StampsAfterFirstBuild.Values, stamp => Assert.NotEqual(DateTime.MinValue, stamp));
        Assert.Equal(_built.StampsAfterFirstBuild, _built.StampsAfterSecondBuild);
        Assert.DoesNotContain("SecureManifests: wrote", _built.SecondBuild.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("warning SM2016", _built.SecondBuild.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_passes_on_fresh_yaml_and_fails_naming_a_hand_edited_file()
    {
        var committed = Path.Combine(Workspace.Root, "committed-manifests");
        var output = "-p:SecureManifestsOutputPath=" + committed + "/";
        Workspace.Build("Catalog/Catalog.csproj", output).AssertSucceeded();
        Workspace.Build("Catalog/Catalog.csproj", output, "-p:SecureManifestsVerify=true").AssertSucceeded();

        var edited = Path.Combine(committed, "catalog", "catalog", "deployment-api.yaml");
        File.AppendAllText(edited, "# edited by hand\n");
        var verify = Workspace.Build("Catalog/Catalog.csproj", output, "-p:SecureManifestsVerify=true");

        Assert.NotEqual(0, verify.ExitCode);
        Assert.Contains($"{edited} : error SM0107:", verify.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith("# edited by hand\n", File.ReadAllText(edited), StringComparison.Ordinal);
    }

    [Fact]
    public void Disabling_the_step_writes_nothing()
    {
        var target = Path.Combine(Workspace.Root, "disabled-manifests");

        var build = Workspace.Build("Catalog/Catalog.csproj", "-p:SecureManifestsOutputPath=" + target + "/", "-p:SecureManifestsEnabled=false");

        build.AssertSucceeded();
        Assert.False(Directory.Exists(target), build.StandardOutput);
    }

    [Fact]
    public void An_insecure_value_computed_at_run_time_fails_the_build_with_the_synth_finding_at_the_call_that_added_it()
    {
        var source = Path.Combine(Workspace.ProjectFolder("Risky"), "RiskyApp.cs");

        var build = Workspace.Build("Risky/Risky.csproj");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains($"{source}(12,1): error SM1001: securityContext.privileged is true in container 'debug'", build.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("[Pod risky/debug]", build.StandardOutput, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Workspace.DefaultManifests("Risky")), "a blocked synth must write nothing");
        Assert.False(File.Exists(Workspace.Stamp("Risky")), "a failed synth must not be recorded as done");
    }

    [Fact]
    public void A_definition_the_sdk_rejects_at_build_time_is_one_error_at_the_app_class_without_a_stack_trace()
    {
        var source = Path.Combine(Workspace.ProjectFolder("Risky"), "BrokenApp.cs");

        var build = Workspace.Build("Risky/Risky.csproj");

        Assert.NotEqual(0, build.ExitCode);
        var error = build.StandardOutput.Split('\n').FirstOrDefault(l => l.Contains($"{source}(6,21): error SM0106:", StringComparison.Ordinal));
        Assert.True(error is not null, build.StandardOutput);
        Assert.Contains("Not_A_Valid_Name", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", build.StandardOutput, StringComparison.Ordinal);
    }
}
