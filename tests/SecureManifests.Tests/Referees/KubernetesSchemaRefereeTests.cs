namespace SecureManifests.Tests.Referees;

public sealed class KubernetesSchemaRefereeTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Valid_deployment_service_and_network_policy_pass()
    {
        var file = _folder.Write("app.yaml", RefereeSamples.ValidStream);

        var result = KubernetesSchemaReferee.Validate(file);

        Assert.True(result.ExitCode == KubernetesSchemaReferee.ValidExitCode, result.Describe());
        Assert.Equal("validated 3 documents, 0 invalid\n", result.StandardOutput);
    }

    [Fact]
    public void String_container_port_fails_naming_the_document_field_and_line()
    {
        var broken = RefereeSamples.Deployment.Replace("containerPort: 8080", "containerPort: \"abc\"", StringComparison.Ordinal);
        var file = _folder.Write("app.yaml", RefereeSamples.Service + "---\n" + broken);

        var result = KubernetesSchemaReferee.Validate(file);

        Assert.Equal(KubernetesSchemaReferee.InvalidExitCode, result.ExitCode);
        Assert.Equal(
            $"{file}: document 2 (Deployment shop/web): /spec/template/spec/containers/0/ports/0/containerPort: must be integer (line 32)\n" +
            "validated 2 documents, 1 invalid\n",
            result.StandardOutput);
    }

    [Fact]
    public void Deployment_without_containers_fails_naming_the_document()
    {
        var file = _folder.Write("app.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: empty, namespace: shop}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {automountServiceAccountToken: false}
            """);

        var result = KubernetesSchemaReferee.Validate(file);

        Assert.Equal(KubernetesSchemaReferee.InvalidExitCode, result.ExitCode);
        Assert.Contains(
            "document 1 (Deployment shop/empty): /spec/template/spec: must have required property containers",
            result.StandardOutput,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_resources_of_cert_manager_gateway_api_prometheus_operator_and_argo_rollouts_pass_their_CRD_schemas()
    {
        var file = _folder.Write("custom.yaml", RefereeSamples.CustomResources);

        var result = KubernetesSchemaReferee.Validate(file);

        Assert.True(result.ExitCode == KubernetesSchemaReferee.ValidExitCode, result.Describe());
        Assert.Equal("validated 4 documents, 0 invalid\n", result.StandardOutput);
    }

    [Fact]
    public void Custom_resources_that_break_their_CRD_schemas_fail_naming_the_field_and_line()
    {
        var broken = RefereeSamples.CustomResources
            .Replace("  issuerRef: {name: letsencrypt, kind: ClusterIssuer}\n", "", StringComparison.Ordinal)
            .Replace("port: 80}", "port: http}", StringComparison.Ordinal)
            .Replace("interval: 30s", "interval: half a minute", StringComparison.Ordinal)
            .Replace("setWeight: 20", "setWeight: twenty", StringComparison.Ordinal);
        var file = _folder.Write("custom.yaml", broken);

        var result = KubernetesSchemaReferee.Validate(file);

        Assert.Equal(KubernetesSchemaReferee.InvalidExitCode, result.ExitCode);
        var lines = result.StandardOutput.Split('\n');
        Assert.Contains($"{file}: document 1 (Certificate shop/shop-tls): /spec: must have required property issuerRef (line 4)", lines);
        Assert.Contains($"{file}: document 2 (HTTPRoute shop/shop): /spec/rules/0/backendRefs/0/port: must be integer (line 16)", lines);
        Assert.Contains(lines, l => l.StartsWith($"{file}: document 3 (ServiceMonitor shop/web): /spec/endpoints/0/interval: must match pattern", StringComparison.Ordinal));
        Assert.Contains($"{file}: document 4 (Rollout shop/web): /spec/strategy/canary/steps/0/setWeight: must be integer (line 36)", lines);
        Assert.Contains("validated 4 documents, 4 invalid", lines);
    }

    [Theory]
    [InlineData("example.com/v1", "Widget")]
    [InlineData("cert-manager.io/v1", "Widget")]
    [InlineData("gateway.networking.k8s.io/v9", "HTTPRoute")]
    [InlineData("v1", "Container")]
    [InlineData("apps/v1", "Pod")]
    public void Unknown_api_version_or_kind_fails_instead_of_passing(string apiVersion, string kind)
    {
        var file = _folder.Write("x.yaml", $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: x}}\n");

        var result = KubernetesSchemaReferee.Validate(file);

        Assert.Equal(KubernetesSchemaReferee.InvalidExitCode, result.ExitCode);
        Assert.Contains($"document 1 ({kind} x): unknown apiVersion/kind {apiVersion} {kind}", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Unquoted_yes_is_read_as_a_boolean_as_the_cluster_reads_it()
    {
        var file = _folder.Write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: flags}\ndata: {enabled: yes}\n");

        var result = KubernetesSchemaReferee.Validate(file);

        Assert.Equal(KubernetesSchemaReferee.InvalidExitCode, result.ExitCode);
        Assert.Contains("/data/enabled: must be string (line 4)", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_is_searched_recursively_in_name_order_and_kustomization_is_skipped()
    {
        _folder.Write("kustomization.yaml", "resources: [b/service.yml, a/deployment.yaml]\n");
        _folder.Write("b/service.yml", RefereeSamples.Service);
        var broken = RefereeSamples.Deployment.Replace("      containers:", "      initContainers:", StringComparison.Ordinal);
        var deployment = _folder.Write("a/deployment.yaml", broken);
        _folder.Write("notes.txt", "not yaml: [");

        var result = KubernetesSchemaReferee.Validate(_folder.FullPath);

        Assert.Equal(KubernetesSchemaReferee.InvalidExitCode, result.ExitCode);
        Assert.Equal(
            $"{deployment}: document 1 (Deployment shop/web): /spec/template/spec: must have required property containers (line 14)\n" +
            "validated 2 documents, 1 invalid\n",
            result.StandardOutput);
    }

    [Fact]
    public void A_missing_path_is_an_error_not_a_verdict()
    {
        var missing = Path.Combine(_folder.FullPath, "nothing-here");

        var error = Assert.Throws<InvalidOperationException>(() => KubernetesSchemaReferee.Validate(missing));

        Assert.Contains("cannot read: ENOENT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_documents_is_an_error_not_a_pass()
    {
        _folder.Write("kustomization.yaml", "resources: []\n");

        var error = Assert.Throws<InvalidOperationException>(() => KubernetesSchemaReferee.Validate(_folder.FullPath));

        Assert.Contains("no Kubernetes documents found", error.Message, StringComparison.Ordinal);
    }
}
