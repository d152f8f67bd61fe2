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

    public const string ValidStream = Service + "---\n" + Deployment + "---\n" + NetworkPolicy;
}
