#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;

namespace SecureManifests.Rules.Semantics;

/// <summary>What an RBAC policy rule grants that the SM30xx rules flag, in the API server's matching semantics.</summary>
internal static class RbacRisks
{
    public const string Core = PodSpecResources.Core;

    /// <summary>The core resource SM3005 guards.</summary>
    public const string Secrets = "secrets";

    /// <summary>The verb that makes a pod-creating resource (SM3006).</summary>
    public const string Create = "create";

    public static readonly IReadOnlyList<string> SecretReadVerbs = new[] { "get", "list", "watch" };

    public static readonly IReadOnlyList<string> EscalationVerbs = new[] { "escalate", "bind", "impersonate" };

    public static readonly IReadOnlyList<string> ExecSubresources = new[] { "pods/exec", "pods/attach", "pods/portforward" };

    public static readonly IReadOnlyList<string> WriteVerbs = new[] { "create", "update", "patch", "delete", "deletecollection" };

    /// <summary>
    /// Resources that create pods, each in its own API group: whoever creates them runs pods as any ServiceAccount. The
    /// served ones, and the legacy <c>extensions</c> group, which an RBAC rule can still name.
    /// </summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> PodCreating =
        PodSpecResources.Served.Where(r => r.Key != PodSpecResources.Batch)
            .Concat(new KeyValuePair<string, string>[] { new("extensions", "deployments"), new("extensions", "replicasets"), new("extensions", "daemonsets") })
            .Concat(PodSpecResources.Served.Where(r => r.Key == PodSpecResources.Batch))
            .ToArray();

    public static readonly IReadOnlyList<EscalationGrant> EscalationGrants = new EscalationGrant[]
    {
        new(Core, "nodes/proxy", new[] { "get", "create" }, "reaches the kubelet API of every node"),
        new(Core, "serviceaccounts/token", new[] { "create" }, "mints tokens for any ServiceAccount it reaches"),
        new("admissionregistration.k8s.io", "validatingwebhookconfigurations", WriteVerbs, "can intercept API requests"),
        new("admissionregistration.k8s.io", "mutatingwebhookconfigurations", WriteVerbs, "can rewrite API requests"),
        new("admissionregistration.k8s.io", "validatingadmissionpolicies", WriteVerbs, "can switch admission checks off"),
        new("admissionregistration.k8s.io", "validatingadmissionpolicybindings", WriteVerbs, "can switch admission checks off"),
        new("certificates.k8s.io", "certificatesigningrequests/approval", new[] { "update", "patch" }, "can approve client certificates"),
    };

    /// <summary>SM3005: the read verbs the rule allows on core <c>secrets</c>; empty when it reads none.</summary>
    public static List<string> SecretReadVerbsAllowed(PolicyRuleLists rule) =>
        rule.CoversResource(Core, Secrets) ? rule.AllowedVerbs(SecretReadVerbs) : new List<string>();

    /// <summary>SM3006: the pod-creating resources the rule allows <c>create</c> on, distinct, in catalogue order.</summary>
    public static List<string> PodCreatingResourcesGranted(PolicyRuleLists rule)
    {
        var granted = new List<string>();
        if (!rule.AllowsVerb(Create))
        {
            return granted;
        }

        foreach (var pair in PodCreating)
        {
            if (rule.CoversResource(pair.Key, pair.Value) && !granted.Contains(pair.Value))
            {
                granted.Add(pair.Value);
            }
        }

        return granted;
    }

    /// <summary>SM3007: the exec, attach and port-forward subresources the rule grants any verb on.</summary>
    public static List<string> ExecSubresourcesGranted(PolicyRuleLists rule)
    {
        var granted = new List<string>();
        if (!rule.AllowsSomeVerb)
        {
            return granted;
        }

        foreach (var subresource in ExecSubresources)
        {
            if (rule.CoversResource(Core, subresource))
            {
                granted.Add(subresource);
            }
        }

        return granted;
    }

    /// <summary>SM3008: the escalation verbs the rule names explicitly (a wildcard is SM3004's).</summary>
    public static List<string> EscalationVerbsNamed(PolicyRuleLists rule)
    {
        var named = new List<string>();
        foreach (var verb in EscalationVerbs)
        {
            if (rule.Verbs?.Contains(verb) == true)
            {
                named.Add(verb);
            }
        }

        return named;
    }

    /// <summary>SM3012: the escalating resources the rule grants, with the verbs that do it.</summary>
    public static List<EscalationGrantFound> EscalationResourcesGranted(PolicyRuleLists rule)
    {
        var found = new List<EscalationGrantFound>();
        foreach (var grant in EscalationGrants)
        {
            if (rule.CoversResource(grant.Group, grant.Resource))
            {
                var verbs = rule.AllowedVerbs(grant.Verbs);
                if (verbs.Count > 0)
                {
                    found.Add(new EscalationGrantFound(grant.Resource, verbs, grant.Risk));
                }
            }
        }

        return found;
    }

    internal sealed class EscalationGrant
    {
        public EscalationGrant(string group, string resource, IReadOnlyList<string> verbs, string risk)
        {
            Group = group;
            Resource = resource;
            Verbs = verbs;
            Risk = risk;
        }

        public string Group { get; }

        public string Resource { get; }

        public IReadOnlyList<string> Verbs { get; }

        public string Risk { get; }
    }
}

/// <summary>An escalating resource a rule grants (SM3012): which, with which verbs, and what it lets the subject do.</summary>
internal sealed class EscalationGrantFound
{
    public EscalationGrantFound(string resource, IReadOnlyList<string> verbs, string risk)
    {
        Resource = resource;
        Verbs = verbs;
        Risk = risk;
    }

    public string Resource { get; }

    public IReadOnlyList<string> Verbs { get; }

    public string Risk { get; }
}
