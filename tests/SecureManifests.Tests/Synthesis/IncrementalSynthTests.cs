using SecureManifests.Synthesis;
using SecureManifests.Tests.Output;

namespace SecureManifests.Tests.Synthesis;

/// <summary>
/// An app synthesized again, as a user runs it (<c>AppRunner.Run</c> with <c>--output</c>): with the same objects it
/// touches no file or folder; with changed objects only the files whose bytes changed get a new inode and
/// modification time, files of removed objects go and files of new ones appear.
/// </summary>
public sealed class IncrementalSynthTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string parent;
    private readonly string output;

    public IncrementalSynthTests()
    {
        parent = temp.Combine("deploy");
        output = Path.Combine(parent, "manifests");
    }

    public void Dispose() => temp.Dispose();

    private static App Shop(string webImage = "ghcr.io/acme/web:1.0.0", string worker = "worker")
    {
        var app = new App("shop");
        var shop = app.AddNamespace("shop");
        shop.AddDeployment("web", webImage).WithPort("http", 8080).Expose();
        shop.AddDeployment("api", "ghcr.io/acme/api:2.0.0").WithPort("http", 8080).Expose();
        app.AddNamespace("jobs").AddDeployment(worker, $"ghcr.io/acme/{worker}:1.0.0");
        return app;
    }

    private void Synth(Func<App> define)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = AppRunner.Run(define, ["--output", output, "--layout", "per-object"], stdout, stderr);
        Assert.True(exit == AppRunner.Success, $"synth failed ({exit}): {stderr}");
    }

    // The first synth's tree, aged: any file or folder written again from here on shows a new modification time.
    private Dictionary<string, string> FirstSynth()
    {
        Synth(() => Shop());
        FileIdentities.Age(parent);
        return FileIdentities.Of(parent);
    }

    // The files among paths (the folders of a swapped-in tree are new by design), sorted.
    private static List<string> Files(IEnumerable<string> paths) =>
        paths.Where(k => k.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void An_unchanged_synth_touches_no_file_or_folder_and_creates_no_staging_folder()
    {
        var before = FirstSynth();

        Synth(() => Shop());

        // The parent included: a staging folder created and deleted beside the output would change its mtime.
        Assert.Empty(FileIdentities.Differing(before, FileIdentities.Of(parent)));
    }

    [Fact]
    public void A_changed_object_rewrites_its_file_only()
    {
        var before = FirstSynth();

        Synth(() => Shop(webImage: "ghcr.io/acme/web:1.1.0"));

        // Folders are new (the tree is swapped in whole); of the files, every other one keeps its inode and mtime.
        var after = FileIdentities.Of(parent);
        Assert.Equal(["manifests/shop/deployment-web.yaml"], Files(FileIdentities.Differing(before, after)));
        Assert.Equal(Files(before.Keys), Files(after.Keys));
        Assert.Contains("image: ghcr.io/acme/web:1.1.0", File.ReadAllText(Path.Combine(output, "shop", "deployment-web.yaml")), StringComparison.Ordinal);
        Assert.Equal(["deploy", "manifests"], SiblingsOfOutputAndParent());
    }

    [Fact]
    public void A_replaced_object_removes_its_files_adds_the_new_ones_and_keeps_the_rest()
    {
        var before = FirstSynth();

        Synth(() => Shop(worker: "mailer"));

        var after = FileIdentities.Of(parent);
        string[] removed = ["manifests/jobs/deployment-worker.yaml", "manifests/jobs/serviceaccount-worker.yaml"];
        string[] added = ["manifests/jobs/deployment-mailer.yaml", "manifests/jobs/serviceaccount-mailer.yaml"];
        Assert.Equal(Files([.. removed, .. added, "manifests/kustomization.yaml"]), Files(FileIdentities.Differing(before, after)));
        Assert.Equal(
            Files(before.Keys).Except(removed).Union(added).Order(StringComparer.Ordinal),
            Files(after.Keys));
        Assert.Equal(["deploy", "manifests"], SiblingsOfOutputAndParent());
    }

    // The parent's own name and its entries: nothing left beside the output (no staging or previous folder).
    private List<string> SiblingsOfOutputAndParent() =>
        [Path.GetFileName(parent), .. Directory.EnumerateFileSystemEntries(parent).Select(e => Path.GetFileName(e)).Order(StringComparer.Ordinal)];
}
