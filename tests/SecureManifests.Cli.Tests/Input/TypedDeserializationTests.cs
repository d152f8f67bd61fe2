using k8s.Models;
using SecureManifests.Cli.Input;
using static SecureManifests.Cli.Tests.Input.ReaderTestSupport;

namespace SecureManifests.Cli.Tests.Input;

public class TypedDeserializationTests
{
    [Fact]
    public void Deployment_becomes_V1Deployment_with_typed_fields()
    {
        var document = SingleDocument(Lines(
            "apiVersion: apps/v1",
            "kind: Deployment",
            "metadata:",
            "  name: web",
            "  namespace: shop",
            "spec:",
            "  replicas: 3",
            "  selector: {matchLabels: {app: web}}",
            "  template:",
            "    metadata: {labels: {app: web}}",
            "    spec:",
            "      containers:",
            "      - name: web",
            "        image: nginx:1.27",
            "        ports: [{containerPort: 8080}]",
            "        resources:",
            "          limits: {cpu: 1, memory: 256Mi}",
            "          requests: {cpu: 100m}",
            "        readinessProbe: {httpGet: {path: /, port: http}}",
            "        livenessProbe: {tcpSocket: {port: 8080}}",
            "        securityContext: {privileged: false, runAsUser: 1000}"));

        var deployment = Assert.IsType<V1Deployment>(document.Object);
        Assert.Equal(("apps/v1", "Deployment", "web", "shop"), (document.ApiVersion, document.Kind, document.Name, document.Namespace));
        Assert.Equal(3, deployment.Spec.Replicas);
        var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
        Assert.Equal("nginx:1.27", container.Image);
        Assert.Equal(8080, container.Ports[0].ContainerPort);
        Assert.Equal("1", container.Resources.Limits["cpu"].ToString());
        Assert.Equal("256Mi", container.Resources.Limits["memory"].ToString());
        Assert.Equal("100m", container.Resources.Requests["cpu"].ToString());
        Assert.Equal("http", container.ReadinessProbe.HttpGet.Port.Value);
        Assert.Equal("8080", container.LivenessProbe.TcpSocket.Port.Value);
        Assert.False(container.SecurityContext.Privileged);
        Assert.Equal(1000, container.SecurityContext.RunAsUser);
        Assert.Equal("Deployment shop/web", document.DisplayName);
    }

    [Fact]
    public void Pod_Service_RoleBinding_NetworkPolicy_and_CronJob_get_their_model_types()
    {
        var yaml = Lines(
            "apiVersion: v1",
            "kind: Pod",
            "metadata: {name: p}",
            "spec: {hostNetwork: true, containers: [{name: c, image: i}]}",
            "---",
            "apiVersion: v1",
            "kind: Service",
            "metadata: {name: s}",
            "spec: {type: NodePort, ports: [{port: 80, targetPort: web}]}",
            "---",
            "apiVersion: rbac.authorization.k8s.io/v1",
            "kind: RoleBinding",
            "metadata: {name: rb, namespace: ns}",
            "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}",
            "subjects: [{kind: ServiceAccount, name: default, namespace: ns}]",
            "---",
            "apiVersion: networking.k8s.io/v1",
            "kind: NetworkPolicy",
            "metadata: {name: deny}",
            "spec: {podSelector: {}, policyTypes: [Ingress, Egress]}",
            "---",
            "apiVersion: batch/v1",
            "kind: CronJob",
            "metadata: {name: nightly}",
            "spec:",
            "  schedule: '0 3 * * *'",
            "  jobTemplate:",
            "    spec:",
            "      template:",
            "        spec:",
            "          restartPolicy: OnFailure",
            "          containers: [{name: c, image: i}]");

        var objects = ReadText(yaml).Cast<SourceDocument>().Select(d => d.Object).ToList();

        Assert.Equal(5, objects.Count);
        Assert.True(Assert.IsType<V1Pod>(objects[0]).Spec.HostNetwork);
        var service = Assert.IsType<V1Service>(objects[1]);
        Assert.Equal("NodePort", service.Spec.Type);
        Assert.Equal("web", service.Spec.Ports[0].TargetPort.Value);
        var binding = Assert.IsType<V1RoleBinding>(objects[2]);
        Assert.Equal("cluster-admin", binding.RoleRef.Name);
        Assert.Equal("ServiceAccount", Assert.Single(binding.Subjects).Kind);
        Assert.Equal(["Ingress", "Egress"], Assert.IsType<V1NetworkPolicy>(objects[3]).Spec.PolicyTypes);
        var cronJob = Assert.IsType<V1CronJob>(objects[4]);
        Assert.Equal("0 3 * * *", cronJob.Spec.Schedule);
        Assert.Equal("OnFailure", cronJob.Spec.JobTemplate.Spec.Template.Spec.RestartPolicy);
    }

    [Fact]
    public void Unknown_kinds_and_custom_resources_keep_identity_and_raw_fields()
    {
        var yaml = Lines(
            "apiVersion: cert-manager.io/v1",
            "kind: Certificate",
            "metadata:",
            "  name: tls",
            "  namespace: web",
            "  annotations: {securemanifests.io/ignore-SM1001: reviewed}",
            "spec:",
            "  secretName: tls",
            "  dnsNames: [example.com]",
            "---",
            "apiVersion: apps/v1beta1",
            "kind: Deployment",
            "metadata: {name: old}");

        var documents = ReadText(yaml).Cast<SourceDocument>().ToList();

        var certificate = Assert.IsType<GenericKubernetesObject>(documents[0].Object);
        Assert.Equal(("cert-manager.io/v1", "Certificate"), (certificate.ApiVersion, certificate.Kind));
        Assert.Equal("tls", certificate.Metadata.Name);
        Assert.Equal("reviewed", certificate.Metadata.Annotations["securemanifests.io/ignore-SM1001"]);
        Assert.Equal("tls", certificate.Fields["spec"].GetProperty("secretName").GetString());
        Assert.Equal((9, 3), (documents[0].Locate("spec.dnsNames").Line, documents[0].Locate("spec.dnsNames").Column));
        var removedApi = Assert.IsType<GenericKubernetesObject>(documents[1].Object);
        Assert.Equal("old", removedApi.Metadata.Name);
    }

    [Fact]
    public void Plain_scalars_resolve_with_the_core_schema_and_quoted_scalars_stay_strings()
    {
        var document = SingleDocument(Lines(
            "apiVersion: v1",
            "kind: ConfigMap",
            "metadata:",
            "  name: cm",
            "  labels: {version: '1.0', enabled: \"true\"}",
            "  annotations: {empty: '', tilde: '~'}",
            "data: {a: 'null', b: !!str 42, c: yes}"));

        var configMap = Assert.IsType<V1ConfigMap>(document.Object);
        Assert.Equal("1.0", configMap.Metadata.Labels["version"]);
        Assert.Equal("true", configMap.Metadata.Labels["enabled"]);
        Assert.Equal("", configMap.Metadata.Annotations["empty"]);
        Assert.Equal("~", configMap.Metadata.Annotations["tilde"]);
        Assert.Equal("null", configMap.Data["a"]);
        Assert.Equal("42", configMap.Data["b"]);

        // YAML 1.2: "yes" is a string, not a boolean.
        Assert.Equal("yes", configMap.Data["c"]);
    }

    [Fact]
    public void Plain_numbers_booleans_and_nulls_are_typed_values()
    {
        var document = SingleDocument(Lines(
            "apiVersion: apps/v1",
            "kind: Deployment",
            "metadata: {name: d, labels: ~}",
            "spec:",
            "  replicas: 0o17",
            "  progressDeadlineSeconds: 0x10",
            "  minReadySeconds: +7",
            "  paused: True",
            "  revisionHistoryLimit: null",
            "  selector: {}",
            "  template: {spec: {terminationGracePeriodSeconds: 007, containers: []}}"));

        var deployment = Assert.IsType<V1Deployment>(document.Object);
        Assert.Equal(15, deployment.Spec.Replicas);
        Assert.Equal(16, deployment.Spec.ProgressDeadlineSeconds);
        Assert.Equal(7, deployment.Spec.MinReadySeconds);
        Assert.True(deployment.Spec.Paused);
        Assert.Null(deployment.Spec.RevisionHistoryLimit);
        Assert.Null(deployment.Metadata.Labels);
        Assert.Equal(7, deployment.Spec.Template.Spec.TerminationGracePeriodSeconds);
    }

    [Fact]
    public void Merge_keys_apply_with_local_keys_winning()
    {
        var document = SingleDocument(Lines(
            "apiVersion: v1",
            "kind: Pod",
            "metadata: {name: p}",
            "spec:",
            "  containers:",
            "  - name: a",
            "    image: a",
            "    securityContext: &base {privileged: false, runAsNonRoot: true}",
            "  - name: b",
            "    image: b",
            "    securityContext:",
            "      <<: *base",
            "      privileged: true"));

        var pod = Assert.IsType<V1Pod>(document.Object);
        Assert.True(pod.Spec.Containers[1].SecurityContext.Privileged);
        Assert.True(pod.Spec.Containers[1].SecurityContext.RunAsNonRoot);
        Assert.Equal((13, 7), (document.Locate("spec.containers[1].securityContext.privileged").Line, document.Locate("spec.containers[1].securityContext.privileged").Column));
    }
}
