#nullable enable
// Linked into the netstandard2.0 analyzers: plain C#, no k8s types, no collection expressions.
namespace SecureManifests.Rules;

public static partial class RuleCatalog
{
    private static RuleDescriptor[] NetworkRules() => new[]
    {
        Rule(RuleIds.DefaultNamespace, "default-namespace", RuleLevel.Secure, Everywhere,
            "Objects must be in an explicit namespace other than default",
            "'{0}' is in the default namespace: put it in the app's own namespace",
            "A namespaced object in `default` (lint: also with no namespace unless `--namespace` is given).",
            "The default namespace has no Pod Security labels or NetworkPolicies of its own and is shared by everything that forgot to choose one, so isolation and RBAC scoping are lost.",
            "metadata.NamespaceProperty = \"shop\";",
            "metadata:\n  namespace: shop",
            "kube-linter use-namespace", "audit white paper p.9"),

        Rule(RuleIds.PodNotIsolated, "pod-not-isolated", RuleLevel.Secure, SynthAndLint,
            "Pods must be selected by an ingress NetworkPolicy",
            "Workload '{0}' is not selected by any ingress NetworkPolicy: add a default-deny policy and explicit allow rules",
            "No NetworkPolicy in the set selects the workload's pods for ingress.",
            "Without a NetworkPolicy every pod in the cluster can connect to the workload, so one compromised pod can reach all others.",
            "var deny = new V1NetworkPolicy { Spec = new V1NetworkPolicySpec { PodSelector = new V1LabelSelector(), PolicyTypes = new[] { \"Ingress\", \"Egress\" } } };",
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]",
            "kube-linter non-isolated-pod", "kube-score pod-networkpolicy"),

        Rule(RuleIds.DanglingNetworkPolicy, "dangling-network-policy", RuleLevel.Secure, SynthAndLint,
            "NetworkPolicy selectors must match pods",
            "NetworkPolicy '{0}' selects no pod in the set: fix the podSelector labels",
            "A NetworkPolicy podSelector, or a peer podSelector, that matches no pod in the set.",
            "A policy that selects nothing protects nothing; a peer selector that matches nothing silently blocks the traffic it was meant to allow, or hides a label typo.",
            "policy.Spec.PodSelector = new V1LabelSelector { MatchLabels = deployment.Spec.Template.Metadata.Labels };",
            "spec:\n  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: api",
            "kube-linter dangling-networkpolicy(-peer-podselector)"),

        Rule(RuleIds.DanglingService, "dangling-service", RuleLevel.Secure, SynthAndLint,
            "Service selectors must match pods",
            "Service '{0}' selects no pod in the set: fix the selector labels",
            "A Service selector that matches no pod in the set.",
            "A Service that selects nothing has no endpoints; a near-miss selector can also pick up pods of another app.",
            "service.Spec.Selector = deployment.Spec.Template.Metadata.Labels;",
            "spec:\n  selector:\n    app.kubernetes.io/name: api",
            "kube-linter dangling-service"),

        Rule(RuleIds.ExposedService, "exposed-service", RuleLevel.OptIn, Everywhere,
            "Services should not be exposed on nodes or load balancers",
            "Service '{0}' is of type NodePort or LoadBalancer: use ClusterIP behind an Ingress",
            "A Service of type NodePort or LoadBalancer.",
            "NodePort opens the port on every node and LoadBalancer on a public address, bypassing the TLS and authentication an Ingress provides.",
            "service.Spec.Type = \"ClusterIP\";",
            "spec:\n  type: ClusterIP",
            "kube-linter exposed-services"),

        Rule(RuleIds.IngressWithoutTls, "ingress-without-tls", RuleLevel.Secure, SynthAndLint,
            "Ingresses must terminate TLS",
            "Ingress '{0}' has no tls section: add tls with a certificate Secret for its hosts",
            "An Ingress without `tls`.",
            "Without TLS, credentials and session cookies cross the network in clear text and can be read or changed in transit.",
            "ingress.Spec.Tls = new List<V1IngressTLS> { new V1IngressTLS { Hosts = new[] { \"shop.example.com\" }, SecretName = \"shop-tls\" } };",
            "spec:\n  tls:\n  - hosts: [shop.example.com]\n    secretName: shop-tls",
            "Polaris tlsSettingsMissing"),

        Rule(RuleIds.NamespaceWithoutPodSecurity, "namespace-without-pod-security", RuleLevel.Secure, Everywhere,
            "Namespaces must enforce a Pod Security level",
            "Namespace '{0}' does not enforce Pod Security: label it pod-security.kubernetes.io/enforce: restricted",
            "A Namespace without `pod-security.kubernetes.io/enforce` set to `baseline` or `restricted`.",
            "Without the enforce label the cluster admits privileged pods into the namespace, so the checks done here are not enforced at run time.",
            "ns.Metadata.Labels = new Dictionary<string, string> { [\"pod-security.kubernetes.io/enforce\"] = \"restricted\" };",
            "metadata:\n  labels:\n    pod-security.kubernetes.io/enforce: restricted",
            "audit TOB-K8S-TM01"),

        Rule(RuleIds.DanglingIngress, "dangling-ingress", RuleLevel.Secure, SynthAndLint,
            "Ingress backends must name a defined Service and port",
            "Ingress '{0}' routes to a Service or port that is not defined: fix the backend",
            "An Ingress backend naming a Service (or port) that is not in the set.",
            "A backend that does not exist returns errors to users, and a Service created later under that name receives the traffic without review.",
            "new V1IngressBackend { Service = new V1IngressServiceBackend { Name = service.Metadata.Name, Port = new V1ServiceBackendPort { Name = \"http\" } } };",
            "backend:\n  service:\n    name: api\n    port:\n      name: http",
            "kube-linter dangling-ingress"),

        Rule(RuleIds.EgressNotRestricted, "egress-not-restricted", RuleLevel.OptIn, SynthAndLint,
            "Pods should have restricted egress",
            "Workload '{0}' has no egress NetworkPolicy: add a default-deny egress policy and explicit allow rules",
            "No NetworkPolicy restricts the workload's egress.",
            "Unrestricted egress lets a compromised pod exfiltrate data, reach the cloud metadata service or attack other services.",
            "new V1NetworkPolicy { Spec = new V1NetworkPolicySpec { PodSelector = new V1LabelSelector(), PolicyTypes = new[] { \"Egress\" } } };",
            "spec:\n  podSelector: {}\n  policyTypes: [Egress]",
            "Polaris missingNetworkPolicy"),

        Rule(RuleIds.MetadataEndpointReachable, "metadata-endpoint-reachable", RuleLevel.OptIn, SynthAndLint,
            "Egress must not reach the cloud metadata endpoint",
            "NetworkPolicy '{0}' allows egress to 169.254.169.254: add it to the ipBlock's except list",
            "An egress `ipBlock` that contains 169.254.169.254 without excepting it.",
            "The cloud metadata endpoint hands out node credentials; a pod that can reach it can often act as the node against the cloud provider.",
            "new V1IPBlock { Cidr = \"0.0.0.0/0\", Except = new[] { \"169.254.169.254/32\" } };",
            "ipBlock:\n  cidr: 0.0.0.0/0\n  except:\n  - 169.254.169.254/32",
            "Atredis Kubernetes security review p.45"),
    };
}
