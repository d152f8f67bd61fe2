using k8s;
using k8s.Models;
using SecureManifests.Rules;
using static SecureManifests.Tests.Rules.TestObjects;

namespace SecureManifests.Tests.Rules;

/// <summary>Firing and non-firing cases of the SM2xxx rules, evaluated with the <c>all</c> profile.</summary>
public sealed class WorkloadRuleTests
{
    private sealed record Case(string RuleId, bool Fires, Func<IKubernetesObject[]> Objects, string? Path = null, string? MessagePart = null);

    private static IKubernetesObject[] Deployment(Action<V1PodSpec> change) => new IKubernetesObject[] { SecureDeployment(change) };

    private static IKubernetesObject[] One(IKubernetesObject obj) => new[] { obj };

    /// <summary>Declares the app container's port (8080, "http") with <paramref name="protocol"/> and gives it a probe.</summary>
    private static void Probe(V1PodSpec spec, string protocol, Action<V1Container> probe)
    {
        App(spec).Ports[0].Protocol = protocol;
        probe(App(spec));
    }

    private static V1EnvVar Env(string name, string value) => new() { Name = name, Value = value };

    private static V1ConfigMap ConfigMap(string key, string value) => new()
    {
        ApiVersion = "v1", Kind = "ConfigMap",
        Metadata = new V1ObjectMeta { Name = "cfg", NamespaceProperty = "shop", Labels = AppLabels() },
        Data = new Dictionary<string, string> { [key] = value },
    };

    private static V1Job Job(Action<V1Job>? change = null)
    {
        var job = new V1Job
        {
            ApiVersion = "batch/v1", Kind = "Job",
            Metadata = new V1ObjectMeta { Name = "migrate", NamespaceProperty = "shop", Labels = AppLabels() },
            Spec = new V1JobSpec
            {
                TtlSecondsAfterFinished = 3600,
                Template = new V1PodTemplateSpec { Metadata = new V1ObjectMeta { Labels = AppLabels() }, Spec = SecurePodSpec() },
            },
        };
        change?.Invoke(job);
        return job;
    }

    private static IKubernetesObject[] WithSelector(V1LabelSelector? selector)
    {
        var deployment = SecureDeployment();
        deployment.Spec.Selector = selector;
        return new IKubernetesObject[] { deployment };
    }

    private static V1Volume SecretVolume(int? mode) => new() { Name = "db", Secret = new V1SecretVolumeSource { SecretName = "db", DefaultMode = mode } };

    private static readonly Dictionary<string, Case> Cases = new(StringComparer.Ordinal)
    {
        ["SM2001 no tag"] = new(RuleIds.MutableImageTag, true, () => Deployment(s => App(s).Image = "nginx"),
            Path: "spec.template.spec.containers[0].image", MessagePart: "has no tag"),
        ["SM2001 latest"] = new(RuleIds.MutableImageTag, true, () => Deployment(s => Init(s).Image = "registry:5000/nginx:latest"),
            Path: "spec.template.spec.initContainers[0].image", MessagePart: "latest"),
        ["SM2001 registry port is not a tag"] = new(RuleIds.MutableImageTag, true, () => Deployment(s => App(s).Image = "registry:5000/nginx")),
        ["SM2001 version tag"] = new(RuleIds.MutableImageTag, false, () => Deployment(s => App(s).Image = "registry:5000/nginx:1.27.0")),
        ["SM2001 latest with digest"] = new(RuleIds.MutableImageTag, false, () => Deployment(s => App(s).Image = "nginx:latest@sha256:" + new string('a', 64))),

        ["SM2002 tag only"] = new(RuleIds.ImageNotPinnedByDigest, true, () => Deployment(s => App(s).Image = "nginx:1.27.0"), MessagePart: "@sha256:"),
        ["SM2002 digest"] = new(RuleIds.ImageNotPinnedByDigest, false, () => Deployment(s => App(s).Image = "nginx@sha256:" + new string('a', 64))),

        ["SM2003 no resources"] = new(RuleIds.MissingResourceRequests, true, () => Deployment(s => App(s).Resources = null),
            Path: "spec.template.spec.containers[0].resources.requests", MessagePart: "cpu and memory"),
        ["SM2003 memory only"] = new(RuleIds.MissingResourceRequests, true, () => Deployment(s => App(s).Resources.Requests.Remove("cpu")), MessagePart: "requests.cpu"),
        ["SM2003 limits imply requests"] = new(RuleIds.MissingResourceRequests, false, () => Deployment(s =>
        {
            App(s).Resources.Requests = null;
            App(s).Resources.Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("1"), ["memory"] = new("1Gi") };
        })),

        ["SM2004 no memory limit"] = new(RuleIds.MissingMemoryLimit, true, () => Deployment(s => Init(s).Resources.Limits = null),
            Path: "spec.template.spec.initContainers[0].resources.limits.memory"),
        ["SM2004 memory limit"] = new(RuleIds.MissingMemoryLimit, false, () => Deployment(_ => { })),

        ["SM2005 DB_PASSWORD literal"] = new(RuleIds.SecretLiteralInEnv, true, () => Deployment(s => App(s).Env = new List<V1EnvVar> { Env("DB_PASSWORD", "hunter2") }),
            Path: "spec.template.spec.containers[0].env[0].value", MessagePart: "DB_PASSWORD_FILE"),
        ["SM2005 ApiKey mixed case"] = new(RuleIds.SecretLiteralInEnv, true, () => Deployment(s => App(s).Env = new List<V1EnvVar> { Env("Stripe_ApiKey", "sk_test_x") })),
        ["SM2005 message does not leak the value"] = new(RuleIds.SecretLiteralInEnv, true, () => Deployment(s => App(s).Env = new List<V1EnvVar> { Env("TOKEN", "s3cr3t-value") }),
            MessagePart: "'TOKEN'"),
        ["SM2005 _FILE name"] = new(RuleIds.SecretLiteralInEnv, false, () => Deployment(s => App(s).Env = new List<V1EnvVar> { Env("DB_PASSWORD_FILE", "secrets/db") })),
        ["SM2005 absolute path value"] = new(RuleIds.SecretLiteralInEnv, false, () => Deployment(s => App(s).Env = new List<V1EnvVar> { Env("TOKEN_LOCATION", "/var/run/secrets/token") })),
        ["SM2005 secretKeyRef"] = new(RuleIds.SecretLiteralInEnv, false, () => Deployment(s => App(s).Env = new List<V1EnvVar>
            { new() { Name = "DB_PASSWORD", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = "db", Key = "password" } } } })),
        ["SM2005 ordinary name"] = new(RuleIds.SecretLiteralInEnv, false, () => Deployment(s => App(s).Env = new List<V1EnvVar> { Env("LOG_LEVEL", "info") })),

        ["SM2006 secretKeyRef"] = new(RuleIds.SecretViaEnv, true, () => Deployment(s => App(s).Env = new List<V1EnvVar>
            { new() { Name = "DB_PASSWORD", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = "db", Key = "password" } } } }),
            Path: "spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef"),
        ["SM2006 envFrom secretRef"] = new(RuleIds.SecretViaEnv, true, () => Deployment(s => App(s).EnvFrom = new List<V1EnvFromSource>
            { new() { SecretRef = new V1SecretEnvSource { Name = "db" } } }), Path: "spec.template.spec.containers[0].envFrom[0].secretRef"),
        ["SM2006 configMapRef"] = new(RuleIds.SecretViaEnv, false, () => Deployment(s => App(s).EnvFrom = new List<V1EnvFromSource>
            { new() { ConfigMapRef = new V1ConfigMapEnvSource { Name = "cfg" } } })),

        ["SM2007 duplicate"] = new(RuleIds.DuplicateEnvVar, true, () => Deployment(s => App(s).Env = new List<V1EnvVar> { Env("A", "1"), Env("B", "2"), Env("A", "3") }),
            Path: "spec.template.spec.containers[0].env[2].name"),
        ["SM2007 same name in two containers"] = new(RuleIds.DuplicateEnvVar, false, () => Deployment(s =>
            { App(s).Env = new List<V1EnvVar> { Env("A", "1") }; Init(s).Env = new List<V1EnvVar> { Env("A", "1") }; })),

        ["SM2008 matchLabels mismatch"] = new(RuleIds.SelectorMismatch, true,
            () => WithSelector(new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "web" } }), Path: "spec.selector"),
        ["SM2008 missing selector"] = new(RuleIds.SelectorMismatch, true, () => WithSelector(null), MessagePart: "missing or empty"),
        ["SM2008 In expression matches"] = new(RuleIds.SelectorMismatch, false, () => WithSelector(new V1LabelSelector
        {
            MatchExpressions = new List<V1LabelSelectorRequirement> { new() { Key = "app.kubernetes.io/name", OperatorProperty = "In", Values = new List<string> { "api", "web" } } },
        })),
        ["SM2008 DoesNotExist fails"] = new(RuleIds.SelectorMismatch, true, () => WithSelector(new V1LabelSelector
        {
            MatchExpressions = new List<V1LabelSelectorRequirement> { new() { Key = "app.kubernetes.io/name", OperatorProperty = "DoesNotExist" } },
        })),
        ["SM2008 pod template with labels but no spec"] = new(RuleIds.SelectorMismatch, false, () =>
        {
            var deployment = SecureDeployment();
            deployment.Spec.Template.Spec = null;
            return One(deployment);
        }),
        ["SM2008 Job without selector"] = new(RuleIds.SelectorMismatch, false, () => One(Job())),

        ["SM2009 probe number not declared"] = new(RuleIds.ProbePortNotExposed, true,
            () => Deployment(s => App(s).LivenessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/", Port = 9090 } }),
            Path: "spec.template.spec.containers[0].livenessProbe.httpGet.port", MessagePart: "port 9090"),
        ["SM2009 probe name not declared"] = new(RuleIds.ProbePortNotExposed, true,
            () => Deployment(s => App(s).ReadinessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = "metrics" } }), MessagePart: "'metrics'"),
        ["SM2009 grpc port not declared"] = new(RuleIds.ProbePortNotExposed, true,
            () => Deployment(s => App(s).StartupProbe = new V1Probe { Grpc = new V1GRPCAction { Port = 9000 } })),
        ["SM2009 probe by name"] = new(RuleIds.ProbePortNotExposed, false,
            () => Deployment(s => App(s).ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/ready", Port = "http" } })),
        ["SM2009 probe by number"] = new(RuleIds.ProbePortNotExposed, false,
            () => Deployment(s => App(s).LivenessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = 8080 } })),
        ["SM2009 tcpSocket on a UDP port number"] = new(RuleIds.ProbePortNotExposed, true,
            () => Deployment(s => Probe(s, "UDP", p => p.LivenessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = 8080 } })),
            Path: "spec.template.spec.containers[0].livenessProbe.tcpSocket.port", MessagePart: "declared UDP"),
        ["SM2009 httpGet on a UDP port name"] = new(RuleIds.ProbePortNotExposed, true,
            () => Deployment(s => Probe(s, "UDP", p => p.ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/", Port = "http" } })),
            MessagePart: "named port 'http', which is declared UDP"),
        ["SM2009 grpc on an SCTP port"] = new(RuleIds.ProbePortNotExposed, true,
            () => Deployment(s => Probe(s, "SCTP", p => p.StartupProbe = new V1Probe { Grpc = new V1GRPCAction { Port = 8080 } })),
            MessagePart: "declared SCTP"),
        ["SM2009 explicit TCP port"] = new(RuleIds.ProbePortNotExposed, false,
            () => Deployment(s => Probe(s, "TCP", p => p.LivenessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = "http" } }))),
        ["SM2009 port declared UDP and TCP"] = new(RuleIds.ProbePortNotExposed, false,
            () => Deployment(s =>
            {
                App(s).Ports.Insert(0, new V1ContainerPort { ContainerPort = 8080, Name = "http-udp", Protocol = "UDP" });
                App(s).LivenessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = 8080 } };
            })),

        ["SM2010 serviceAccount"] = new(RuleIds.DeprecatedServiceAccountField, true, () => Deployment(s => s.ServiceAccount = "api"),
            Path: "spec.template.spec.serviceAccount", MessagePart: "serviceAccountName: api"),
        ["SM2010 serviceAccountName"] = new(RuleIds.DeprecatedServiceAccountField, false, () => Deployment(s => s.ServiceAccountName = "api")),

        ["SM2011 port 22"] = new(RuleIds.SshPortExposed, true, () => Deployment(s => App(s).Ports.Add(new V1ContainerPort { ContainerPort = 22, Name = "ssh" })),
            Path: "spec.template.spec.containers[0].ports[1].containerPort"),
        ["SM2011 port 22 UDP"] = new(RuleIds.SshPortExposed, false, () => Deployment(s => App(s).Ports.Add(new V1ContainerPort { ContainerPort = 22, Protocol = "UDP" }))),

        ["SM2012 port 80"] = new(RuleIds.PrivilegedPort, true, () => Deployment(s => App(s).Ports[0].ContainerPort = 80), MessagePart: "privileged port 80"),
        ["SM2012 port 1024"] = new(RuleIds.PrivilegedPort, false, () => Deployment(s => App(s).Ports[0].ContainerPort = 1024)),

        ["SM2013 Job without TTL"] = new(RuleIds.JobWithoutTtl, true, () => One(Job(j => j.Spec.TtlSecondsAfterFinished = null)), Path: "spec.ttlSecondsAfterFinished"),
        ["SM2013 Job with TTL"] = new(RuleIds.JobWithoutTtl, false, () => One(Job())),
        ["SM2013 Job owned by a CronJob"] = new(RuleIds.JobWithoutTtl, false, () => One(Job(j =>
        {
            j.Spec.TtlSecondsAfterFinished = null;
            j.Metadata.OwnerReferences = new List<V1OwnerReference> { new() { Kind = "CronJob", Name = "nightly", ApiVersion = "batch/v1", Uid = "1" } };
        }))),

        ["SM2014 extensions/v1beta1 Ingress"] = new(RuleIds.DeprecatedApiVersion, true,
            () => One(new V1Ingress { ApiVersion = "extensions/v1beta1", Kind = "Ingress", Metadata = new V1ObjectMeta { Name = "web", Labels = AppLabels() } }),
            Path: "apiVersion", MessagePart: "networking.k8s.io/v1"),
        ["SM2014 apps/v1beta2 Deployment"] = new(RuleIds.DeprecatedApiVersion, true, () =>
        {
            var d = SecureDeployment();
            d.ApiVersion = "apps/v1beta2";
            return One(d);
        }, MessagePart: "apps/v1"),
        ["SM2014 apps/v1"] = new(RuleIds.DeprecatedApiVersion, false, () => Deployment(_ => { })),

        ["SM2015 unset mode"] = new(RuleIds.SecretVolumeWorldReadable, true, () => Deployment(s => s.Volumes = new List<V1Volume> { SecretVolume(null) }),
            Path: "spec.template.spec.volumes[0].secret.defaultMode", MessagePart: "0644"),
        ["SM2015 0440"] = new(RuleIds.SecretVolumeWorldReadable, false, () => Deployment(s => s.Volumes = new List<V1Volume> { SecretVolume(288) })),
        ["SM2015 0460 group write"] = new(RuleIds.SecretVolumeWorldReadable, true, () => Deployment(s => s.Volumes = new List<V1Volume> { SecretVolume(304) })),
        ["SM2015 item mode 0604"] = new(RuleIds.SecretVolumeWorldReadable, true, () => Deployment(s =>
        {
            var v = SecretVolume(256);
            v.Secret.Items = new List<V1KeyToPath> { new() { Key = "password", Path = "password", Mode = 388 } };
            s.Volumes = new List<V1Volume> { v };
        }), Path: "spec.template.spec.volumes[0].secret.items[0].mode"),
        ["SM2015 projected secret unset mode"] = new(RuleIds.SecretVolumeWorldReadable, true, () => Deployment(s => s.Volumes = new List<V1Volume>
        {
            new() { Name = "p", Projected = new V1ProjectedVolumeSource { Sources = new List<V1VolumeProjection> { new() { Secret = new V1SecretProjection { Name = "db" } } } } },
        }), Path: "spec.template.spec.volumes[0].projected.defaultMode"),
        ["SM2015 projected configMap only"] = new(RuleIds.SecretVolumeWorldReadable, false, () => Deployment(s => s.Volumes = new List<V1Volume>
        {
            new() { Name = "p", Projected = new V1ProjectedVolumeSource { Sources = new List<V1VolumeProjection> { new() { ConfigMap = new V1ConfigMapProjection { Name = "cfg" } } } } },
        })),

        ["SM2016 secret-looking key"] = new(RuleIds.SecretInConfigmap, true, () => One(ConfigMap("db_password", "hunter2")),
            Path: "data[db_password]", MessagePart: "name looks like a secret"),
        ["SM2016 private key value"] = new(RuleIds.SecretInConfigmap, true,
            () => One(ConfigMap("tls.key", "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----")), MessagePart: "a private key"),
        ["SM2016 github token value"] = new(RuleIds.SecretInConfigmap, true, () => One(ConfigMap("settings", "ghp_" + new string('x', 36))), MessagePart: "access token"),
        ["SM2016 ordinary config"] = new(RuleIds.SecretInConfigmap, false, () => One(ConfigMap("log_level", "info"))),
        ["SM2016 path to a secret file"] = new(RuleIds.SecretInConfigmap, false, () => One(ConfigMap("token_path", "/var/run/secrets/token"))),

        ["SM2017 no name label"] = new(RuleIds.MissingRecommendedLabels, true, () =>
        {
            var d = SecureDeployment();
            d.Metadata.Labels = null;
            return One(d);
        }, Path: "metadata.labels"),
        ["SM2017 name label"] = new(RuleIds.MissingRecommendedLabels, false, () => Deployment(_ => { })),
    };

    public static TheoryData<string> CaseNames() => RuleCases.Names(Cases);

    [Fact]
    public void Every_workload_rule_has_a_firing_and_a_non_firing_case()
    {
        RuleCases.AssertEveryRuleHasBothCases(Cases.Values.Select(c => (c.RuleId, c.Fires)), "SM20", 17);
    }


    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Streamed_cross_object_findings_are_at_fields_announced_when_their_object_was_added(string name)
    {
        var c = Cases[name];
        StreamingEvaluation.AssertAnnouncesWhereItReports(name, c.Objects(), new RuleEngineOptions { Profile = RuleProfile.All });
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Rule_fires_exactly_when_it_should(string name)
    {
        var c = Cases[name];

        var findings = Evaluate(new RuleEngineOptions { Profile = RuleProfile.All }, c.Objects()).Where(f => f.RuleId == c.RuleId).ToList();

        RuleCases.AssertVerdict(name, c.RuleId, c.Fires, findings, c.Path, c.MessagePart);
    }

    [Fact]
    public void Secret_values_never_appear_in_messages()
    {
        var findings = Evaluate(
            new RuleEngineOptions { Profile = RuleProfile.All },
            SecureDeployment(s => App(s).Env = new List<V1EnvVar> { Env("API_TOKEN", "s3cr3t-value") }),
            ConfigMap("password", "hunter2-value"));

        Assert.Equal(2, findings.Count(f => f.RuleId is RuleIds.SecretLiteralInEnv or RuleIds.SecretInConfigmap));
        Assert.All(findings, f => Assert.DoesNotContain("s3cr3t", f.Message, StringComparison.Ordinal));
        Assert.All(findings, f => Assert.DoesNotContain("hunter2", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Opt_in_workload_rules_stay_off_in_the_secure_profile()
    {
        var deployment = SecureDeployment(s =>
        {
            App(s).Image = "nginx:1.27.0";
            App(s).Ports[0].ContainerPort = 80;
            App(s).ReadinessProbe = null;
        });
        deployment.Metadata.Labels = null;

        var ids = Evaluate(deployment).Select(f => f.RuleId).ToArray();

        Assert.DoesNotContain(RuleIds.ImageNotPinnedByDigest, ids);
        Assert.DoesNotContain(RuleIds.PrivilegedPort, ids);
        Assert.DoesNotContain(RuleIds.MissingRecommendedLabels, ids);
    }
}
