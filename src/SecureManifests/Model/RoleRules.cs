using k8s.Models;
using SecureManifests.Validation;

namespace SecureManifests.Model;

/// <summary>The typed rules of a Role or ClusterRole, validated as they are added.</summary>
internal sealed class RoleRules
{
    private readonly List<V1PolicyRule> _rules = [];
    private readonly Func<string, string, ManifestDefinitionException> _invalid;

    public RoleRules(Func<string, string, ManifestDefinitionException> invalid) => _invalid = invalid;

    public IReadOnlyList<V1PolicyRule> Rules => _rules;

    public void Add(IReadOnlyCollection<Verb> verbs, string resource, string apiGroup, IReadOnlyCollection<string> resourceNames)
    {
        var field = $"rules[{_rules.Count}]";
        if (verbs.Count == 0)
        {
            throw _invalid($"{field}.verbs", "grant at least one verb");
        }

        if (string.IsNullOrEmpty(resource) || resource.Contains('*', StringComparison.Ordinal) || resource.Any(char.IsUpper))
        {
            throw _invalid($"{field}.resources", $"'{resource}' is not a resource name such as 'configmaps' or 'pods/log'; wildcards are not granted (SM3004)");
        }

        if (apiGroup.Contains('*', StringComparison.Ordinal) || (apiGroup.Length > 0 && !KubernetesNames.IsDns1123Subdomain(apiGroup)))
        {
            throw _invalid($"{field}.apiGroups", $"'{apiGroup}' is not an API group such as '' (core) or 'apps'");
        }

        foreach (var name in resourceNames)
        {
            if (string.IsNullOrEmpty(name) || name.Contains('*', StringComparison.Ordinal))
            {
                throw _invalid($"{field}.resourceNames", $"'{name}' is not an object name");
            }
        }

        _rules.Add(new V1PolicyRule
        {
            ApiGroups = [apiGroup],
            Resources = [resource],
            ResourceNames = resourceNames.Count == 0 ? null : [.. resourceNames],
            Verbs = [.. verbs.Distinct().Order().Select(v => v.ToApiValue())],
        });
    }
}
