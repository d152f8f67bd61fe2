using k8s;
using SecureManifests.Validation;

namespace SecureManifests.Model;

/// <summary>
/// A Secret that the cluster provides (External Secrets, Sealed Secrets, cert-manager, an operator). Its values never
/// pass through C# or the repository, so nothing is written for it; workloads mount it by name.
/// </summary>
public sealed class SecretReference : ManifestObject
{
    private readonly string[] _keys;

    internal SecretReference(Namespace ns, string name, string[] keys)
        : base(ns.App, ns, "Secret", name, NameFormat.Subdomain)
    {
        foreach (var key in keys)
        {
            if (!KubernetesNames.IsConfigKey(key))
            {
                throw Invalid($"data[{key}]", $"'{key}' is not a valid key: letters, digits, '-', '_' and '.'");
            }
        }

        _keys = keys;
    }

    /// <summary>The keys the app relies on; empty when they are not declared.</summary>
    public IReadOnlyList<string> Keys => _keys;

    internal void RequireKey(string key, string user)
    {
        if (_keys.Length > 0 && !_keys.Contains(key, StringComparer.Ordinal))
        {
            throw new ManifestDefinitionException(user, "secretKeyRef.key", $"{Reference} declares no key '{key}' (declared: {string.Join(", ", _keys)})");
        }
    }

    internal override IEnumerable<IKubernetesObject> Emit() => [];
}
