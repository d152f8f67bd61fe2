namespace SecureManifests.Packaging.Tests;

/// <summary>
/// User code runs in the build step, so it must not be able to hang the build, fake its verdict or leave a stamp
/// behind a synth that never finished; settings are checked, hand edits and removed apps are handled, and two builds
/// of one project at once both succeed. Each case is its own consumer project in the shared workspace.
/// </summary>
public sealed partial class BuildStepTests
{
    private static string App(string className, string appName, string body) => $$"""
        using SecureManifests;
        using SecureManifests.Model;

        namespace Hostile;

        [ManifestApp]
        public sealed class {{className}} : App
        {
            public {{className}}() : base("{{appName}}")
            {
                {{body}}
                var ns = AddNamespace("{{appName}}");
                ns.AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithPort("http", 8080);
            }
        }
        """;

    private string Project(string name, params (string File, string Content)[] files)
    {
        Workspace.AddProject("classlib", name, files);
        return Path.Combine(Workspace.ProjectFolder(name), name + ".csproj");
    }

    [Fact]
    public void An_app_that_never_finishes_is_stopped_at_the_timeout_and_named()
    {
        var project = Project("Looping", ("LoopingApp.cs", App("LoopingApp", "looping", "while (true) { System.Threading.Thread.Sleep(50); }")));

        var build = Workspace.Build(project, "-p:SecureManifestsSynthTimeout=5");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error SM0106: The synth did not finish within SecureManifestsSynthTimeout (5 s) and was stopped while it ran app Hostile.LoopingApp", build.StandardOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(Workspace.Stamp("Looping")));
    }

    [Fact]
    public void An_app_that_exits_the_process_fails_the_build_and_writes_no_stamp()
    {
        var project = Project("Exiting", ("ExitingApp.cs", App("ExitingApp", "exiting", "System.Environment.Exit(0);")));

        var build = Workspace.Build(project);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error SM0106: The synth host ended (exit code 0) without finishing its report", build.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("app Hostile.ExitingApp probably called Environment.Exit", build.StandardOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(Workspace.Stamp("Exiting")));
        Assert.False(Directory.Exists(Workspace.DefaultManifests("Exiting")));
    }

    [Fact]
    public void What_user_code_prints_is_a_plain_message_even_when_shaped_like_an_error()
    {
        const string forged = "Forged.cs(1,1): error CS9999: this line must not fail the build";
        var project = Project("Printing", ("PrintingApp.cs", App("PrintingApp", "printing",
            $"System.Console.WriteLine(\"{forged}\"); System.Console.Error.WriteLine(\"{forged}\");")));

        var build = Workspace.Build(project);

        build.AssertSucceeded();
        Assert.Contains(forged, build.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("0 Error(s)", build.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Workspace.Stamp("Printing")));
    }

    [Theory]
    [InlineData("SecureManifestsEnabled=no", "SecureManifestsEnabled is 'no'; use true or false.")]
    [InlineData("SecureManifestsVerify=yes", "SecureManifestsVerify is 'yes'; use true or false.")]
    [InlineData("SecureManifestsSynthTimeout=soon", "SecureManifestsSynthTimeout is 'soon'; use a whole number of seconds")]
    [InlineData("SecureManifestsProfile=strict", "SecureManifestsProfile: unknown profile 'strict'; use baseline, restricted, secure or all")]
    [InlineData("SecureManifestsLayout=flat", "SecureManifestsLayout: unknown layout 'flat'; use per-object, per-namespace or single-file")]
    public void A_bad_setting_is_one_error_naming_the_property_and_the_accepted_values(string property, string message)
    {
        var project = Path.Combine(Workspace.ProjectFolder("Settings"), "Settings.csproj");
        if (!File.Exists(project))
        {
            Project("Settings", ("SettingsApp.cs", App("SettingsApp", "settings", string.Empty)));
        }

        var build = Workspace.Build(project, "-p:" + property);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error SM0106: " + message, build.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("usage:", build.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hand_edited_output_is_rewritten_by_the_next_plain_build()
    {
        var project = Project("Edited", ("EditedApp.cs", App("EditedApp", "edited", string.Empty)));
        Workspace.Build(project).AssertSucceeded();
        var file = Path.Combine(Workspace.DefaultManifests("Edited"), "edited", "edited", "deployment-api.yaml");
        var written = File.ReadAllText(file);
        Thread.Sleep(TimeSpan.FromSeconds(1.1));
        File.AppendAllText(file, "# changed by hand\n");

        Workspace.Build(project).AssertSucceeded();

        Assert.Equal(written, File.ReadAllText(file));
    }

    [Fact]
    public void The_folder_of_an_app_that_was_removed_is_removed()
    {
        var project = Project("Shrinking",
            ("KeptApp.cs", App("KeptApp", "kept", string.Empty)),
            ("RemovedApp.cs", App("RemovedApp", "removed", string.Empty)));
        Workspace.Build(project).AssertSucceeded();
        Assert.True(Directory.Exists(Path.Combine(Workspace.DefaultManifests("Shrinking"), "removed")));

        File.Delete(Path.Combine(Workspace.ProjectFolder("Shrinking"), "RemovedApp.cs"));
        var build = Workspace.Build(project);

        build.AssertSucceeded();
        Assert.Equal(["kept"], Directory.GetDirectories(Workspace.DefaultManifests("Shrinking")).Select(Path.GetFileName));
        Assert.Contains("the output of an app this project no longer defines", build.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_builds_of_one_project_at_once_both_succeed()
    {
        var project = Project("Concurrent", ("ConcurrentApp.cs", App("ConcurrentApp", "concurrent", string.Empty)));
        Workspace.Build(project).AssertSucceeded();
        var source = Path.Combine(Workspace.ProjectFolder("Concurrent"), "ConcurrentApp.cs");

        for (var round = 0; round < 3; round++)
        {
            File.AppendAllText(source, $"\n// round {round}\n");
            var builds = Enumerable.Range(0, 2)
                .Select(_ => Task.Run(() => Workspace.Build(project, "--no-restore")))
                .ToArray();
            foreach (var build in await Task.WhenAll(builds))
            {
                build.AssertSucceeded();
            }
        }

        Assert.True(File.Exists(Path.Combine(Workspace.DefaultManifests("Concurrent"), "concurrent", "kustomization.yaml")));
    }
}
