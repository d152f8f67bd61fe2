// Corpus: a sample-manifest generator with a method per built-in kind, as manifest generators and client samples
// write them: object initializers, constructor arguments, target-typed new(), collection expressions, statements,
// and helpers that take the name and namespace as parameters. Everything lands in "default" unless told otherwise.
using System.Collections.Generic;
using k8s;
using k8s.Models;

namespace Contoso.Manifests.Samples;

public sealed class BuiltInKindGenerator
{
    private const string Namespace = "default";
    private const string AppLabel = "app.kubernetes.io/name";
    private const string Image = "registry.contoso.io/samples/web:2.3.1";

    private static Dictionary<string, string> Labels(string name) => new() { [AppLabel] = name, ["app.kubernetes.io/part-of"] = "samples" };

    /// <summary>The metadata of a namespaced sample: name and namespace come from the caller.</summary>
    private static V1ObjectMeta Meta(string name, string ns) => new() { Name = name, NamespaceProperty = ns, Labels = Labels(name) };

    public IEnumerable<IKubernetesObject> All(string ns)
    {
        yield return Namespace_(ns);
        yield return ServiceAccount();
        yield return Role();
        yield return ClusterRole();
        yield return RoleBinding();
        yield return ClusterRoleBinding();
        yield return ConfigMap();
        yield return Secret();
        yield return Service(ns);
        yield return Deployment();
        yield return StatefulSet(ns);
        yield return DaemonSet();
        yield return Job();
        yield return CronJob();
        yield return Ingress();
        yield return NetworkPolicy();
        yield return PersistentVolume();
        yield return LocalPersistentVolume();
        yield return PersistentVolumeClaim();
        yield return StorageClass();
        yield return CustomResourceDefinition();
        yield return PriorityClass();
        yield return Node();
        yield return PodDisruptionBudget();
        yield return ResourceQuota();
        yield return IngressClass();
        yield return RuntimeClass();
    }

    public V1Namespace Namespace_(string name) => new V1Namespace
    {
        ApiVersion = "v1",
        Kind = "Namespace",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = Namespace,
            Labels = new Dictionary<string, string> { ["pod-security.kubernetes.io/enforce"] = "baseline", [AppLabel] = "samples" },
        },
    };

    public V1ServiceAccount ServiceAccount() => new V1ServiceAccount
    {
        ApiVersion = "v1",
        Kind = "ServiceAccount",
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = Namespace }, // expect: SM4001
        AutomountServiceAccountToken = false,
    };

    public V1Role Role() => new V1Role
    {
        ApiVersion = "rbac.authorization.k8s.io/v1",
        Kind = "Role",
        Metadata = new V1ObjectMeta { Name = "web-reader", NamespaceProperty = Namespace }, // expect: SM4001
        Rules = new List<V1PolicyRule>
        {
            new V1PolicyRule
            {
                ApiGroups = new List<string> { "" },
                Resources = new List<string> { "configmaps", "services", "endpoints" },
                Verbs = new List<string> { "get", "list", "watch" },
            },
            new V1PolicyRule
            {
                ApiGroups = new List<string> { "" },
                Resources = new List<string> { "secrets" },
                ResourceNames = new List<string> { "web-tls" },
                Verbs = new List<string> { "get" }, // expect: SM3005
            },
        },
    };

    public V1ClusterRole ClusterRole() => new V1ClusterRole
    {
        ApiVersion = "rbac.authorization.k8s.io/v1",
        Kind = "ClusterRole",
        Metadata = new V1ObjectMeta { Name = "samples-node-reader", NamespaceProperty = Namespace },
        Rules =
        [
            new() { ApiGroups = [""], Resources = ["nodes", "namespaces"], Verbs = ["get", "list", "watch"] },
            new() { ApiGroups = ["metrics.k8s.io"], Resources = ["pods", "nodes"], Verbs = ["get", "list"] },
            new() { NonResourceURLs = ["/metrics", "/healthz"], Verbs = ["get"] },
        ],
    };

    public V1RoleBinding RoleBinding() => new V1RoleBinding
    {
        Metadata = new() { Name = "web-reader", NamespaceProperty = "default" }, // expect: SM4001
        RoleRef = new() { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = "web-reader" },
        Subjects = new List<Rbacv1Subject>
        {
            new Rbacv1Subject { Kind = "ServiceAccount", Name = "web", NamespaceProperty = Namespace },
            new Rbacv1Subject { Kind = "ServiceAccount", Name = "default", NamespaceProperty = Namespace }, // expect: SM3009
        },
    };

    public V1ClusterRoleBinding ClusterRoleBinding() => new V1ClusterRoleBinding
    {
        Metadata = new V1ObjectMeta { Name = "samples-admin", NamespaceProperty = "default" },
        RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "cluster-admin" }, // expect: SM3003
        Subjects =
        [
            new() { Kind = "ServiceAccount", Name = "samples-installer", NamespaceProperty = "default" },
            new() { Kind = "Group", Name = "system:authenticated", ApiGroup = "rbac.authorization.k8s.io" }, // expect: SM3009
        ],
    };

    public V1ConfigMap ConfigMap() => new()
    {
        Metadata = new() { Name = "web-config", NamespaceProperty = Namespace, Labels = Labels("web") }, // expect: SM4001
        Data = new Dictionary<string, string> { ["LOG_LEVEL"] = "info", ["FEATURE_FLAGS"] = "search,checkout" },
    };

    public V1Secret Secret()
    {
        var secret = new V1Secret { Type = "Opaque", StringData = new Dictionary<string, string> { ["username"] = "web" } };
        secret.Metadata = new V1ObjectMeta { Name = "web-credentials" };
        secret.Metadata.NamespaceProperty = Namespace; // expect: SM4001
        return secret;
    }

    public V1Service Service(string ns) => new V1Service
    {
        Metadata = Meta("web", ns),
        Spec = new V1ServiceSpec
        {
            Type = "LoadBalancer",
            Selector = Labels("web"),
            Ports = new List<V1ServicePort> { new V1ServicePort { Port = 80, Name = "http", TargetPort = "http" } },
        },
    };

    public V1Deployment Deployment() => new V1Deployment
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = Namespace, Labels = Labels("web") }, // expect: SM4001
        Spec = new V1DeploymentSpec
        {
            Replicas = 2,
            Selector = new V1LabelSelector { MatchLabels = Labels("web") },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = Labels("web") },
                Spec = new V1PodSpec
                {
                    ServiceAccountName = "web",
                    SecurityContext = new V1PodSecurityContext { RunAsNonRoot = true, SeccompProfile = new() { Type = "RuntimeDefault" } },
                    Containers = new List<V1Container>
                    {
                        new V1Container
                        {
                            Name = "web",
                            Image = Image,
                            Ports = new List<V1ContainerPort> { new V1ContainerPort { ContainerPort = 8080, Name = "http" } },
                            Resources = new V1ResourceRequirements
                            {
                                Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new ResourceQuantity("100m"), ["memory"] = new ResourceQuantity("128Mi") },
                                Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new ResourceQuantity("256Mi") },
                            },
                            SecurityContext = new V1SecurityContext
                            {
                                AllowPrivilegeEscalation = false,
                                ReadOnlyRootFilesystem = true,
                                Capabilities = new V1Capabilities { Drop = new List<string> { "ALL" } },
                            },
                            LivenessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/healthz", Port = "http" } },
                        },
                    },
                },
            },
        },
    };

    public V1StatefulSet StatefulSet(string ns) => new V1StatefulSet
    {
        Metadata = Meta("db", ns),
        Spec = new V1StatefulSetSpec
        {
            ServiceName = "db",
            Selector = new() { MatchLabels = Labels("db") },
            Template = new()
            {
                Metadata = new() { Labels = Labels("db") },
                Spec = new()
                {
                    Containers =
                    [
                        new()
                        {
                            Name = "postgres",
                            Image = "postgres:16.3",
                            Env =
                            [
                                new() { Name = "POSTGRES_PASSWORD", Value = "postgres" }, // expect: SM2005
                                new() { Name = "POSTGRES_PASSWORD_FILE", Value = "/run/secrets/postgres/password" },
                                new() { Name = "PGDATA", Value = "/var/lib/postgresql/data/pgdata" },
                            ],
                            SecurityContext = new() { RunAsUser = 999, RunAsNonRoot = true },
                        },
                    ],
                    AutomountServiceAccountToken = false,
                },
            },
            VolumeClaimTemplates = new List<V1PersistentVolumeClaim>
            {
                new V1PersistentVolumeClaim
                {
                    Metadata = new V1ObjectMeta { Name = "data" },
                    Spec = new V1PersistentVolumeClaimSpec
                    {
                        AccessModes = ["ReadWriteOnce"],
                        Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new ResourceQuantity("10Gi") } },
                    },
                },
            },
        },
    };

    public V1DaemonSet DaemonSet() => new V1DaemonSet
    {
        Metadata = new V1ObjectMeta { Name = "log-agent", NamespaceProperty = "kube-system" },
        Spec = new V1DaemonSetSpec
        {
            Selector = new V1LabelSelector { MatchLabels = Labels("log-agent") },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = Labels("log-agent") },
                Spec = new V1PodSpec
                {
                    ServiceAccountName = "log-agent",
                    Tolerations = new List<V1Toleration> { new V1Toleration { OperatorProperty = "Exists" } },
                    Containers = new List<V1Container>
                    {
                        new V1Container
                        {
                            Name = "agent",
                            Image = "fluent/fluent-bit", // expect: SM2001
                            VolumeMounts = new List<V1VolumeMount>
                            {
                                new V1VolumeMount { Name = "varlog", MountPath = "/var/log", ReadOnlyProperty = true },
                            },
                            SecurityContext = new V1SecurityContext { ReadOnlyRootFilesystem = true, RunAsUser = 0 }, // expect: SM1009
                        },
                    },
                    Volumes = new List<V1Volume>
                    {
                        new V1Volume { Name = "varlog", HostPath = new() { Path = "/var/log" } }, // expect: SM1003
                    },
                },
            },
        },
    };

    public V1Job Job() => new V1Job
    {
        Metadata = new V1ObjectMeta { Name = "db-migrate", NamespaceProperty = Namespace }, // expect: SM4001
        Spec = new V1JobSpec
        {
            BackoffLimit = 2,
            TtlSecondsAfterFinished = 600,
            Template = new V1PodTemplateSpec
            {
                Spec = new V1PodSpec
                {
                    RestartPolicy = "OnFailure",
                    Containers = [new V1Container { Name = "migrate", Image = "registry.contoso.io/samples/migrate:2.3.1", Args = ["--to", "latest"] }],
                },
            },
        },
    };

    public V1CronJob CronJob() => new V1CronJob
    {
        Metadata = new V1ObjectMeta { Name = "report", NamespaceProperty = Namespace }, // expect: SM4001
        Spec = new V1CronJobSpec
        {
            Schedule = "0 3 * * *",
            JobTemplate = new V1JobTemplateSpec
            {
                Spec = new V1JobSpec
                {
                    Template = new V1PodTemplateSpec
                    {
                        Spec = new V1PodSpec
                        {
                            RestartPolicy = "Never",
                            ServiceAccount = "report", // expect: SM2010
                            Containers = [new() { Name = "report", Image = "registry.contoso.io/samples/report:latest" }], // expect: SM2001
                        },
                    },
                },
            },
        },
    };

    public V1Ingress Ingress() => new V1Ingress
    {
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = Namespace, Annotations = new Dictionary<string, string> { ["kubernetes.io/ingress.class"] = "nginx" } }, // expect: SM4001
        Spec = new V1IngressSpec
        {
            Rules = new List<V1IngressRule>
            {
                new V1IngressRule
                {
                    Host = "samples.contoso.io",
                    Http = new V1HTTPIngressRuleValue
                    {
                        Paths = [new() { Path = "/", PathType = "Prefix", Backend = new() { Service = new() { Name = "web", Port = new() { Name = "http" } } } }],
                    },
                },
            },
        },
    };

    public V1NetworkPolicy NetworkPolicy() => new V1NetworkPolicy
    {
        Metadata = new V1ObjectMeta { Name = "web-allow-ingress", NamespaceProperty = Namespace }, // expect: SM4001
        Spec = new V1NetworkPolicySpec
        {
            PodSelector = new V1LabelSelector { MatchLabels = Labels("web") },
            PolicyTypes = ["Ingress"],
            Ingress = [new V1NetworkPolicyIngressRule { Ports = [new V1NetworkPolicyPort { Port = 8080, Protocol = "TCP" }] }],
        },
    };

    public V1PersistentVolume PersistentVolume()
    {
        var pv = new V1PersistentVolume().Initialize();
        pv.Metadata = new V1ObjectMeta { Name = "samples-data", NamespaceProperty = Namespace };
        pv.Spec = new V1PersistentVolumeSpec
        {
            Capacity = new Dictionary<string, ResourceQuantity> { ["storage"] = new ResourceQuantity("10Gi") },
            AccessModes = ["ReadWriteOnce"],
            HostPath = new V1HostPathVolumeSource { Path = "/mnt/data", Type = "DirectoryOrCreate" }, // expect: SM1021
        };
        return pv;
    }

    public V1PersistentVolume LocalPersistentVolume() => new()
    {
        Metadata = new() { Name = "samples-local-ssd", NamespaceProperty = "default" },
        Spec = new()
        {
            AccessModes = new List<string> { "ReadWriteOnce" },
            Local = new() { Path = "/mnt/disks/ssd1" }, // expect: SM1021
            StorageClassName = "local-storage",
        },
    };

    public V1PersistentVolumeClaim PersistentVolumeClaim() => new V1PersistentVolumeClaim
    {
        Metadata = new V1ObjectMeta { Name = "samples-data", NamespaceProperty = Namespace }, // expect: SM4001
        Spec = new V1PersistentVolumeClaimSpec { VolumeName = "samples-data", AccessModes = ["ReadWriteOnce"] },
    };

    public V1StorageClass StorageClass() => new V1StorageClass
    {
        Provisioner = "kubernetes.io/no-provisioner",
        Metadata = new V1ObjectMeta { Name = "local-storage", NamespaceProperty = Namespace },
        VolumeBindingMode = "WaitForFirstConsumer",
    };

    public V1CustomResourceDefinition CustomResourceDefinition()
    {
        var crd = new V1CustomResourceDefinition
        {
            Metadata = new V1ObjectMeta { Name = "widgets.samples.contoso.io" },
            Spec = new V1CustomResourceDefinitionSpec
            {
                Group = "samples.contoso.io",
                Scope = "Namespaced",
                Names = new V1CustomResourceDefinitionNames { Kind = "Widget", Plural = "widgets", Singular = "widget" },
                Versions = new List<V1CustomResourceDefinitionVersion>
                {
                    new V1CustomResourceDefinitionVersion { Name = "v1", Served = true, Storage = true },
                },
            },
        };
        crd.Metadata.NamespaceProperty = Namespace;
        return crd;
    }

    public V1PriorityClass PriorityClass() => new V1PriorityClass { Value = 1000000, Metadata = new() { Name = "samples-critical", NamespaceProperty = "default" }, GlobalDefault = false };

    public V1Node Node()
    {
        var node = new V1Node { Spec = new V1NodeSpec { Unschedulable = true } };
        node.Metadata = new V1ObjectMeta { Name = "samples-node-1", NamespaceProperty = Namespace, Labels = Labels("node") };
        return node;
    }

    public V1PodDisruptionBudget PodDisruptionBudget() => new V1PodDisruptionBudget
    {
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = Namespace }, // expect: SM4001
        Spec = new V1PodDisruptionBudgetSpec { MinAvailable = 1, Selector = new V1LabelSelector { MatchLabels = Labels("web") } },
    };

    public V1ResourceQuota ResourceQuota()
    {
        var quota = new V1ResourceQuota { Metadata = new V1ObjectMeta { Name = "samples" } };
        quota.Metadata.NamespaceProperty = "default"; // expect: SM4001
        quota.Spec = new V1ResourceQuotaSpec { Hard = new Dictionary<string, ResourceQuantity> { ["pods"] = new ResourceQuantity("20") } };
        return quota;
    }

    public V1IngressClass IngressClass() => new()
    {
        Metadata = new() { Name = "nginx", NamespaceProperty = Namespace },
        Spec = new() { Controller = "k8s.io/ingress-nginx" },
    };

    public V1RuntimeClass RuntimeClass()
    {
        var runtimeClass = new V1RuntimeClass { Handler = "runsc" };
        runtimeClass.Metadata = new() { Name = "gvisor", NamespaceProperty = Namespace };
        return runtimeClass;
    }
}
