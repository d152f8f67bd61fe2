using System.Runtime.CompilerServices;
using System.Net;
using System.Net.Sockets;
using k8s.Models;
using SecureManifests.Validation;

namespace SecureManifests.Model;

/// <summary>Pod-level settings: scheduling, images, termination, DNS and pod metadata. None of them touches security.</summary>
public abstract partial class Workload<TSelf>
{
    /// <summary>Runs the pods only on nodes with this label (<c>spec.nodeSelector</c>).</summary>
    public TSelf WithNodeSelector(string labelKey, string value)
    {
        Arguments.NotNull(labelKey, Reference);
        Arguments.NotNull(value, Reference);
        RequireLabel(labelKey, value, "spec.template.spec.nodeSelector");
        Pod.NodeSelector[labelKey] = value;
        return Self;
    }

    /// <summary>
    /// Lets the pods run on nodes tainted with <paramref name="key"/>: with a <paramref name="value"/> the taint must
    /// equal it, without one any value matches. <paramref name="tolerationSeconds"/> bounds a NoExecute toleration.
    /// </summary>
    public TSelf Tolerate(string key, string? value = null, TaintEffect? effect = null, TimeSpan? tolerationSeconds = null)
    {
        Arguments.NotNull(key, Reference);
        var field = $"spec.template.spec.tolerations[{key}]";
        if (!KubernetesNames.IsQualifiedKey(key))
        {
            throw Invalid(field, $"'{key}' is not a valid taint key");
        }

        if (value is not null && !KubernetesNames.IsLabelValue(value))
        {
            throw Invalid(field + ".value", $"'{value}' is not a valid taint value");
        }

        if (effect is { } e && !Enum.IsDefined(e))
        {
            throw Invalid(field + ".effect", $"{e} is not a TaintEffect");
        }

        if (tolerationSeconds is not null && effect != TaintEffect.NoExecute)
        {
            throw Invalid(field + ".tolerationSeconds", "only a NoExecute toleration can be bounded in time");
        }

        if (tolerationSeconds < TimeSpan.Zero)
        {
            throw Invalid(field + ".tolerationSeconds", "must not be negative");
        }

        Pod.Tolerations.Add(new V1Toleration
        {
            Key = key,
            OperatorProperty = value is null ? "Exists" : "Equal",
            Value = value,
            Effect = effect?.ToApiValue(),
            TolerationSeconds = tolerationSeconds is { } s ? (long)Math.Ceiling(s.TotalSeconds) : null,
        });
        return Self;
    }

    /// <summary>
    /// Node affinity: the pods go to nodes whose <paramref name="labelKey"/> is one of <paramref name="values"/>.
    /// Without <paramref name="weight"/> it is required (all required calls must hold); with a weight of 1-100 it is a preference.
    /// </summary>
    public TSelf AttractTo(string labelKey, string[] values, int? weight = null)
    {
        Arguments.NotNull(labelKey, Reference);
        Arguments.NoNulls(values, Reference);
        var field = $"spec.template.spec.affinity.nodeAffinity[{labelKey}]";
        if (values.Length == 0)
        {
            throw Invalid(field, "name at least one label value");
        }

        foreach (var value in values)
        {
            RequireLabel(labelKey, value, "spec.template.spec.affinity.nodeAffinity");
        }

        var requirement = new V1NodeSelectorRequirement { Key = labelKey, OperatorProperty = "In", Values = [.. values] };
        if (weight is null)
        {
            Pod.RequiredNodeTerms.Add(requirement);
        }
        else
        {
            Pod.PreferredNodeTerms.Add(new V1PreferredSchedulingTerm
            {
                Weight = RequireWeight(weight.Value, field),
                Preference = new V1NodeSelectorTerm { MatchExpressions = [requirement] },
            });
        }

        return Self;
    }

    /// <summary>
    /// Pod affinity: places the pods in the same <paramref name="topology"/> (default: node) as the pods of
    /// <paramref name="other"/>; required, or preferred with a <paramref name="weight"/> of 1-100.
    /// </summary>
    public TSelf ColocateWith(Workload other, Topology? topology = null, int? weight = null)
    {
        Arguments.NotNull(other, Reference);
        AddPodAffinity(other, topology, weight, Pod.RequiredColocation, Pod.PreferredColocation, "podAffinity");
        return Self;
    }

    /// <summary>
    /// Pod anti-affinity: keeps the pods out of a <paramref name="topology"/> (default: node) that already runs pods of
    /// <paramref name="other"/>, or of this workload itself to spread its replicas; required, or preferred with a weight.
    /// </summary>
    public TSelf SeparateFrom(Workload other, Topology? topology = null, int? weight = null)
    {
        Arguments.NotNull(other, Reference);
        AddPodAffinity(other, topology, weight, Pod.RequiredSeparation, Pod.PreferredSeparation, "podAntiAffinity");
        return Self;
    }

    /// <summary>
    /// A topology spread constraint over this workload's pods: no <paramref name="topology"/> domain holds more than
    /// <paramref name="maxSkew"/> pods above another. Unsatisfiable spreads block scheduling unless <paramref name="scheduleAnyway"/>.
    /// </summary>
    public TSelf SpreadAcross(Topology topology, int maxSkew = 1, bool scheduleAnyway = false)
    {
        Arguments.NotNull(topology, Reference);
        var field = $"spec.template.spec.topologySpreadConstraints[{topology.Key}]";
        if (maxSkew < 1)
        {
            throw Invalid(field + ".maxSkew", $"{maxSkew} is below 1");
        }

        if (Pod.Spread.Any(s => s.TopologyKey == topology.Key))
        {
            throw Invalid(field, $"the pods are already spread across '{topology.Key}'");
        }

        Pod.Spread.Add(new V1TopologySpreadConstraint
        {
            TopologyKey = topology.Key,
            MaxSkew = maxSkew,
            WhenUnsatisfiable = scheduleAnyway ? "ScheduleAnyway" : "DoNotSchedule",
            LabelSelector = Selector(),
        });
        return Self;
    }

    /// <summary>The PriorityClass of the pods (<c>spec.priorityClassName</c>), e.g. <c>high-priority</c>.</summary>
    public TSelf WithPriorityClass(string priorityClassName)
    {
        Arguments.NotNull(priorityClassName, Reference);
        Pod.PriorityClassName = RequireSubdomain(priorityClassName, "spec.template.spec.priorityClassName");
        return Self;
    }

    /// <summary>The RuntimeClass of the pods (<c>spec.runtimeClassName</c>), e.g. <c>gvisor</c> or <c>kata</c>.</summary>
    public TSelf WithRuntimeClass(string runtimeClassName)
    {
        Arguments.NotNull(runtimeClassName, Reference);
        Pod.RuntimeClassName = RequireSubdomain(runtimeClassName, "spec.template.spec.runtimeClassName");
        return Self;
    }

    /// <summary>Pulls the images with the registry credentials of a cluster-provided Secret (<c>imagePullSecrets</c>).</summary>
    public TSelf WithImagePullSecret(SecretReference secret)
    {
        Arguments.NotNull(secret, Reference);
        RequireSameApp(secret, $"spec.template.spec.imagePullSecrets[{secret.Name}]");
        if (!ReferenceEquals(secret.Namespace, Namespace))
        {
            throw Invalid($"spec.template.spec.imagePullSecrets[{secret.Name}]", $"{secret.Reference} is in another namespace; pull secrets must be in the pod's namespace");
        }

        Pod.ImagePullSecrets.Add(secret.Name);
        return Self;
    }

    /// <summary>How long the pods get between SIGTERM and SIGKILL (<c>terminationGracePeriodSeconds</c>; Kubernetes default 30 s).</summary>
    public TSelf WithTerminationGracePeriod(TimeSpan gracePeriod)
    {
        if (gracePeriod < TimeSpan.Zero)
        {
            throw Invalid("spec.template.spec.terminationGracePeriodSeconds", "the grace period must not be negative");
        }

        Pod.TerminationGracePeriodSeconds = (long)Math.Ceiling(gracePeriod.TotalSeconds);
        return Self;
    }

    /// <summary>Adds an entry to the pods' <c>/etc/hosts</c> (<c>hostAliases</c>).</summary>
    public TSelf WithHostAlias(string ip, params string[] hostnames)
    {
        Arguments.NotNull(ip, Reference);
        Arguments.NoNulls(hostnames, Reference);
        var field = $"spec.template.spec.hostAliases[{ip}]";
        if (!IPAddress.TryParse(ip, out var address) || address.ToString() != ip)
        {
            throw Invalid(field + ".ip", $"'{ip}' is not an IPv4 or IPv6 address");
        }

        if (hostnames is null || hostnames.Length == 0 || hostnames.Any(h => !KubernetesNames.IsDns1123Subdomain(h)))
        {
            throw Invalid(field + ".hostnames", "name at least one host, each a valid DNS name such as db.internal");
        }

        Pod.HostAliases.Add(new V1HostAlias { Ip = ip, Hostnames = [.. hostnames] });
        return Self;
    }

    /// <summary>
    /// The pods' DNS policy. <see cref="DnsPolicy.None"/> needs <see cref="WithDnsNameservers"/>; nameservers outside
    /// the cluster are still behind the namespace's default-deny egress, so allow them with <c>AllowEgressTo(cidr, 53, ...)</c>.
    /// </summary>
    public TSelf WithDnsPolicy(DnsPolicy policy)
    {
        Arguments.NotNull(policy, Reference);
        if (!Enum.IsDefined(policy))
        {
            throw Invalid("spec.template.spec.dnsPolicy", $"{policy} is not a DnsPolicy");
        }

        Pod.DnsPolicy = policy;
        return Self;
    }

    /// <summary>Extra nameservers (<c>dnsConfig.nameservers</c>, at most 3 in all).</summary>
    public TSelf WithDnsNameservers(params string[] addresses)
    {
        Arguments.NoNulls(addresses, Reference);
        foreach (var address in addresses)
        {
            if (!IPAddress.TryParse(address, out var ip) || ip.ToString() != address || ip.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
            {
                throw Invalid($"spec.template.spec.dnsConfig.nameservers[{address}]", $"'{address}' is not an IP address");
            }
        }

        if (Pod.Nameservers.Count + addresses.Length > 3)
        {
            throw Invalid("spec.template.spec.dnsConfig.nameservers", "a pod can have at most 3 nameservers");
        }

        Pod.Nameservers.AddRange(addresses);
        return Self;
    }

    /// <summary>Extra DNS search domains (<c>dnsConfig.searches</c>, at most 32 in all).</summary>
    public TSelf WithDnsSearches(params string[] domains)
    {
        Arguments.NoNulls(domains, Reference);
        foreach (var domain in domains)
        {
            if (!KubernetesNames.IsDns1123Subdomain(domain.TrimEnd('.')))
            {
                throw Invalid($"spec.template.spec.dnsConfig.searches[{domain}]", $"'{domain}' is not a DNS domain");
            }
        }

        if (Pod.Searches.Count + domains.Length > 32)
        {
            throw Invalid("spec.template.spec.dnsConfig.searches", "a pod can have at most 32 search domains");
        }

        Pod.Searches.AddRange(domains);
        return Self;
    }

    /// <summary>A resolver option (<c>dnsConfig.options</c>), e.g. <c>ndots</c> = <c>2</c>.</summary>
    public TSelf WithDnsOption(string name, string? value = null)
    {
        Arguments.NotNull(name, Reference);
        if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsWhiteSpace))
        {
            throw Invalid($"spec.template.spec.dnsConfig.options[{name}]", $"'{name}' is not a resolver option name such as ndots");
        }

        if (Pod.DnsOptions.Any(o => o.Name == name))
        {
            throw Invalid($"spec.template.spec.dnsConfig.options[{name}]", $"option '{name}' is set twice");
        }

        Pod.DnsOptions.Add(new V1PodDNSConfigOption { Name = name, Value = value });
        return Self;
    }

    /// <summary>Adds an annotation to the pods (the pod template), e.g. for a metrics scraper or a service mesh.</summary>
    public TSelf WithPodAnnotation(string key, string value)
    {
        Arguments.NotNull(key, Reference);
        Arguments.NotNull(value, Reference);
        RequireAnnotation(key, value, Pod.Annotations.AsReadOnly(), "spec.template.metadata.annotations");
        Pod.Annotations[key] = value;
        return Self;
    }

    /// <summary>
    /// The typed escape hatch for the workload's own ServiceAccount, e.g. a cloud workload-identity annotation
    /// (<c>eks.amazonaws.com/role-arn</c>, <c>iam.gke.io/gcp-service-account</c>). Checked like everything else.
    /// </summary>
    public TSelf CustomizeServiceAccount(Action<V1ServiceAccount> change, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(change, Reference);
        CustomizationsOf.Add(change, callerFile, callerLine);
        return Self;
    }

    internal override void ValidateComplete()
    {
        base.ValidateComplete();
        if (Pod.DnsPolicy == DnsPolicy.None && Pod.Nameservers.Count == 0)
        {
            throw Invalid("spec.template.spec.dnsConfig.nameservers", "dnsPolicy None needs at least one nameserver; add it with WithDnsNameservers");
        }
    }

    private void AddPodAffinity(Workload other, Topology? topology, int? weight, List<V1PodAffinityTerm> required, List<V1WeightedPodAffinityTerm> preferred, string kind)
    {
        var field = $"spec.template.spec.affinity.{kind}[{other.Name}]";
        RequireSameApp(other, field);
        var term = new V1PodAffinityTerm
        {
            TopologyKey = (topology ?? Topology.Hostname).Key,
            LabelSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string>(other.SelectorLabels, StringComparer.Ordinal) },
            Namespaces = ReferenceEquals(other.Namespace, Namespace) ? null : [other.Namespace.Name],
        };
        if (weight is null)
        {
            required.Add(term);
        }
        else
        {
            preferred.Add(new V1WeightedPodAffinityTerm { Weight = RequireWeight(weight.Value, field), PodAffinityTerm = term });
        }
    }

    private int RequireWeight(int weight, string field) =>
        weight is >= 1 and <= 100 ? weight : throw Invalid(field + ".weight", $"{weight} is outside 1-100");

    private string RequireSubdomain(string name, string field)
    {
        var problem = NameFormat.Subdomain.Check(name);
        return problem is null ? name : throw Invalid(field, problem);
    }
}
