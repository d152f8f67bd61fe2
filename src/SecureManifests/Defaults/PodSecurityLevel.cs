namespace SecureManifests.Defaults;

/// <summary>The Pod Security Standards levels, as written in <c>pod-security.kubernetes.io/*</c> labels.</summary>
public enum PodSecurityLevel
{
    Restricted,
    Baseline,
    Privileged,
}
