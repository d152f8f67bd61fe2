#nullable enable
using System;
using System.Collections.Generic;

namespace SecureManifests.Rules.Semantics;

/// <summary>
/// The roles kube-apiserver creates itself at startup (its RBAC bootstrap policy, plugin/pkg/auth/authorizer/rbac/
/// bootstrappolicy): a binding may reference them without the set defining them. Written for netstandard2.0 as well,
/// because the analyzers compile this folder too.
/// </summary>
internal static class BootstrapRoles
{
    // policy.go ClusterRoles(), including the ones behind feature gates.
    private static readonly string[] ClusterRoles =
    {
        "admin",
        "cluster-admin",
        "edit",
        "view",
        "system:aggregate-to-admin",
        "system:aggregate-to-edit",
        "system:aggregate-to-view",
        "system:auth-delegator",
        "system:basic-user",
        "system:certificates.k8s.io:certificatesigningrequests:nodeclient",
        "system:certificates.k8s.io:certificatesigningrequests:selfnodeclient",
        "system:certificates.k8s.io:kube-apiserver-client-approver",
        "system:certificates.k8s.io:kube-apiserver-client-kubelet-approver",
        "system:certificates.k8s.io:kubelet-serving-approver",
        "system:certificates.k8s.io:legacy-unknown-approver",
        "system:cluster-trust-bundle-discovery",
        "system:discovery",
        "system:heapster",
        "system:kube-aggregator",
        "system:kube-controller-manager",
        "system:kube-dns",
        "system:kube-scheduler",
        "system:kubelet-api-admin",
        "system:monitoring",
        "system:node",
        "system:node-bootstrapper",
        "system:node-problem-detector",
        "system:node-proxier",
        "system:persistent-volume-provisioner",
        "system:public-info-viewer",
        "system:service-account-issuer-discovery",
        "system:volume-scheduler",
    };

    // controller_policy.go: one ClusterRole per kube-controller-manager controller, named system:controller:<controller>.
    private static readonly string[] ControllerNames =
    {
        "attachdetach-controller",
        "certificate-controller",
        "clusterrole-aggregation-controller",
        "cronjob-controller",
        "daemon-set-controller",
        "deployment-controller",
        "device-taint-eviction-controller",
        "disruption-controller",
        "endpoint-controller",
        "endpointslice-controller",
        "endpointslicemirroring-controller",
        "ephemeral-volume-controller",
        "expand-controller",
        "generic-garbage-collector",
        "horizontal-pod-autoscaler",
        "job-controller",
        "kube-apiserver-serving-clustertrustbundle-publisher",
        "legacy-service-account-token-cleaner",
        "namespace-controller",
        "node-controller",
        "persistent-volume-binder",
        "pod-garbage-collector",
        "podcertificaterequestcleaner",
        "pv-protection-controller",
        "pvc-protection-controller",
        "replicaset-controller",
        "replication-controller",
        "resource-claim-controller",
        "resourcequota-controller",
        "root-ca-cert-publisher",
        "route-controller",
        "selinux-warning-controller",
        "service-account-controller",
        "service-cidrs-controller",
        "service-controller",
        "statefulset-controller",
        "storage-version-garbage-collector",
        "storage-version-migrator-controller",
        "ttl-after-finished-controller",
        "ttl-controller",
        "validatingadmissionpolicy-status-controller",
        "volumeattributesclass-protection-controller",
    };

    private const string ControllerPrefix = "system:controller:";

    private static readonly HashSet<string> ClusterRoleSet = BuildClusterRoleSet();

    // namespace_policy.go: Roles exist only in the namespace they are bootstrapped into.
    private static readonly HashSet<string> NamespacedRoleSet = new HashSet<string>(StringComparer.Ordinal)
    {
        Key("kube-system", "extension-apiserver-authentication-reader"),
        Key("kube-system", "system::leader-locking-kube-controller-manager"),
        Key("kube-system", "system::leader-locking-kube-scheduler"),
        Key("kube-system", "system:controller:bootstrap-signer"),
        Key("kube-system", "system:controller:cloud-provider"),
        Key("kube-system", "system:controller:token-cleaner"),
        Key("kube-public", "system:controller:bootstrap-signer"),
    };

    /// <summary>Whether the API server creates the ClusterRole <paramref name="name"/>.</summary>
    public static bool IsBootstrapClusterRole(string name) => name != null && ClusterRoleSet.Contains(name);

    /// <summary>Whether the API server creates the Role <paramref name="name"/> in <paramref name="namespace"/>.</summary>
    public static bool IsBootstrapRole(string @namespace, string name) =>
        @namespace != null && name != null && NamespacedRoleSet.Contains(Key(@namespace, name));

    private static HashSet<string> BuildClusterRoleSet()
    {
        var set = new HashSet<string>(ClusterRoles, StringComparer.Ordinal);
        foreach (var controller in ControllerNames)
        {
            set.Add(ControllerPrefix + controller);
        }

        return set;
    }

    // '/' cannot occur in a namespace name, so the key is unambiguous.
    private static string Key(string @namespace, string name) => @namespace + "/" + name;
}
