using k8s;
using k8s.Models;
using SecureManifests.Defaults;
using SecureManifests.Model;
using SecureManifests.Rules;

namespace SecureManifests.Tests.Rules;

/// <summary>
/// The acceptance proof that the SDK's defaults and the rules agree: an app that uses every SDK kind has no
/// finding under <c>secure</c>, and every relaxation is waived on exactly the objects it weakens, for the
/// rules it names, so that removing its waivers brings those rules back.
/// </summary>
public sealed class SdkDefaultsAgreeWithRulesTests
{
    private const string Image = "ghcr.io/acme/shop:1.4.2";
    private const string Reason = "needed by the vendor agent, reviewed in SEC-42";

    private static readonly RuleEngine Engine = new();

    private static IReadOnlyList<IKubernetesObject> FullApp()
    {
        var app = new App("shop");
        var shop = app.AddNamespace("shop");
        var jobs = app.AddNamespace("jobs");

        var settings = shop.AddConfigMap("settings").With("LOG_LEVEL", "info");
        var db = shop.AddExternalSecret("db", "password");

        var web = shop.AddDeployment("web", Image).WithPort("http", 8080)
            .AllowFromNamespace("ingress-nginx", "http")
            .WithAutoscaling(2, 5)
            .WithDisruptionBudget(minAvailable: 1);
        var api = shop.AddDeployment("api", Image).WithPort("http", 8080)
            .WithConfigFiles(settings, "/etc/shop")
            .WithSecretFiles(db, "/run/secrets/db")
            .AllowFrom(web, "http")
            .AllowEgressTo("10.20.0.0/16", 443);
        var store = shop.AddStatefulSet("store", Image).WithPort("pg", 5432).AllowFrom(api, "pg").WithDisruptionBudget(maxUnavailable: 1);
        shop.AddDaemonSet("agent", Image);
        var migrate = jobs.AddJob("migrate", Image).AllowEgressTo("10.30.0.0/16", 5432);
        jobs.AddCronJob("report", "0 3 * * *", Image);

        api.Expose("http");
        store.Expose();
        shop.AddIngress("web", "shop.example.com", "shop-tls").Route("/", web.Expose("http"), "http");

        api.Bind(shop.AddRole("settings-reader").CanRead(settings));
        web.Bind(app.AddClusterRole("node-reader").Allow([Verb.Get, Verb.List], "nodes"));
        migrate.BindClusterWide(app.AddClusterRole("namespace-lister").Allow([Verb.List], "namespaces"));
        return app.Build();
    }

    [Fact]
    public void An_app_with_every_sdk_kind_has_no_finding_under_secure()
    {
        var objects = FullApp();

        var findings = Engine.Evaluate(objects, new RuleEngineOptions { Profile = RuleProfile.Secure });

        Assert.True(findings.Count == 0, string.Join("\n", findings));
        var kinds = objects.Select(o => o.Kind).ToHashSet(StringComparer.Ordinal);
        foreach (var kind in new[]
        {
            "Namespace", "NetworkPolicy", "ServiceAccount", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Service",
            "Ingress", "ConfigMap", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding", "PodDisruptionBudget", "HorizontalPodAutoscaler",
        })
        {
            Assert.Contains(kind, kinds);
        }
    }

    [Fact]
    public void The_set_rules_do_judge_the_app()
    {
        // Guards against a vacuous pass: take away what the SDK adds and the cross-object rules fire.
        var objects = FullApp();
        var withoutPolicies = objects.Where(o => o is not V1NetworkPolicy).ToList();
        var withoutRoles = objects.Where(o => o is not V1Role and not V1ClusterRole).ToList();
        var withoutServices = objects.Where(o => o is not V1Service).ToList();
        var options = new RuleEngineOptions { Profile = RuleProfile.Secure };

        var notIsolated = Engine.Evaluate(withoutPolicies, options).Where(f => f.RuleId == RuleIds.PodNotIsolated).Select(f => f.Name);
        var dangling = Engine.Evaluate(withoutRoles, options).Where(f => f.RuleId == RuleIds.DanglingRoleBinding).Select(f => f.Name);
        var ingress = Engine.Evaluate(withoutServices, options).Where(f => f.RuleId == RuleIds.DanglingIngress).Select(f => f.Path);

        Assert.Equal("agent, api, migrate, report, store, web", string.Join(", ", notIsolated.Order(StringComparer.Ordinal)));
        Assert.Equal("namespace-lister, node-reader, settings-reader", string.Join(", ", dangling.Order(StringComparer.Ordinal)));
        Assert.Equal("spec.rules[0].http.paths[0].backend.service.name", Assert.Single(ingress));
    }

    public static TheoryData<string> Relaxations()
    {
        var data = new TheoryData<string>();
        foreach (var relaxation in Enum.GetNames<Relaxation>())
        {
            data.Add(relaxation);
        }

        data.Add("AllowCapability");
        data.Add("WithHostPathVolume");
        data.Add("WithHostPort");
        return data;
    }

    /// <summary>
    /// The rule each relaxation certainly breaks: it must come back once the waivers are removed. (The SDK also waives
    /// rules a relaxation may break, such as SM1018 next to SM1003, which the SM1018 check leaves to SM1003 for hostPath.)
    /// </summary>
    private static readonly Dictionary<string, string[]> RelaxedRules = new(StringComparer.Ordinal)
    {
        [nameof(Relaxation.Privileged)] = [RuleIds.PrivilegedContainer, RuleIds.PrivilegeEscalationAllowed],
        [nameof(Relaxation.HostNetwork)] = [RuleIds.HostNamespaces],
        [nameof(Relaxation.HostPid)] = [RuleIds.HostNamespaces],
        [nameof(Relaxation.HostIpc)] = [RuleIds.HostNamespaces],
        [nameof(Relaxation.WritableRootFilesystem)] = [RuleIds.WritableRootFilesystem],
        [nameof(Relaxation.PrivilegeEscalation)] = [RuleIds.PrivilegeEscalationAllowed],
        [nameof(Relaxation.RunAsRoot)] = [RuleIds.RunAsNonRootNotSet],
        [nameof(Relaxation.ServiceAccountToken)] = [RuleIds.ServiceAccountTokenAutomount],
        [nameof(Relaxation.UnconfinedSeccomp)] = [RuleIds.SeccompUnconfined],
        [nameof(Relaxation.MutableImageTag)] = [RuleIds.MutableImageTag],
        ["AllowCapability"] = [RuleIds.DangerousCapabilityAdded],
        ["WithHostPathVolume"] = [RuleIds.HostPathVolume],
        ["WithHostPort"] = [RuleIds.HostPort],
    };

    private static IReadOnlyList<IKubernetesObject> RelaxedApp(string relaxation)
    {
        var app = new App("shop");
        var ns = app.AddNamespace("shop");
        var image = relaxation == nameof(Relaxation.MutableImageTag) ? "ghcr.io/acme/shop:latest" : Image;
        var agent = ns.AddDeployment("agent", image).WithPort("http", 8080);
        ns.AddDeployment("web", Image).WithPort("http", 8080).Expose();
        switch (relaxation)
        {
            case "AllowCapability":
                agent.AllowCapability("NET_ADMIN", Reason);
                break;
            case "WithHostPathVolume":
                agent.WithHostPathVolume("/var/log", "/host/log", Reason);
                break;
            case "WithHostPort":
                agent.WithHostPort("http", 8080, Reason);
                break;
            default:
                agent.Allow(Enum.Parse<Relaxation>(relaxation), Reason);
                break;
        }

        return app.Build();
    }

    [Theory]
    [MemberData(nameof(Relaxations))]
    public void A_relaxation_is_waived_and_its_rules_return_without_the_waivers(string relaxation)
    {
        var objects = RelaxedApp(relaxation);
        var options = new RuleEngineOptions { Profile = RuleProfile.Secure };

        var waived = Engine.Evaluate(objects, options);
        Assert.True(waived.Count == 0, relaxation + ":\n" + string.Join("\n", waived));

        var stripped = StripWaivers(objects);
        var findings = Engine.Evaluate(objects, options);

        foreach (var rule in RelaxedRules[relaxation])
        {
            Assert.True(findings.Any(f => f.RuleId == rule && f.Name == "agent"),
                $"{relaxation}: expected {rule} on Deployment agent without its waivers, got:\n" + string.Join("\n", findings));
        }

        // Every finding that comes back was covered by a waiver the SDK wrote on that same object, and the
        // untouched workload stays clean: the waivers are neither missing nor on the wrong object.
        Assert.All(findings, f => Assert.Contains((f.Kind, f.Name, f.RuleId), stripped));
        Assert.DoesNotContain(findings, f => f.Name == "web");
    }

    /// <summary>Removes every waiver annotation, returning (kind, name, rule) of each one removed.</summary>
    private static HashSet<(string Kind, string Name, string RuleId)> StripWaivers(IReadOnlyList<IKubernetesObject> objects)
    {
        var removed = new HashSet<(string, string, string)>();
        foreach (var obj in objects)
        {
            var target = RuleTarget.Create(obj, 0);
            Strip(target, target.Metadata, removed);
            Strip(target, target.PodMetadata, removed);
        }

        return removed;
    }

    private static void Strip(RuleTarget target, V1ObjectMeta? metadata, HashSet<(string, string, string)> removed)
    {
        if (metadata?.Annotations is not { } annotations)
        {
            return;
        }

        foreach (var key in annotations.Keys.Where(k => k.StartsWith(WellKnownAnnotations.IgnorePrefix, StringComparison.Ordinal)).ToList())
        {
            removed.Add((target.Kind, target.Name, key[WellKnownAnnotations.IgnorePrefix.Length..]));
            annotations.Remove(key);
        }
    }
}
