using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using SecureManifests.Validation;

namespace SecureManifests.Model;

/// <summary>Non-secret configuration (v1 ConfigMap). Keys that look secret are refused (SM2016).</summary>
public sealed class ConfigMap : ManifestObject
{
    private readonly SortedDictionary<string, string> _data = new(StringComparer.Ordinal);

    internal ConfigMap(Namespace ns, string name)
        : base(ns.App, ns, "ConfigMap", name, NameFormat.Subdomain)
    {
    }

    public IReadOnlyDictionary<string, string> Data => _data;

    /// <summary>Adds one key; multi-line values (whole config files) are written as YAML literal blocks.</summary>
    public ConfigMap With(string key, string value)
    {
        Arguments.NotNull(key, Reference);
        Arguments.NotNull(value, Reference);
        if (!KubernetesNames.IsConfigKey(key))
        {
            throw Invalid($"data[{key}]", $"'{key}' is not a valid key: letters, digits, '-', '_' and '.'");
        }

        if (_data.ContainsKey(key))
        {
            throw Invalid($"data[{key}]", $"key '{key}' is set twice");
        }

        if (Rules.Semantics.SecretHeuristics.ConfigMapEntryLooksSecret(key, value) is { } why)
        {
            throw Invalid($"data[{key}]", $"'{key}' looks like a secret: {why} (SM2016); keep secrets in a Secret managed outside the repository (AddExternalSecret)");
        }

        if (DefinitionProblems.OfConfigMapSize(ApiLimits.SizeOf(_data.Append(new(key, value)))) is { } tooLarge)
        {
            throw Invalid($"data[{key}]", tooLarge);
        }

        _data[key] = value;
        return this;
    }

    /// <summary>
    /// The typed escape hatch for what the SDK does not name: changes the emitted <c>V1ConfigMap</c> after every default is
    /// applied. The result is checked like everything else: an insecure change fails the synth unless a relaxation with
    /// a reason covers it.
    /// </summary>
    public ConfigMap Customize(Action<V1ConfigMap> change, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(change, Reference);
        CustomizationsOf.Add(change, callerFile, callerLine);
        return this;
    }

    internal void RequireKey(string key, string user)
    {
        if (!_data.ContainsKey(key))
        {
            throw new ManifestDefinitionException(user, "configMapKeyRef.key", $"{Reference} has no key '{key}'");
        }
    }

    internal override IEnumerable<IKubernetesObject> Emit()
    {
        yield return new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = Metadata(Name),
            Data = _data.Count == 0 ? null : new Dictionary<string, string>(_data, StringComparer.Ordinal),
        };
    }
}
