#nullable enable
using System;
using System.Collections.Generic;

namespace SecureManifests.Rules.Semantics;

/// <summary>What a RoleBinding or ClusterRoleBinding refers to that SM3003 and SM3009 flag.</summary>
internal static class RbacBindings
{
    private static readonly HashSet<string> PowerfulClusterRoles = new(StringComparer.Ordinal) { "cluster-admin", "admin", "edit" };

    private static readonly HashSet<string> BroadSubjects = new(StringComparer.Ordinal)
    {
        "system:anonymous", "system:unauthenticated", "system:authenticated", "system:masters",
    };

    /// <summary>The ClusterRoles SM3003 flags a binding to, sorted.</summary>
    public static IReadOnlyList<string> PowerfulClusterRoleList { get; } = Sorted.Of(PowerfulClusterRoles);

    /// <summary>The User and Group names SM3009 flags, sorted.</summary>
    public static IReadOnlyList<string> BroadSubjectList { get; } = Sorted.Of(BroadSubjects);

    /// <summary>The ServiceAccount every pod of a namespace without its own account runs as.</summary>
    public const string DefaultServiceAccount = "default";

    /// <summary>SM3003: a roleRef to the built-in ClusterRole <c>cluster-admin</c>, <c>admin</c> or <c>edit</c>.</summary>
    public static bool IsPowerfulClusterRole(string? kind, string? name) =>
        string.Equals(kind, "ClusterRole", StringComparison.Ordinal) && name is not null && PowerfulClusterRoles.Contains(name);

    /// <summary>SM3009: a Group or User that stands for everyone, anyone or the cluster's superusers.</summary>
    public static bool IsBroadSubject(string? kind, string? name) =>
        (string.Equals(kind, "Group", StringComparison.Ordinal) || string.Equals(kind, "User", StringComparison.Ordinal))
        && name is not null && BroadSubjects.Contains(name);

    /// <summary>SM3009: the ServiceAccount <c>default</c>, shared by every pod of its namespace without its own.</summary>
    public static bool IsDefaultServiceAccount(string? kind, string? name) =>
        string.Equals(kind, "ServiceAccount", StringComparison.Ordinal) && string.Equals(name, DefaultServiceAccount, StringComparison.Ordinal);
}
