using System.Globalization;
using System.Text;

namespace SecureManifests.Benchmarks;

/// <summary>
/// A realistic lint input: N workload documents (Deployments, StatefulSets, CronJobs, with Services in front of
/// them and a default-deny NetworkPolicy per namespace), varied enough that findings of several rules fire (mutable
/// tags, privilege escalation, default ServiceAccounts) and most fields are present, as in Helm output.
/// </summary>
public static class LintWorkload
{
    /// <summary>Writes <paramref name="documents"/> documents to <paramref name="path"/> as one multi-document YAML file.</summary>
    public static void Write(string path, int documents)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        for (var i = 0; i < documents; i++)
        {
            if (i > 0)
            {
                writer.Write("---\n");
            }

            var document = Document(i);
            writer.Write(document);
            if (!document.EndsWith('\n'))
            {
                writer.Write('\n');
            }
        }
    }

    /// <summary>Document number <paramref name="i"/> of the workload.</summary>
    public static string Document(int i)
    {
        var name = "app-" + i.ToString(CultureInfo.InvariantCulture);
        var ns = "team-" + (i % 20).ToString(CultureInfo.InvariantCulture);
        if (i < 20)
        {
            return DefaultDeny(ns);
        }

        return (i % 5) switch
        {
            // Fronts the Deployment that follows it, in that Deployment's namespace.
            0 => Service("app-" + (i + 1).ToString(CultureInfo.InvariantCulture), "team-" + ((i + 1) % 20).ToString(CultureInfo.InvariantCulture)),
            1 or 2 => Workload("apps/v1", "Deployment", name, ns, i, "  replicas: 2\n"),
            3 => Workload("apps/v1", "StatefulSet", name, ns, i, "  serviceName: " + name + "\n"),
            _ => CronJob(name, ns, i),
        };
    }

    private static string DefaultDeny(string ns) => $$"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
          namespace: {{ns}}
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]

        """;

    private static string Service(string name, string ns) => $$"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {{name}}
          namespace: {{ns}}
          labels:
            app.kubernetes.io/name: {{name}}
        spec:
          selector:
            app.kubernetes.io/name: {{name}}
          ports:
          - name: http
            port: 80
            targetPort: http

        """;

    private static string Workload(string apiVersion, string kind, string name, string ns, int i, string extra) => $$"""
        apiVersion: {{apiVersion}}
        kind: {{kind}}
        metadata:
          name: {{name}}
          namespace: {{ns}}
          labels:
            app.kubernetes.io/name: {{name}}
            app.kubernetes.io/version: "1.{{i % 7}}.0"
        spec:
        {{extra}}  selector:
            matchLabels:
              app.kubernetes.io/name: {{name}}
          template:
            metadata:
              labels:
                app.kubernetes.io/name: {{name}}
            spec:
        {{PodSpec(i, "      ")}}
        """;

    private static string CronJob(string name, string ns, int i) => $$"""
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: {{name}}
          namespace: {{ns}}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
        {{PodSpec(i, "          ")}}
        """;

    private static string PodSpec(int i, string indent)
    {
        var pod = new StringBuilder();
        pod.Append(indent).Append("automountServiceAccountToken: false\n");
        pod.Append(indent).Append("securityContext:\n");
        pod.Append(indent).Append("  runAsNonRoot: true\n");
        pod.Append(indent).Append("  seccompProfile:\n");
        pod.Append(indent).Append("    type: RuntimeDefault\n");
        pod.Append(indent).Append("containers:\n");
        pod.Append(indent).Append("- name: main\n");
        pod.Append(indent).Append("  image: ghcr.io/acme/service:").Append(i % 3 == 0 ? "latest" : "1.2." + (i % 10).ToString(CultureInfo.InvariantCulture)).Append('\n');
        pod.Append(indent).Append("  ports:\n");
        pod.Append(indent).Append("  - name: http\n");
        pod.Append(indent).Append("    containerPort: 8080\n");
        pod.Append(indent).Append("  env:\n");
        pod.Append(indent).Append("  - name: LOG_LEVEL\n");
        pod.Append(indent).Append("    value: info\n");
        pod.Append(indent).Append("  resources:\n");
        pod.Append(indent).Append("    requests: {cpu: 100m, memory: 128Mi}\n");
        pod.Append(indent).Append("    limits: {memory: 256Mi}\n");
        pod.Append(indent).Append("  readinessProbe:\n");
        pod.Append(indent).Append("    httpGet: {path: /healthz, port: http}\n");
        pod.Append(indent).Append("  securityContext:\n");
        pod.Append(indent).Append("    allowPrivilegeEscalation: ").Append(i % 11 == 0 ? "true" : "false").Append('\n');
        pod.Append(indent).Append("    readOnlyRootFilesystem: true\n");
        pod.Append(indent).Append("    capabilities:\n");
        pod.Append(indent).Append("      drop: [\"ALL\"]\n");
        return pod.ToString().TrimEnd('\n');
    }
}
