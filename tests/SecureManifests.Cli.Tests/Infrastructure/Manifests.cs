namespace SecureManifests.Cli.Tests.Infrastructure;

/// <summary>Manifests the tests lint, written as a user would write them.</summary>
public static class Manifests
{
    /// <summary>A Deployment that passes every rule of the restricted profile (and has no secure-profile problem but namespace policies).</summary>
    public const string RestrictedDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
        spec:
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
            spec:
              securityContext:
                runAsNonRoot: true
                seccompProfile:
                  type: RuntimeDefault
              containers:
              - name: api
                image: ghcr.io/acme/api:1.2.3
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop: ["ALL"]
        """;

    /// <summary>A Pod whose second container is privileged: SM1001 at line 14, column 7 (the <c>privileged</c> key).</summary>
    public const string PrivilegedPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
        spec:
          containers:
          - name: ok
            image: nginx:1.27
          - name: bad
            image: nginx:1.27
            securityContext:
              runAsUser: 1000
              privileged: true
        """;
}
