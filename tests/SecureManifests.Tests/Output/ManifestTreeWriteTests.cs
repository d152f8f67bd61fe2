using System.Text;
using k8s;
using SecureManifests.Output;

namespace SecureManifests.Tests.Output;

public sealed class ManifestTreeWriteTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string output;

    public ManifestTreeWriteTests() => output = temp.Combine("deploy", "manifests");

    public void Dispose() => temp.Dispose();

    private static ManifestTreeOptions Options(ManifestLayout layout = ManifestLayout.FilePerObject) =>
        new() { GeneratorName = "Shop.App", Layout = layout };

    private static string Snapshot(string folder) =>
        string.Join("\n", Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(folder, f) + "=" + Convert.ToHexString(File.ReadAllBytes(f))));

    private List<string> SiblingsOfOutput() =>
        Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(output)!).Select(Path.GetFileName).ToList()!;

    [Fact]
    public void Write_creates_the_rendered_tree_as_utf8_without_bom()
    {
        ManifestTree.Write(TestObjects.App(), output, Options());

        var rendered = ManifestTree.Render(TestObjects.App(), Options());
        Assert.Empty(ManifestTree.FindDifferences(rendered, output));
        foreach (var file in rendered)
        {
            var bytes = File.ReadAllBytes(Path.Combine(output, file.RelativePath));
            Assert.Equal(Encoding.UTF8.GetBytes(file.Content), bytes);
            Assert.NotEqual(0xEF, bytes[0]);
        }

        Assert.Equal(["manifests"], SiblingsOfOutput());
    }

    [Fact]
    public void Rewriting_removes_files_of_objects_that_no_longer_exist()
    {
        ManifestTree.Write([.. TestObjects.App("shop"), .. TestObjects.App("blog").Where(o => o.Kind != "ClusterRole")], output, Options());
        Assert.True(File.Exists(Path.Combine(output, "blog", "deployment-api.yaml")));

        var fewer = TestObjects.App("shop").Where(o => o.Kind != "NetworkPolicy").ToList();
        ManifestTree.Write(fewer, output, Options());

        Assert.False(Directory.Exists(Path.Combine(output, "blog")));
        Assert.False(File.Exists(Path.Combine(output, "shop", "networkpolicy-allow-all.yaml")));
        Assert.Empty(ManifestTree.FindDifferences(ManifestTree.Render(fewer, Options()), output));
        Assert.Equal(["manifests"], SiblingsOfOutput());
    }

    [Fact]
    public void Switching_layouts_replaces_the_whole_tree()
    {
        ManifestTree.Write(TestObjects.App(), output, Options());
        ManifestTree.Write(TestObjects.App(), output, Options(ManifestLayout.SingleFile));

        Assert.Equal(["kustomization.yaml", "manifests.yaml"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_failing_object_leaves_the_previous_output_untouched()
    {
        ManifestTree.Write(TestObjects.App(), output, Options());
        var before = Snapshot(output);

        var ex = Assert.Throws<ManifestOutputException>(() =>
            ManifestTree.Write([.. TestObjects.App().Take(3), new Exploding()], output, Options()));

        Assert.Contains("Exploding shop/boom", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(output));
        Assert.Equal(["manifests"], SiblingsOfOutput());
    }

    [Fact]
    public void A_failure_after_staging_deletes_the_staging_folder_and_keeps_the_previous_output()
    {
        ManifestTree.Write(TestObjects.App(), output, Options());
        var before = Snapshot(output);
        string? staged = null;

        var ex = Assert.Throws<ManifestOutputException>(() => AtomicDirectoryCommit.Commit(
            output,
            ManifestTree.Render(TestObjects.App("other"), Options()),
            afterStaging: path =>
            {
                staged = path;
                Assert.True(File.Exists(Path.Combine(path, "other", "deployment-api.yaml")));
                throw new IOException("disk full");
            }));

        Assert.Contains("disk full", ex.Message, StringComparison.Ordinal);
        Assert.Contains("previous output is unchanged", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(staged);
        Assert.False(Directory.Exists(staged));
        Assert.Equal(before, Snapshot(output));
        Assert.Equal(["manifests"], SiblingsOfOutput());
    }

    [Fact]
    public void Folders_left_by_an_interrupted_run_are_removed_but_look_alikes_are_not()
    {
        var parent = Path.GetDirectoryName(output)!;
        var staging = Path.Combine(parent, ".manifests.staging-" + Guid.NewGuid().ToString("N"));
        var previous = Path.Combine(parent, ".manifests.previous-" + Guid.NewGuid().ToString("N"));
        var lookAlike = Path.Combine(parent, ".manifests.staging-mine");
        Directory.CreateDirectory(staging);
        Directory.CreateDirectory(previous);
        Directory.CreateDirectory(lookAlike);

        ManifestTree.Write(TestObjects.App(), output, Options());

        Assert.Equal([".manifests.staging-mine", "manifests"], SiblingsOfOutput().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Writing_into_a_new_or_empty_folder_works()
    {
        Directory.CreateDirectory(output);

        ManifestTree.Write(TestObjects.App(), output, Options());

        Assert.Empty(ManifestTree.FindDifferences(ManifestTree.Render(TestObjects.App(), Options()), output));
    }

    [Fact]
    public void A_folder_with_user_files_and_no_generated_kustomization_is_refused_and_left_alone()
    {
        Directory.CreateDirectory(output);
        var mine = Path.Combine(output, "notes.txt");
        File.WriteAllText(mine, "my data");

        var ex = Assert.Throws<ManifestOutputException>(() => ManifestTree.Write(TestObjects.App(), output, Options()));

        Assert.Contains(output, ex.Message, StringComparison.Ordinal);
        Assert.Contains("refusing to replace it", ex.Message, StringComparison.Ordinal);
        Assert.Equal("my data", File.ReadAllText(mine));
        Assert.Single(Directory.EnumerateFileSystemEntries(output));
    }

    [Fact]
    public void A_hand_written_kustomization_is_not_taken_for_ours()
    {
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "kustomization.yaml"), "resources:\n- app.yaml\n");

        Assert.Throws<ManifestOutputException>(() => ManifestTree.Write(TestObjects.App(), output, Options()));
        Assert.Equal("resources:\n- app.yaml\n", File.ReadAllText(Path.Combine(output, "kustomization.yaml")));
    }

    [Fact]
    public void A_file_where_the_folder_should_be_is_refused()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, "x");

        var ex = Assert.Throws<ManifestOutputException>(() => ManifestTree.Write(TestObjects.App(), output, Options()));

        Assert.Contains("is a file", ex.Message, StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(output));
    }

    [Fact]
    public void FindDifferences_reports_missing_changed_and_extra_files_sorted_by_path()
    {
        ManifestTree.Write(TestObjects.App(), output, Options());
        File.Delete(Path.Combine(output, "shop", "service-api.yaml"));
        File.AppendAllText(Path.Combine(output, "shop", "deployment-api.yaml"), "# edited\n");
        File.WriteAllText(Path.Combine(output, "shop", "stray.yaml"), "x: 1\n");

        var differences = ManifestTree.FindDifferences(ManifestTree.Render(TestObjects.App(), Options()), output);

        Assert.Equal(["changed: shop/deployment-api.yaml", "missing: shop/service-api.yaml", "extra: shop/stray.yaml"], differences);
    }

    [Fact]
    public void FindDifferences_on_a_missing_folder_reports_every_file_missing()
    {
        var rendered = ManifestTree.Render(TestObjects.App(), Options());

        var differences = ManifestTree.FindDifferences(rendered, output);

        Assert.Equal(rendered.Select(f => "missing: " + f.RelativePath), differences);
    }

    [Fact]
    public void An_up_to_date_tree_is_not_rewritten_and_a_changed_one_is()
    {
        ManifestTree.Write(TestObjects.App(), output, Options());
        var deployment = Path.Combine(output, "shop", "deployment-api.yaml");
        var old = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(deployment, old);

        ManifestTree.Write(TestObjects.App(), output, Options());
        Assert.Equal(old, File.GetLastWriteTimeUtc(deployment));

        // An extra file alone also makes the tree stale: it is removed.
        File.WriteAllText(Path.Combine(output, "shop", "stray.yaml"), "x: 1\n");
        ManifestTree.Write(TestObjects.App(), output, Options());
        Assert.False(File.Exists(Path.Combine(output, "shop", "stray.yaml")));

        var changed = TestObjects.App();
        changed[0] = TestObjects.Deployment("shop", "api", image: "nginx:1.28");
        ManifestTree.Write(changed, output, Options());
        Assert.NotEqual(old, File.GetLastWriteTimeUtc(deployment));
        Assert.Contains("image: nginx:1.28", File.ReadAllText(deployment), StringComparison.Ordinal);
    }

    [Fact]
    public void A_write_failure_inside_the_parallel_staging_is_reported_with_the_path_and_nothing_changes()
    {
        ManifestTree.Write(TestObjects.App(), output, Options());
        var before = Snapshot(output);
        var files = ManifestTree.Render(TestObjects.App("other"), Options()).ToList();
        // A file whose path is also a folder cannot be written: the failure happens inside the parallel writes.
        files.Add(new ManifestFile("other/deployment-api.yaml/inner.yaml", "x"));

        var ex = Assert.Throws<ManifestOutputException>(() => AtomicDirectoryCommit.Commit(output, files, afterStaging: null));

        Assert.Contains(output, ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(output));
        Assert.Equal(["manifests"], SiblingsOfOutput());
    }

    [Fact]
    public void Writing_twice_gives_byte_identical_files()
    {
        ManifestTree.Write(TestObjects.App(), output, Options());
        var first = Snapshot(output);
        ManifestTree.Write(TestObjects.App(), output, Options());

        Assert.Equal(first, Snapshot(output));
    }
}
