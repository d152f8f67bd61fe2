using SecureManifests.Tests.Referees;

namespace SecureManifests.Packaging.Tests;

/// <summary>
/// The consumer solution built twice in a row with nothing changed in between, shared by the tests: the first
/// build runs the synth, the second must not.
/// </summary>
public sealed class BuiltConsumers : IDisposable
{
    public BuiltConsumers()
    {
        Workspace = new ConsumerWorkspace();
        try
        {
            FirstBuild = Workspace.Build(Workspace.Solution);
            StampsAfterFirstBuild = ReadStamps();
            // Coarse file systems store whole seconds; wait so that a rerun would show in the stamp's time.
            Thread.Sleep(TimeSpan.FromSeconds(1.1));
            SecondBuild = Workspace.Build(Workspace.Solution);
            StampsAfterSecondBuild = ReadStamps();
        }
        catch
        {
            Workspace.Dispose();
            throw;
        }
    }

    public ConsumerWorkspace Workspace { get; }

    public ProcessResult FirstBuild { get; }

    public ProcessResult SecondBuild { get; }

    public IReadOnlyDictionary<string, DateTime> StampsAfterFirstBuild { get; }

    public IReadOnlyDictionary<string, DateTime> StampsAfterSecondBuild { get; }

    public void Dispose() => Workspace.Dispose();

    private static readonly string[] ProjectsWithApps = ["Catalog", "Storefront"];

    private Dictionary<string, DateTime> ReadStamps() => ProjectsWithApps
        .ToDictionary(p => p, p => File.Exists(Workspace.Stamp(p)) ? File.GetLastWriteTimeUtc(Workspace.Stamp(p)) : DateTime.MinValue, StringComparer.Ordinal);
}
