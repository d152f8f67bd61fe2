using SecureManifests;
using SecureManifests.Defaults;
using SecureManifests.Model;

namespace Shop;

/// <summary>
/// A small web shop: a web frontend behind an HTTPS Ingress, an API that reads a database password from a
/// mounted Secret and its settings from a ConfigMap, a nightly worker, and Redis with persistent storage.
/// Traffic is allowed only along web -> api -> redis.
/// </summary>
[ManifestApp]
public sealed class ShopApp : App
{
    private const string Registry = "ghcr.io/acme";

    public ShopApp()
        : base("shop")
    {
        Defaults.RunAsUser = 10001;
        Defaults.FsGroup = 10001;

        var shop = AddNamespace("shop");

        var apiConfig = shop.AddConfigMap("api-config")
            .With("LOG_LEVEL", "info")
            .With("appsettings.json", """
                {
                  "Cache": { "Host": "redis", "Port": 6379 },
                  "Checkout": { "Currency": "EUR" }
                }
                """);
        var database = shop.AddExternalSecret("api-database", "password");

        var redis = shop.AddStatefulSet("redis", "docker.io/library/redis:7.4.1")
            .WithComponent("cache")
            .WithRunAsUser(999, groupId: 999)
            .WithPort("redis", 6379)
            .WithArgs("--appendonly", "yes", "--dir", "/data")
            .WithVolumeClaim("data", "/data", "2Gi")
            .WithResources(cpu: "100m", memory: "256Mi", memoryLimit: "512Mi")
            .WithReadinessProbe(Probe.Tcp("redis"));

        var api = shop.AddDeployment("api", $"{Registry}/shop-api:1.4.2")
            .WithComponent("backend")
            .WithPort("http", 8080)
            .WithEnv("ASPNETCORE_URLS", "http://+:8080")
            .WithEnv("LOG_LEVEL", apiConfig, "LOG_LEVEL")
            .WithEnv("DB_PASSWORD_FILE", "/var/run/secrets/database/password")
            .WithSecretFiles(database, "/var/run/secrets/database")
            .WithConfigFiles(apiConfig, "/etc/shop-api")
            .WithWritablePath("/tmp")
            .WithReadinessProbe(Probe.Http("/healthz/ready", "http"))
            .WithLivenessProbe(Probe.Http("/healthz/live", "http"))
            .WithAutoscaling(minReplicas: 2, maxReplicas: 6, targetCpuUtilizationPercent: 70)
            .WithDisruptionBudget(minAvailable: 1);

        var web = shop.AddDeployment("web", $"{Registry}/shop-web:2.0.7")
            .WithComponent("frontend")
            .WithPort("http", 8080)
            .WithEnv("API_URL", "http://api:8080")
            .WithWritablePath("/tmp")
            .WithWritablePath("/var/cache/nginx")
            .WithReplicas(2)
            .WithReadinessProbe(Probe.Http("/", "http"))
            .WithDisruptionBudget(maxUnavailable: 1)
            .AllowFromNamespace("ingress-nginx", "http");

        shop.AddCronJob("order-cleanup", "17 3 * * *", $"{Registry}/shop-worker:1.4.2")
            .WithComponent("worker")
            .WithArgs("cleanup-orders", "--older-than", "30d")
            .WithEnv("DB_PASSWORD_FILE", "/var/run/secrets/database/password")
            .WithSecretFiles(database, "/var/run/secrets/database")
            .WithWritablePath("/tmp");

        api.AllowFrom(web, "http");
        redis.AllowFrom(api, "redis");

        api.Expose();
        redis.Expose();
        var webService = web.Expose().WithServicePort("http", 80);

        shop.AddIngress("shop", "shop.example.com", tlsSecretName: "shop-example-com-tls")
            .WithClassName("nginx")
            .Route("/", webService, "http");

        api.Bind(shop.AddRole("api-config-reader").CanRead(apiConfig));
    }
}
