// Corpus: the admission-webhook half of an operator's generated installation, cert-manager style: the validating and
// mutating webhook configurations, the webhook's certificate plumbing, and the Deployment of the webhook server.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using k8s;
using k8s.Models;

namespace Contoso.Widgets.Operator.Webhooks;

public sealed record WebhookRegistration(string Name, string Path, string[] Operations, string Group, string Version, string Plural);

public sealed class WebhookConfigGenerator
{
    private const string ServiceName = "widgets-webhook";
    private const string WebhookNamespace = "default";
    private readonly IReadOnlyList<WebhookRegistration> _validators;
    private readonly IReadOnlyList<WebhookRegistration> _mutators;
    private readonly byte[] _caBundle;

    public WebhookConfigGenerator(IReadOnlyList<WebhookRegistration> validators, IReadOnlyList<WebhookRegistration> mutators, byte[] caBundle)
    {
        _validators = validators;
        _mutators = mutators;
        _caBundle = caBundle;
    }

    public V1ValidatingWebhookConfiguration Validating()
    {
        var configuration = new V1ValidatingWebhookConfiguration
        {
            Metadata = new V1ObjectMeta { Name = "widgets-validators", NamespaceProperty = WebhookNamespace },
            Webhooks = new List<V1ValidatingWebhook>(),
        }.Initialize();

        foreach (var hook in _validators)
        {
            configuration.Webhooks.Add(new V1ValidatingWebhook
            {
                Name = $"{hook.Name}.widgets.contoso.io",
                AdmissionReviewVersions = new[] { "v1" },
                SideEffects = "None",
                FailurePolicy = "Fail",
                TimeoutSeconds = 10,
                MatchPolicy = "Equivalent",
                Rules = new List<V1RuleWithOperations>
                {
                    new V1RuleWithOperations
                    {
                        ApiGroups = new[] { hook.Group },
                        ApiVersions = new[] { hook.Version },
                        Operations = hook.Operations,
                        Resources = new[] { hook.Plural },
                        Scope = "*",
                    },
                },
                ClientConfig = new Admissionregistrationv1WebhookClientConfig
                {
                    CaBundle = _caBundle,
                    Service = new Admissionregistrationv1ServiceReference
                    {
                        Name = ServiceName,
                        NamespaceProperty = WebhookNamespace,
                        Path = hook.Path,
                        Port = 443,
                    },
                },
            });
        }

        return configuration;
    }

    public V1MutatingWebhookConfiguration Mutating() => new V1MutatingWebhookConfiguration
    {
        ApiVersion = "admissionregistration.k8s.io/v1",
        Kind = "MutatingWebhookConfiguration",
        Metadata = new V1ObjectMeta
        {
            Name = "widgets-mutators",
            NamespaceProperty = "default",
            Annotations = new Dictionary<string, string> { ["cert-manager.io/inject-ca-from"] = "default/widgets-webhook-cert" },
        },
        Webhooks = _mutators.Select(hook => new V1MutatingWebhook
        {
            Name = $"{hook.Name}.widgets.contoso.io",
            AdmissionReviewVersions = ["v1"],
            SideEffects = "NoneOnDryRun",
            ReinvocationPolicy = "IfNeeded",
            NamespaceSelector = new V1LabelSelector
            {
                MatchExpressions = [new V1LabelSelectorRequirement { Key = "kubernetes.io/metadata.name", OperatorProperty = "NotIn", Values = ["kube-system"] }],
            },
            Rules = [new() { ApiGroups = [hook.Group], ApiVersions = [hook.Version], Operations = hook.Operations, Resources = [hook.Plural] }],
            ClientConfig = new() { Service = new() { Name = ServiceName, NamespaceProperty = "default", Path = hook.Path } },
        }).ToList(),
    };

    /// <summary>Pods with the sidecar label get the agent injected by the mutating webhook.</summary>
    public V1MutatingWebhookConfiguration PodInjector()
    {
        var injector = new V1MutatingWebhookConfiguration().Initialize();
        injector.Metadata = new V1ObjectMeta { Name = "widgets-pod-injector", NamespaceProperty = "default", Labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "widgets" } };
        injector.Webhooks = new List<V1MutatingWebhook>
        {
            new V1MutatingWebhook
            {
                AdmissionReviewVersions = new List<string> { "v1", "v1beta1" },
                ClientConfig = new Admissionregistrationv1WebhookClientConfig { Url = "https://widgets-webhook.default.svc:443/inject" },
                Name = "inject.widgets.contoso.io",
                SideEffects = "None",
                Rules = new List<V1RuleWithOperations>
                {
                    new V1RuleWithOperations { ApiGroups = new[] { "" }, ApiVersions = new[] { "v1" }, Operations = new[] { "CREATE" }, Resources = new[] { "pods" } },
                },
                ObjectSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["widgets.contoso.io/inject"] = "true" } },
            },
        };
        return injector;
    }
}

/// <summary>The TLS secret the webhook serves with, and the Deployment that runs it.</summary>
public static class WebhookServer
{
    public static V1Secret CertificateSecret(string ns, byte[] certificate, byte[] key) => new V1Secret
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Type = "kubernetes.io/tls",
        Metadata = new V1ObjectMeta { Name = "widgets-webhook-cert", NamespaceProperty = ns },
        Data = new Dictionary<string, byte[]> { ["tls.crt"] = certificate, ["tls.key"] = key, ["ca.crt"] = certificate },
    };

    public static V1Deployment Deployment(string image) => new V1Deployment
    {
        Metadata = new V1ObjectMeta { Name = "widgets-webhook", NamespaceProperty = "default" }, // expect: SM4001
        Spec = new V1DeploymentSpec
        {
            Replicas = 2,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "widgets-webhook" } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "widgets-webhook" } },
                Spec = new V1PodSpec
                {
                    ServiceAccountName = "widgets-webhook",
                    AutomountServiceAccountToken = false,
                    PriorityClassName = "system-cluster-critical",
                    Containers = new List<V1Container>
                    {
                        new V1Container
                        {
                            Name = "webhook",
                            Image = image,
                            Args = new List<string> { "--secure-port=10250", "--tls-cert-file=/certs/tls.crt", "--tls-private-key-file=/certs/tls.key" },
                            Ports = new List<V1ContainerPort> { new V1ContainerPort { Name = "https", ContainerPort = 10250, Protocol = "TCP" } },
                            Env = new List<V1EnvVar>
                            {
                                new V1EnvVar { Name = "TLS_PRIVATE_KEY_PATH", Value = "/certs/tls.key" },
                                new V1EnvVar { Name = "WEBHOOK_SECRET_TOKEN", Value = "s3cr3t-t0ken" }, // expect: SM2005
                            },
                            SecurityContext = new V1SecurityContext
                            {
                                AllowPrivilegeEscalation = false,
                                ReadOnlyRootFilesystem = true,
                                RunAsNonRoot = true,
                                Capabilities = new V1Capabilities { Drop = ["ALL"] },
                                SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
                            },
                            VolumeMounts = new List<V1VolumeMount> { new V1VolumeMount { Name = "certs", MountPath = "/certs", ReadOnlyProperty = true } },
                        },
                    },
                    Volumes = new List<V1Volume>
                    {
                        new V1Volume
                        {
                            Name = "certs",
                            Secret = new V1SecretVolumeSource { SecretName = "widgets-webhook-cert", DefaultMode = 0x1A4 }, // expect: SM2015
                        },
                        new V1Volume
                        {
                            Name = "ca",
                            Projected = new V1ProjectedVolumeSource
                            {
                                DefaultMode = 288,
                                Sources = new List<V1VolumeProjection>
                                {
                                    new V1VolumeProjection { Secret = new V1SecretProjection { Name = "widgets-ca" } },
                                    new V1VolumeProjection { ServiceAccountToken = new V1ServiceAccountTokenProjection { Path = "token", ExpirationSeconds = 3600 } },
                                },
                            },
                        },
                    },
                },
            },
        },
    };

    /// <summary>The cainjector's view: a PEM bundle from the secret.</summary>
    public static string CaBundlePem(V1Secret secret) =>
        "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(secret.Data["ca.crt"]) + "\n-----END CERTIFICATE-----\n";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
