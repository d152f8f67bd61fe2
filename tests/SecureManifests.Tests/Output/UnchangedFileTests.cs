using SecureManifests.Output;

namespace SecureManifests.Tests.Output;

/// <summary>
/// Files whose bytes did not change are staged as hard links to the current ones: they keep inode and modification
/// time through a commit, and every failure path still leaves the previous tree exactly as it was.
/// </summary>
public sealed class UnchangedFileTests : IDisposable
{
    private const string Changed = "shop/deployment-api.yaml";
    private readonly TempFolder temp = new();
    private readonly string output;

    public UnchangedFileTests() => output = temp.Combine("deploy", "manifests");

    public void Dispose() => temp.Dispose();

    private static ManifestTreeOptions Options() => new() { GeneratorName = "Shop.App", Layout = ManifestLayout.FilePerObject };

    private static IReadOnlyList<ManifestFile> Original() => ManifestTree.Render(TestObjects.App(), Options());

    // The original tree with one object changed: only its file differs.
    private static IReadOnlyList<ManifestFile> WithNewImage()
    {
        var objects = TestObjects.App();
        objects[0] = TestObjects.Deployment("shop", "api", image: "nginx:1.28");
        return ManifestTree.Render(objects, Options());
    }

    private Dictionary<string, string> CommitAndAge(IReadOnlyList<ManifestFile> tree)
    {
        AtomicDirectoryCommit.Commit(output, tree, new CommitSeams());
        FileIdentities.Age(output);
        return FileIdentities.Of(output);
    }

    private static List<string> Files(IEnumerable<string> paths) =>
        paths.Where(p => p.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    private List<string> SiblingsOfOutput() =>
        Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(output)!).Select(e => Path.GetFileName(e)).ToList();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Only_the_changed_file_gets_a_new_inode_with_either_swap(bool allowExchange)
    {
        var before = CommitAndAge(Original());

        AtomicDirectoryCommit.Commit(output, WithNewImage(), new CommitSeams(AllowExchange: allowExchange));

        Assert.Empty(ManifestTree.FindDifferences(WithNewImage(), output));
        Assert.Equal([Changed], Files(FileIdentities.Differing(before, FileIdentities.Of(output))));
        Assert.Equal(["manifests"], SiblingsOfOutput());
    }

    [Fact]
    public void Where_links_are_unavailable_every_file_is_written_and_the_tree_is_right()
    {
        var before = CommitAndAge(Original());

        AtomicDirectoryCommit.Commit(output, WithNewImage(), new CommitSeams(AllowLinks: false));

        Assert.Empty(ManifestTree.FindDifferences(WithNewImage(), output));
        Assert.Equal(Files(before.Keys), Files(FileIdentities.Differing(before, FileIdentities.Of(output))));
        Assert.Equal(["manifests"], SiblingsOfOutput());
    }

    [Fact]
    public void A_failure_after_linking_leaves_the_previous_tree_with_its_inodes_and_times()
    {
        var before = CommitAndAge(Original());
        var bytes = Snapshot();
        Dictionary<string, string> staged = [];

        Assert.Throws<ManifestOutputException>(() => AtomicDirectoryCommit.Commit(
            output,
            WithNewImage(),
            new CommitSeams(AfterStaging: staging =>
            {
                staged = FileIdentities.Of(staging);
                throw new IOException("disk full");
            })));

        // The staged tree was the current files under second names (but the changed one), and deleting it kept them.
        Assert.Equal([Changed], Files(FileIdentities.Differing(before, staged)));
        Assert.Empty(FileIdentities.Differing(before, FileIdentities.Of(output)));
        Assert.Equal(bytes, Snapshot());
        Assert.Equal(["manifests"], SiblingsOfOutput());
    }

    [Fact]
    public void After_a_kill_between_the_renames_the_next_run_restores_the_tree_and_keeps_its_unchanged_files()
    {
        var before = CommitAndAge(Original());
        Assert.Throws<SimulatedKill>(() => AtomicDirectoryCommit.Commit(
            output, WithNewImage(), new CommitSeams(BetweenRenames: () => throw new SimulatedKill(), AllowExchange: false)));
        Assert.False(Directory.Exists(output));

        AtomicDirectoryCommit.Commit(output, WithNewImage(), new CommitSeams());

        Assert.Empty(ManifestTree.FindDifferences(WithNewImage(), output));
        Assert.Equal([Changed], Files(FileIdentities.Differing(before, FileIdentities.Of(output))));
        Assert.Equal(["manifests"], SiblingsOfOutput());
    }

    [Fact]
    public void A_symbolic_link_to_the_right_bytes_is_replaced_by_a_file()
    {
        AtomicDirectoryCommit.Commit(output, Original(), new CommitSeams());
        var file = Path.Combine(output, "shop", "service-api.yaml");
        var size = (int)new FileInfo(file).Length;

        // A link's own size is the length of its target path: make it the file's size, so only the link check tells.
        const string Up = "../../../";
        var name = new string('x', size - Up.Length);
        File.Move(file, temp.Combine(name));
        File.CreateSymbolicLink(file, Up + name);
        Assert.Equal(size, new FileInfo(file).Length);

        AtomicDirectoryCommit.Commit(output, Original(), new CommitSeams());

        Assert.Null(new FileInfo(file).LinkTarget);
        Assert.Empty(ManifestTree.FindDifferences(Original(), output));
    }

    private string Snapshot() =>
        string.Join("\n", Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(output, f) + "=" + Convert.ToHexString(File.ReadAllBytes(f))));

    private sealed class SimulatedKill : Exception;
}
