namespace SecureManifests.Tests.Referees;

/// <summary>Hand-written manifests, known valid or known broken, to prove the referees judge.</summary>
internal static class RefereeSamples
{
    public const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          labels: {app: web}
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              automountServiceAccountToken: false
              securityContext:
                runAsNonRoot: true
                seccompProfile: {type: RuntimeDefault}
              containers:
                - name: web
                  image: registry.example/web:1.0
                  ports:
                    - containerPort: 8080
                      protocol: TCP
                  resources:
                    limits: {cpu: 500m, memory: 256Mi}
                  securityContext:
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                    capabilities: {drop: [ALL]}

        """;

    public const string Service = """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          selector: {app: web}
          ports:
            - port: 80
              targetPort: 8080

        """;

    public const string NetworkPolicy = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Ingress, Egress]
          ingress:
            - ports: [{port: 8080, protocol: TCP}]

        """;

    /// <summary>One object of each CRD model package the referee knows: cert-manager, Gateway API, Prometheus Operator, Argo Rollouts.</summary>
    public const string CustomResources = """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata: {name: shop-tls, namespace: shop}
        spec:
          secretName: shop-tls
          dnsNames: [shop.example.com]
          issuerRef: {name: letsencrypt, kind: ClusterIssuer}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: shop, namespace: shop}
        spec:
          parentRefs: [{name: public, namespace: gateway-system}]
          hostnames: [shop.example.com]
          rules:
            - matches: [{path: {type: PathPrefix, value: /}}]
              backendRefs: [{name: web, port: 80}]
        ---
        apiVersion: monitoring.coreos.com/v1
        kind: ServiceMonitor
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          endpoints: [{port: metrics, interval: 30s}]
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: registry.example/web:1.0}]
          strategy:
            canary:
              steps: [{setWeight: 20}, {pause: {duration: 1h}}]

        """;

    public const string ValidStream = Service + "---\n" + Deployment + "---\n" + NetworkPolicy;
}
