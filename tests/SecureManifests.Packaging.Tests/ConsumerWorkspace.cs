using System.Globalization;
using System.Xml.Linq;
using SecureManifests.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Packaging.Tests;

/// <summary>
/// A temporary folder feed holding a freshly packed SecureManifests with a version unique to this run (so no
/// cached package can stand in for it), and consumer projects created with <c>dotnet new</c> that take it from
/// that feed: Catalog (class library, secure app), Storefront (console, an app with a warning), Plain (class
/// library, no app) in one solution, and Risky (class library, runtime-computed privileged Pod) on its own.
/// Third-party packages come from the machine's usual NuGet cache.
/// </summary>
public sealed class ConsumerWorkspace : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(8);
    private static readonly Lock PackLock = new();
    private static int _created;
    private readonly TemporaryFolder _folder = new();

    public ConsumerWorkspace()
    {
        // Unique per workspace, also for two created in the same second by test classes running in parallel: disposing
        // one deletes its package from the NuGet cache, which must not be the other's.
        Version = string.Create(CultureInfo.InvariantCulture, $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}.{Interlocked.Increment(ref _created)}");
        Root = _folder.FullPath;
        var feed = Path.Combine(Root, "feed");
        // One pack at a time: test classes running in parallel pack the same projects into the same obj folders, and
        // two packs with different versions rewrite each other's generated AssemblyInfo while the compiler reads it.
        lock (PackLock)
        {
            Run(TestPaths.RepositoryRoot, "pack", Path.Combine(TestPaths.RepositoryRoot, "src", "SecureManifests", "SecureManifests.csproj"),
                "-c", Configuration, "-o", feed, "-p:Version=" + Version, "-nodeReuse:false").AssertSucceeded();
        }

        Package = Path.Combine(feed, $"SecureManifests.{Version}.nupkg");
        Assert.True(File.Exists(Package), $"dotnet pack did not write {Package}");

        // The consumers must not inherit anything from folders above them.
        _folder.Write("Directory.Build.props", "<Project />\n");
        _folder.Write("Directory.Build.targets", "<Project />\n");
        _folder.Write("Directory.Packages.props", "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
        _folder.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="e2e" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <!-- Our package only from the fresh feed; third-party packages normally come from the local cache. -->
              <packageSourceMapping>
                <packageSource key="e2e">
                  <package pattern="SecureManifests" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);

        CreateProject("classlib", "Catalog", ("CatalogApp.cs", ConsumerSources.CatalogApp), ("CatalogJobsApp.cs", ConsumerSources.CatalogJobsApp));
        CreateProject("console", "Storefront", ("StorefrontApp.cs", ConsumerSources.StorefrontApp), ("DebugSettings.cs", ConsumerSources.InsecureSettings));
        CreateProject("classlib", "Plain", ("Greeting.cs", ConsumerSources.PlainLibrary));
        CreateProject("classlib", "Risky", ("RiskyApp.cs", ConsumerSources.RiskyApp), ("BrokenApp.cs", ConsumerSources.BrokenApp));
        Run(Root, "new", "sln", "-n", "Consumers", "--format", "sln").AssertSucceeded();
        Solution = Path.Combine(Root, "Consumers.sln");
        Run(Root, "sln", Solution, "add", "Catalog/Catalog.csproj", "Storefront/Storefront.csproj", "Plain/Plain.csproj").AssertSucceeded();
    }

    /// <summary>The configuration the tests were built in; the package is packed alike.</summary>
    public static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    public string Root { get; }

    public string Version { get; }

    public string Package { get; }

    public string Solution { get; }

    public string ProjectFolder(string project) => Path.Combine(Root, project);

    /// <summary>Where the build step writes by default: <c>$(OutDir)manifests/</c>.</summary>
    public string DefaultManifests(string project) => Path.Combine(Root, project, "bin", "Debug", "net10.0", "manifests");

    public string Stamp(string project) => Path.Combine(Root, project, "obj", "Debug", "net10.0", "securemanifests.stamp");

    /// <summary><c>dotnet build</c> of a project or solution, at normal verbosity so the step's lines show.</summary>
    public ProcessResult Build(string target, params string[] properties) =>
        Run(Root, ["build", target, "-nodeReuse:false", "-v", "n", "-tl:off", "-p:UseSharedCompilation=false", .. properties]);

    public void Dispose()
    {
        _folder.Dispose();
        // The run-unique version is of no use to anyone afterwards.
        var cached = Path.Combine(NuGetCache, "securemanifests", Version.ToLowerInvariant());
        if (Directory.Exists(cached))
        {
            Directory.Delete(cached, recursive: true);
        }
    }

    private static string NuGetCache =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>Another consumer project (not in <see cref="Solution"/>) taking the package from the feed.</summary>
    public void AddProject(string template, string name, params (string File, string Content)[] files) => CreateProject(template, name, files);

    private void CreateProject(string template, string name, params (string File, string Content)[] files)
    {
        Run(Root, "new", template, "-n", name, "-o", name, "-f", "net10.0", "--no-restore").AssertSucceeded();
        var classOne = Path.Combine(Root, name, "Class1.cs");
        if (File.Exists(classOne))
        {
            File.Delete(classOne);
        }

        var projectFile = Path.Combine(Root, name, name + ".csproj");
        var project = XDocument.Load(projectFile);
        project.Root!.Add(new XElement("ItemGroup",
            new XElement("PackageReference", new XAttribute("Include", "SecureManifests"), new XAttribute("Version", Version))));
        project.Save(projectFile);
        foreach (var (file, content) in files)
        {
            _folder.Write(Path.Combine(name, file), content);
        }
    }

    /// <summary>Any <c>dotnet</c> command in the workspace.</summary>
    public ProcessResult Dotnet(params string[] arguments) => Run(Root, arguments);

    private static ProcessResult Run(string workingDirectory, params string[] arguments) =>
        DotnetCli.Run(workingDirectory, CommandTimeout, arguments);
}
