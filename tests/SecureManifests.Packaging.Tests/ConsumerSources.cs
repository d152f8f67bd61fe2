namespace SecureManifests.Packaging.Tests;

/// <summary>The C# that the consumer projects are given, as a user would write it.</summary>
internal static class ConsumerSources
{
    /// <summary>A secure app in a class library: its YAML must pass the external referees.</summary>
    public const string CatalogApp = """
        using SecureManifests;
        using SecureManifests.Model;

        namespace Catalog;

        [ManifestApp]
        public sealed class CatalogApp : App
        {
            public CatalogApp() : base("catalog")
            {
                var ns = AddNamespace("catalog");
                var settings = ns.AddConfigMap("catalog-settings").With("LOG_LEVEL", "info");
                var api = ns.AddDeployment("api", "ghcr.io/acme/catalog-api:3.1.0")
                    .WithPort("http", 8080)
                    .WithEnv("LOG_LEVEL", settings, "LOG_LEVEL")
                    .WithReadinessProbe(Probe.Http("/healthz", "http"));
                api.Expose();
            }
        }
        """;

    /// <summary>
    /// An app in a console project with a raw ConfigMap whose key looks like a secret: a synth-time warning
    /// (SM2016), not an error, so the YAML is still written.
    /// </summary>
    public const string StorefrontApp = """
        using k8s.Models;
        using SecureManifests;

        namespace Storefront;

        [ManifestApp]
        public sealed class StorefrontApp : App
        {
            public StorefrontApp() : base("storefront")
            {
                var ns = AddNamespace("storefront");
                Add(new V1ConfigMap
                {
                    ApiVersion = "v1",
                    Kind = "ConfigMap",
                    Metadata = new V1ObjectMeta { Name = "web-settings", NamespaceProperty = "storefront" },
                    Data = new Dictionary<string, string> { ["DB_PASSWORD"] = "hunter2-hunter2" },
                });
                ns.AddDeployment("web", "ghcr.io/acme/storefront:2.4.0").WithPort("http", 8080);
            }
        }
        """;

    /// <summary>
    /// Insecure code the compiler can see: the packaged analyzers must flag it during <c>dotnet build</c>.
    /// SM1019 is a warning by default, so the build still succeeds.
    /// </summary>
    public const string InsecureSettings = """
        using k8s.Models;

        namespace Storefront;

        public static class DebugSettings
        {
            public static V1SecurityContext Writable() => new V1SecurityContext
            {
                ReadOnlyRootFilesystem = false,
            };
        }
        """;

    /// <summary>
    /// A privileged Pod whose flag is computed at run time through the raw-object escape hatch: no analyzer can see
    /// the value, so only the synth finds it.
    /// </summary>
    public const string RiskyApp = """
        using k8s.Models;
        using SecureManifests;

        namespace Risky;

        [ManifestApp]
        public sealed class RiskyApp : App
        {
            public RiskyApp() : base("risky")
            {
                AddNamespace("risky");
                Add(new V1Pod
                {
                    ApiVersion = "v1",
                    Kind = "Pod",
                    Metadata = new V1ObjectMeta { Name = "debug", NamespaceProperty = "risky" },
                    Spec = new V1PodSpec
                    {
                        Containers =
                        [
                            new V1Container
                            {
                                Name = "debug",
                                Image = "docker.io/library/busybox:1.36",
                                SecurityContext = new V1SecurityContext { Privileged = bool.Parse("true") },
                            },
                        ],
                    },
                });
            }
        }
        """;

    /// <summary>A second app in the Catalog library: each app gets its own folder.</summary>
    public const string CatalogJobsApp = """
        using SecureManifests;

        namespace Catalog;

        [ManifestApp]
        public sealed class CatalogJobsApp : App
        {
            public CatalogJobsApp() : base("catalog-jobs")
            {
                var ns = AddNamespace("catalog-jobs");
                ns.AddCronJob("reindex", "0 3 * * *", "ghcr.io/acme/catalog-reindex:3.1.0");
            }
        }
        """;

    /// <summary>An app whose definition the SDK rejects while its constructor runs, at build time.</summary>
    public const string BrokenApp = """
        using SecureManifests;

        namespace Risky;

        [ManifestApp]
        public sealed class BrokenApp : App
        {
            public BrokenApp() : base("broken")
            {
                // Computed at run time: a literal would already be SM0106 from the analyzers, at compile time.
            AddNamespace(string.Concat("Not_A_", "Valid_Name"));
            }
        }
        """;

    /// <summary>A class library that takes the package but defines no app.</summary>
    public const string PlainLibrary = """
        namespace Plain;

        public static class Greeting
        {
            public static string Text => "no apps here";
        }
        """;
}
