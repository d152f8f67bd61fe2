using SecureManifests.Output;

namespace SecureManifests.Tests.Output;

/// <summary>
/// The swap of a finished tree into place loses nothing: a run killed between the two renames of the fallback swap
/// leaves the old tree under <c>.previous-</c>, and the next run restores it before anything else; on Linux the swap
/// is one exchange; concurrent commits to one folder each see a whole tree.
/// </summary>
public sealed class AtomicSwapTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string output;

    public AtomicSwapTests() => output = temp.Combine("deploy", "manifests");

    public void Dispose() => temp.Dispose();

    private static ManifestTreeOptions Options() => new() { GeneratorName = "Shop.App", Layout = ManifestLayout.FilePerObject };

    private static IReadOnlyList<ManifestFile> Tree(string app) => ManifestTree.Render(TestObjects.App(app), Options());

    private static string Snapshot(string folder) =>
        string.Join("\n", Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(folder, f) + "=" + Convert.ToHexString(File.ReadAllBytes(f))));

    private List<string> SiblingsOfOutput() =>
        Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(output)!).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    // Leaves the folder as a process killed between the two renames leaves it: old tree away, new one not in.
    private string KilledBetweenRenames()
    {
        AtomicDirectoryCommit.Commit(output, Tree("shop"), new CommitSeams());
        var before = Snapshot(output);
        Assert.Throws<SimulatedKill>(() => AtomicDirectoryCommit.Commit(
            output, Tree("blog"), new CommitSeams(BetweenRenames: () => throw new SimulatedKill(), AllowExchange: false)));
        Assert.False(Directory.Exists(output));
        Assert.Contains(SiblingsOfOutput(), s => s.StartsWith(".manifests.previous-", StringComparison.Ordinal));
        Assert.Contains(SiblingsOfOutput(), s => s.StartsWith(".manifests.staging-", StringComparison.Ordinal));
        return before;
    }

    [Fact]
    public void After_a_kill_between_the_renames_a_failing_next_run_still_leaves_the_old_tree_in_place()
    {
        var before = KilledBetweenRenames();

        Assert.Throws<ManifestOutputException>(() => AtomicDirectoryCommit.Commit(
            output, Tree("blog"), new CommitSeams(AfterStaging: _ => throw new IOException("disk full"))));

        Assert.Equal(before, Snapshot(output));
        Assert.Equal(["manifests"], SiblingsOfOutput());
    }

    [Fact]
    public void After_a_kill_between_the_renames_the_next_run_writes_its_tree_and_cleans_up()
    {
        KilledBetweenRenames();

        AtomicDirectoryCommit.Commit(output, Tree("blog"), new CommitSeams());

        Assert.Empty(ManifestTree.FindDifferences(Tree("blog"), output));
        Assert.Equal(["manifests"], SiblingsOfOutput());
    }

    [Fact]
    public void The_fallback_swap_replaces_the_tree_when_nothing_fails()
    {
        AtomicDirectoryCommit.Commit(output, Tree("shop"), new CommitSeams(AllowExchange: false));
        AtomicDirectoryCommit.Commit(output, Tree("blog"), new CommitSeams(AllowExchange: false));

        Assert.Empty(ManifestTree.FindDifferences(Tree("blog"), output));
        Assert.Equal(["manifests"], SiblingsOfOutput());
    }

    [Fact]
    public void On_linux_two_folders_are_exchanged_in_one_step_and_elsewhere_the_caller_is_told_to_fall_back()
    {
        var first = temp.Combine("first");
        var second = temp.Combine("second");
        Directory.CreateDirectory(first);
        Directory.CreateDirectory(second);
        File.WriteAllText(Path.Combine(first, "a"), "first");
        File.WriteAllText(Path.Combine(second, "a"), "second");

        var exchanged = DirectoryExchange.TryExchange(first, second);

        Assert.Equal(OperatingSystem.IsLinux(), exchanged);
        Assert.Equal(exchanged ? "second" : "first", File.ReadAllText(Path.Combine(first, "a")));
        Assert.Equal(exchanged ? "first" : "second", File.ReadAllText(Path.Combine(second, "a")));
    }

    [Fact]
    public void Concurrent_commits_to_one_folder_all_succeed_and_leave_one_whole_tree()
    {
        var trees = new[] { Tree("shop"), Tree("blog") };
        AtomicDirectoryCommit.Commit(output, trees[0], new CommitSeams());

        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            AtomicDirectoryCommit.Commit(output, trees[i % 2], new CommitSeams(AllowExchange: i % 4 < 2)));

        Assert.Contains(trees, t => ManifestTree.FindDifferences(t, output).Count == 0);
        Assert.Equal(["manifests"], SiblingsOfOutput());
    }

    private sealed class SimulatedKill : Exception;
}
