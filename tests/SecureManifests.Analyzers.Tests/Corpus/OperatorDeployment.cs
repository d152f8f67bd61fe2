// Corpus: an operator that writes its own installation (the CLI step of operator SDKs that generates the operator's
// Deployment, ServiceAccount and Service): most values come from options and parameters, a few are literals.
using System.Collections.Generic;
using System.Linq;
using k8s;
using k8s.Models;

namespace Contoso.Widgets.Operator.Installation;

public sealed class OperatorOptions
{
    public string Name { get; set; } = "widgets-operator";

    public string Namespace { get; set; } = "widgets-system";

    public string Registry { get; set; } = "ghcr.io/contoso";

    public string Version { get; set; } = "1.8.0";

    public int Replicas { get; set; } = 1;

    public bool HostNetwork { get; set; }

    public string? PullSecret { get; set; }

    public Dictionary<string, string> ExtraEnv { get; } = new();
}

public sealed class OperatorDeploymentGenerator
{
    private const string ManagedBy = "app.kubernetes.io/managed-by";
    private const string WebhookPort = "https";
    private readonly OperatorOptions _options;

    public OperatorDeploymentGenerator(OperatorOptions options) => _options = options;

    private IDictionary<string, string> Selector => new Dictionary<string, string> { ["app.kubernetes.io/name"] = _options.Name };

    public IEnumerable<IKubernetesObject> Generate()
    {
        yield return ServiceAccount();
        yield return Deployment();
        yield return WebhookService();
        yield return MetricsService();
        yield return LeaderElectionRole();
    }

    public V1ServiceAccount ServiceAccount() => new V1ServiceAccount
    {
        Metadata = new V1ObjectMeta { Name = _options.Name, NamespaceProperty = _options.Namespace },
        AutomountServiceAccountToken = true,
    };

    public V1Deployment Deployment()
    {
        var deployment = new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new V1ObjectMeta
            {
                Name = _options.Name,
                NamespaceProperty = _options.Namespace,
                Labels = new Dictionary<string, string>(Selector) { [ManagedBy] = "widgets-cli" },
            },
            Spec = new V1DeploymentSpec
            {
                Replicas = _options.Replicas,
                RevisionHistoryLimit = 0,
                Selector = new V1LabelSelector { MatchLabels = Selector },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = Selector, Annotations = new Dictionary<string, string> { ["kubectl.kubernetes.io/default-container"] = "operator" } },
                    Spec = new V1PodSpec
                    {
                        ServiceAccountName = _options.Name,
                        HostNetwork = _options.HostNetwork,
                        TerminationGracePeriodSeconds = 10,
                        SecurityContext = new V1PodSecurityContext
                        {
                            RunAsNonRoot = true,
                            FsGroup = 2000,
                            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
                        },
                        Containers = new List<V1Container> { OperatorContainer() },
                        Volumes = new List<V1Volume>
                        {
                            new V1Volume
                            {
                                Name = "webhook-certs",
                                Secret = new V1SecretVolumeSource { SecretName = _options.Name + "-webhook-certs", DefaultMode = 256 },
                            },
                            new V1Volume { Name = "tmp", EmptyDir = new V1EmptyDirVolumeSource { Medium = "Memory" } },
                        },
                    },
                },
            },
        };

        if (_options.PullSecret is { } pullSecret)
        {
            deployment.Spec.Template.Spec.ImagePullSecrets = new List<V1LocalObjectReference> { new V1LocalObjectReference { Name = pullSecret } };
        }

        return deployment;
    }

    private V1Container OperatorContainer()
    {
        var env = new List<V1EnvVar>
        {
            new V1EnvVar { Name = "POD_NAMESPACE", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.namespace" } } },
            new V1EnvVar { Name = "WATCH_NAMESPACE", Value = string.Empty },
            new V1EnvVar { Name = "WEBHOOK_CERT_DIR", Value = "/certs" },
            new V1EnvVar
            {
                Name = "WIDGETS_LICENSE_KEY",
                ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Key = "license-key", Name = "widgets-license" } },
            },
        };
        env.AddRange(_options.ExtraEnv.Select(pair => new V1EnvVar { Name = pair.Key, Value = pair.Value }));

        return new V1Container
        {
            Name = "operator",
            Image = $"{_options.Registry}/widgets-operator:{_options.Version}",
            ImagePullPolicy = "IfNotPresent",
            Args = new List<string> { "--leader-elect", "--metrics-bind-address=:8443" },
            Env = env,
            Ports = new List<V1ContainerPort>
            {
                new V1ContainerPort { Name = WebhookPort, ContainerPort = 9443, Protocol = "TCP" },
                new V1ContainerPort { Name = "metrics", ContainerPort = 8443 },
            },
            Resources = new V1ResourceRequirements
            {
                Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new ResourceQuantity("50m"), ["memory"] = new ResourceQuantity("64Mi") },
                Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new ResourceQuantity("128Mi") },
            },
            SecurityContext = new V1SecurityContext
            {
                AllowPrivilegeEscalation = false,
                ReadOnlyRootFilesystem = true,
                RunAsUser = 65532,
                Capabilities = new V1Capabilities { Drop = new List<string> { "ALL" } },
            },
            LivenessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/healthz", Port = 8081 }, InitialDelaySeconds = 15 },
            ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/readyz", Port = 8081 } },
            VolumeMounts = new List<V1VolumeMount>
            {
                new V1VolumeMount { Name = "webhook-certs", MountPath = "/certs", ReadOnlyProperty = true },
                new V1VolumeMount { Name = "tmp", MountPath = "/tmp" },
            },
        };
    }

    public V1Service WebhookService() => new V1Service
    {
        Metadata = new V1ObjectMeta { Name = _options.Name + "-webhook", NamespaceProperty = _options.Namespace },
        Spec = new V1ServiceSpec
        {
            Selector = Selector,
            Ports = new List<V1ServicePort> { new V1ServicePort { Name = "https", Port = 443, TargetPort = WebhookPort } },
        },
    };

    public V1Service MetricsService()
    {
        var service = new V1Service { Metadata = new V1ObjectMeta { Name = _options.Name + "-metrics", NamespaceProperty = _options.Namespace } };
        service.Spec = new V1ServiceSpec { Type = "ClusterIP", Selector = Selector };
        service.Spec.Ports = new List<V1ServicePort> { new V1ServicePort { Port = 8443, Name = "metrics", TargetPort = 8443 } };
        return service;
    }

    public V1Role LeaderElectionRole() => new V1Role
    {
        Metadata = new V1ObjectMeta { Name = _options.Name + "-leader-election", NamespaceProperty = _options.Namespace },
        Rules = new List<V1PolicyRule>
        {
            new V1PolicyRule
            {
                ApiGroups = new[] { "coordination.k8s.io" },
                Resources = new[] { "leases" },
                Verbs = new[] { "get", "list", "watch", "create", "update", "patch", "delete" },
            },
            new V1PolicyRule { ApiGroups = new[] { "" }, Resources = new[] { "events" }, Verbs = new[] { "create", "patch" } },
            new V1PolicyRule { ApiGroups = new[] { "" }, Resources = new[] { "configmaps" }, Verbs = new[] { "*" } }, // expect: SM3004
        },
    };
}

/// <summary>The operator's development overlay: the same Deployment, loosened the way teams loosen it for a kind cluster.</summary>
public static class DevelopmentOverlay
{
    private const string LocalRegistry = "localhost:5001";

    public static V1Deployment Apply(V1Deployment deployment, string tag)
    {
        var pod = deployment.Spec.Template.Spec;
        var container = pod.Containers.Single(c => c.Name == "operator");
        container.Image = LocalRegistry + "/widgets-operator:" + tag;
        container.ImagePullPolicy = "Never";
        container.SecurityContext.ReadOnlyRootFilesystem = false; // expect: SM1019
        container.SecurityContext.AllowPrivilegeEscalation = true; // expect: SM1007
        container.Env.Add(new V1EnvVar { Name = "WIDGETS_DEV_API_KEY", Value = "dev-key-123" }); // expect: SM2005
        container.Env.Add(new V1EnvVar { Name = "WIDGETS_LOG_LEVEL", Value = "debug" });

        pod.Containers.Add(new V1Container
        {
            Name = "delve",
            Image = LocalRegistry + "/delve", // expect: SM2001
            Ports = new List<V1ContainerPort> { new() { ContainerPort = 2345, Name = "dlv" }, new() { ContainerPort = 22, Name = "ssh" } }, // expect: SM2011
            SecurityContext = new V1SecurityContext
            {
                Capabilities = new V1Capabilities { Add = new List<string> { "SYS_PTRACE" }, Drop = new List<string> { "ALL" } }, // expect: SM1005 SM1006
                RunAsNonRoot = false, // expect: SM1008
            },
        });

        pod.SecurityContext.SeccompProfile = new V1SeccompProfile { Type = "Unconfined" }; // expect: SM1010
        return deployment;
    }

    public static V1Deployment UseDevelopmentImage(V1Deployment deployment, string registry)
    {
        var container = deployment.Spec.Template.Spec.Containers[0];
        container.Image = $"{registry}/widgets-operator:latest"; // expect: SM2001
        return deployment;
    }
}
