using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SecureManifests.Analyzers;

/// <summary>
/// The per-compilation checks of <see cref="RawModelAnalyzer"/>: one assignment at a time. Candidates are picked
/// by syntax (the assigned property's name), then judged on the IOperation tree of that one node.
/// </summary>
internal sealed class ModelChecks
{
    private readonly ModelTypes _types;
    private readonly AnalyzerOptionsCache _options;

    public ModelChecks(ModelTypes types, AnalyzerOptionsCache options)
    {
        _types = types;
        _options = options;
    }

    /// <summary>
    /// Property names the checks look at. An assignment to any other name is dismissed from its syntax alone,
    /// before the semantic model is asked for anything: most code in a project never touches these.
    /// </summary>
    private static readonly HashSet<string> CheckedProperties = new(StringComparer.Ordinal)
    {
        "Privileged", "AllowPrivilegeEscalation", "RunAsNonRoot", "ReadOnlyRootFilesystem", "RunAsUser", "ProcMount",
        "Add", "Drop", "Type", "User", "Role", "Name", "HostProcess", "Host", "HostNetwork", "HostPID", "HostIPC",
        "AutomountServiceAccountToken", "ServiceAccount", "ServiceAccountName", "HostPath", "Local", "HostPort",
        "ContainerPort", "Image", "Value", "SecretKeyRef", "SecretRef", "DefaultMode", "Verbs", "Resources", "ApiGroups",
        "NamespaceProperty", "Labels",
    };

    /// <summary>
    /// <c>Privileged = true</c> in an initializer, <c>sc.Privileged = true</c> as a statement, and
    /// <c>Add = { "SYS_ADMIN" }</c> (a collection initializer on an existing property).
    /// </summary>
    public void AnalyzeAssignment(SyntaxNodeAnalysisContext context)
    {
        var syntax = (AssignmentExpressionSyntax)context.Node;
        var name = syntax.Left switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            _ => null,
        };
        if (name is null || (!CheckedProperties.Contains(name) && !KubernetesValues.RestrictedVolumeProperties.Contains(name)))
        {
            return;
        }

        var tree = syntax.SyntaxTree;
        if (LiteralScreen.IsSafe(name, syntax, _options.SecretNamesFor(tree), name == "Image" && LiteralScreen.IsRuleEnabled(context.Compilation, tree, Descriptors.ImageNotPinnedByDigest, context.CancellationToken)))
        {
            return;
        }

        switch (context.SemanticModel.GetOperation(syntax, context.CancellationToken))
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                when _types.TryGetKind(property.Property.ContainingType, out var kind):
                Check(context.ReportDiagnostic, new ModelWrite(kind, property.Property.Name, assignment.Value, assignment, assignment.Parent as IObjectOrCollectionInitializerOperation));
                break;
            case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation property } member
                when _types.TryGetKind(property.Property.ContainingType, out var kind):
                Check(context.ReportDiagnostic, new ModelWrite(kind, property.Property.Name, member.Initializer, member, member.Parent as IObjectOrCollectionInitializerOperation));
                break;
        }
    }

    /// <summary>Rules that need the whole initializer: a V1Capabilities initializer that does not set Drop.</summary>
    public void AnalyzeObjectCreation(SyntaxNodeAnalysisContext context)
    {
        var syntax = (BaseObjectCreationExpressionSyntax)context.Node;
        if (syntax.Initializer is null
            || (syntax is ObjectCreationExpressionSyntax explicitType && !NameOf(explicitType.Type).Equals("V1Capabilities", StringComparison.Ordinal))
            || syntax.Initializer.Expressions.Any(e => e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Drop" } })
            // new() { ... } is V1Capabilities only if it sets nothing but Add (its one other property): any other
            // member or a collection element proves another type without binding.
            || (syntax is ImplicitObjectCreationExpressionSyntax
                && syntax.Initializer.Expressions.Any(e => e is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Add" } })))
        {
            return;
        }

        if (context.SemanticModel.GetOperation(syntax, context.CancellationToken) is IObjectCreationOperation creation
            && _types.TryGetKind(creation.Type, out var kind) && kind == ModelKind.Capabilities)
        {
            Report(context.ReportDiagnostic, Descriptors.CapabilitiesNotDropped, creation.Syntax, Subject(creation), "V1Capabilities without Drop",
                Fix(FixKinds.AddDropAll));
        }
    }

    private static string NameOf(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };

    private void Check(Action<Diagnostic> context, ModelWrite write)
    {
        switch (write.Kind)
        {
            case ModelKind.SecurityContext:
            case ModelKind.PodSecurityContext:
                CheckSecurityContext(context, write);
                break;
            case ModelKind.Capabilities:
                CheckCapabilities(context, write);
                break;
            case ModelKind.SeccompProfile when write.Property == "Type":
                ReportIfString(context, write, v => v == "Unconfined", Descriptors.SeccompUnconfined, Replace("\"RuntimeDefault\""));
                break;
            case ModelKind.AppArmorProfile when write.Property == "Type":
                ReportIfString(context, write, v => v == "Unconfined", Descriptors.ApparmorUnconfined, Replace("\"RuntimeDefault\""));
                break;
            case ModelKind.SeLinuxOptions when write.Property == "Type":
                ReportIfString(context, write, v => v.Length > 0 && !KubernetesValues.AllowedSeLinuxTypes.Contains(v), Descriptors.SelinuxCustomOptions, Fix(FixKinds.RemoveAssignment));
                break;
            case ModelKind.SeLinuxOptions when write.Property == "User" || write.Property == "Role":
                ReportIfString(context, write, v => v.Length > 0, Descriptors.SelinuxCustomOptions, Fix(FixKinds.RemoveAssignment));
                break;
            case ModelKind.Sysctl when write.Property == "Name":
                ReportIfString(context, write, v => !KubernetesValues.SafeSysctls.Contains(v), Descriptors.UnsafeSysctl, null);
                break;
            case ModelKind.WindowsOptions when write.Property == "HostProcess":
                ReportIfBool(context, write, true, Descriptors.WindowsHostProcess);
                break;
            case ModelKind.HttpGetAction when write.Property == "Host":
            case ModelKind.TcpSocketAction when write.Property == "Host":
                ReportIfString(context, write, v => v.Length > 0, Descriptors.ProbeHostOverride, Fix(FixKinds.RemoveAssignment));
                break;
            case ModelKind.PodSpec:
                CheckPodSpec(context, write);
                break;
            case ModelKind.Volume when write.Property == "HostPath":
                ReportIfObject(context, write, Descriptors.HostPathVolume);
                break;
            case ModelKind.Volume when KubernetesValues.RestrictedVolumeProperties.Contains(write.Property):
                ReportIfObject(context, write, Descriptors.RestrictedVolumeType);
                break;
            case ModelKind.PersistentVolumeSpec when write.Property == "HostPath" || write.Property == "Local":
                ReportIfObject(context, write, Descriptors.HostPathPersistentVolume);
                break;
            case ModelKind.ContainerPort:
                CheckContainerPort(context, write);
                break;
            case ModelKind.Container when write.Property == "Image":
            case ModelKind.EphemeralContainer when write.Property == "Image":
                ReportIfString(context, write, KubernetesValues.IsMutableImage, Descriptors.MutableImageTag, null);
                ReportIfString(context, write, KubernetesValues.IsNotPinnedByDigest, Descriptors.ImageNotPinnedByDigest, null);
                break;
            case ModelKind.EnvVar when write.Property == "Value":
                CheckEnvValue(context, write);
                break;
            case ModelKind.EnvVarSource when write.Property == "SecretKeyRef":
            case ModelKind.EnvFromSource when write.Property == "SecretRef":
                ReportIfObject(context, write, Descriptors.SecretViaEnv);
                break;
            case ModelKind.SecretVolumeSource when write.Property == "DefaultMode":
                if (ValueResolver.TryGetInteger(write.Value, out var mode) && (mode & Convert.ToInt32("027", 8)) != 0)
                {
                    Report(context, Descriptors.SecretVolumeWorldReadable, write.Node.Syntax, Subject(write.Node), Describe(write, "0" + Convert.ToString(mode, 8)), null);
                }

                break;
            case ModelKind.PolicyRule:
                CheckPolicyRule(context, write);
                break;
            case ModelKind.RoleRef when write.Property == "Name":
                if (ValueResolver.TryGetString(write.Value, out var role) && role is not null && KubernetesValues.PowerfulClusterRoles.Contains(role)
                    && SiblingString(write, "Kind") != "Role")
                {
                    Report(context, Descriptors.ClusterAdminBinding, write.Node.Syntax, Subject(write.Node), Describe(write, Quote(role)), null);
                }

                break;
            case ModelKind.Subject when write.Property == "Name":
                if (ValueResolver.TryGetString(write.Value, out var subject) && subject is not null
                    && (KubernetesValues.RiskySubjects.Contains(subject) || (subject == "default" && SiblingString(write, "Kind") == "ServiceAccount")))
                {
                    Report(context, Descriptors.RiskyBindingSubject, write.Node.Syntax, subject, Describe(write, Quote(subject)), null);
                }

                break;
            case ModelKind.ObjectMeta when write.Property == "NamespaceProperty":
                ReportIfString(context, write, v => v == "default", Descriptors.DefaultNamespace, null);
                break;
            case ModelKind.ObjectMeta when write.Property == "Labels":
                CheckNamespaceLabels(context, write);
                break;
            case ModelKind.ServiceSpec when write.Property == "Type":
                ReportIfString(context, write, v => v == "NodePort" || v == "LoadBalancer", Descriptors.ExposedService, Replace("\"ClusterIP\""));
                break;
        }
    }

    private static void CheckSecurityContext(Action<Diagnostic> context, ModelWrite write)
    {
        switch (write.Property)
        {
            case "Privileged":
                ReportIfBool(context, write, true, Descriptors.PrivilegedContainer);
                break;
            case "AllowPrivilegeEscalation":
                ReportIfBool(context, write, true, Descriptors.PrivilegeEscalationAllowed);
                break;
            case "RunAsNonRoot":
                ReportIfBool(context, write, false, Descriptors.RunAsNonRootNotSet);
                break;
            case "ReadOnlyRootFilesystem":
                ReportIfBool(context, write, false, Descriptors.WritableRootFilesystem);
                break;
            case "RunAsUser":
                if (ValueResolver.TryGetInteger(write.Value, out var user) && user == 0)
                {
                    Report(context, Descriptors.RunAsRootUser, write.Node.Syntax, Subject(write.Node), Describe(write, "0"), null);
                }

                break;
            case "ProcMount":
                ReportIfString(context, write, v => v != "Default", Descriptors.UnmaskedProcMount, Replace("\"Default\""));
                break;
        }
    }

    private static void CheckCapabilities(Action<Diagnostic> context, ModelWrite write)
    {
        if (!ValueResolver.TryGetElements(write.Value, out var elements))
        {
            return;
        }

        var known = elements.Select(e => e.Value as string).Where(v => v is not null).Select(v => v!).ToList();
        if (write.Property == "Add")
        {
            var dangerous = known.Where(c => !KubernetesValues.BaselineCapabilities.Contains(c)).ToList();
            if (dangerous.Count > 0)
            {
                Report(context, Descriptors.DangerousCapabilityAdded, write.Node.Syntax, Subject(write.Node), Describe(write, List(dangerous)), Fix(FixKinds.RemoveAssignment));
            }

            var beyondRestricted = known.Where(c => c != KubernetesValues.RestrictedAddableCapability).ToList();
            if (beyondRestricted.Count > 0)
            {
                Report(context, Descriptors.CapabilitiesNotDropped, write.Node.Syntax, Subject(write.Node), Describe(write, List(beyondRestricted)), Fix(FixKinds.RemoveAssignment));
            }
        }
        else if (write.Property == "Drop" && known.Count == elements.Count && !known.Contains("ALL"))
        {
            Report(context, Descriptors.CapabilitiesNotDropped, write.Node.Syntax, Subject(write.Node), Describe(write, List(known)), Replace("new[] { \"ALL\" }"));
        }
    }

    private static void CheckPodSpec(Action<Diagnostic> context, ModelWrite write)
    {
        switch (write.Property)
        {
            case "HostNetwork":
            case "HostPID":
            case "HostIPC":
                ReportIfBool(context, write, true, Descriptors.HostNamespaces);
                break;
            case "AutomountServiceAccountToken":
                ReportIfBool(context, write, true, Descriptors.ServiceAccountTokenAutomount);
                break;
            case "ServiceAccount":
                ReportIfString(context, write, v => v.Length > 0, Descriptors.DeprecatedServiceAccountField, null);
                break;
            case "ServiceAccountName":
                ReportIfString(context, write, v => v == "default", Descriptors.DefaultServiceAccount, null);
                break;
        }
    }

    private static void CheckContainerPort(Action<Diagnostic> context, ModelWrite write)
    {
        if (write.Property == "HostPort")
        {
            if (ValueResolver.TryGetInteger(write.Value, out var hostPort) && hostPort != 0)
            {
                Report(context, Descriptors.HostPort, write.Node.Syntax, Subject(write.Node), Describe(write, hostPort.ToString(CultureInfo.InvariantCulture)), Fix(FixKinds.RemoveAssignment));
            }

            return;
        }

        if (write.Property != "ContainerPort" || !ValueResolver.TryGetInteger(write.Value, out var port))
        {
            return;
        }

        var protocol = SiblingString(write, "Protocol");
        var text = port.ToString(CultureInfo.InvariantCulture);
        if (port == 22 && (protocol is null || protocol == "TCP"))
        {
            Report(context, Descriptors.SshPortExposed, write.Node.Syntax, Subject(write.Node), Describe(write, text), null);
        }

        if (port >= 1 && port <= 1023)
        {
            Report(context, Descriptors.PrivilegedPort, write.Node.Syntax, Subject(write.Node), Describe(write, text), null);
        }
    }

    private void CheckEnvValue(Action<Diagnostic> context, ModelWrite write)
    {
        var name = SiblingString(write, "Name");
        if (name is null || !ValueResolver.TryGetString(write.Value, out var value) || value is null)
        {
            return;
        }

        if (KubernetesValues.IsSecretLiteral(name, value, _options.SecretNamesFor(write.Node.Syntax.SyntaxTree)))
        {
            Report(context, Descriptors.SecretLiteralInEnv, write.Node.Syntax, name, "Value = \"...\"", null);
        }
    }

    private static void CheckPolicyRule(Action<Diagnostic> context, ModelWrite write)
    {
        if (write.Property != "Verbs" && write.Property != "Resources" && write.Property != "ApiGroups")
        {
            return;
        }

        if (!ValueResolver.TryGetElements(write.Value, out var elements))
        {
            return;
        }

        var values = new HashSet<string>(elements.Select(e => e.Value as string).Where(v => v is not null).Select(v => v!), StringComparer.Ordinal);
        var subject = Subject(write.Node);
        if (values.Contains("*"))
        {
            Report(context, Descriptors.WildcardRbacRule, write.Node.Syntax, subject, Describe(write, "\"*\""), null);
        }

        if (write.Property == "Verbs")
        {
            var escalation = values.Where(KubernetesValues.EscalationVerbs.Contains).OrderBy(v => v, StringComparer.Ordinal).ToList();
            if (escalation.Count > 0)
            {
                Report(context, Descriptors.RbacEscalationVerb, write.Node.Syntax, subject, Describe(write, List(escalation)), null);
            }

            return;
        }

        if (write.Property != "Resources")
        {
            return;
        }

        var exec = values.Where(KubernetesValues.PodExecResources.Contains).OrderBy(v => v, StringComparer.Ordinal).ToList();
        if (exec.Count > 0)
        {
            Report(context, Descriptors.PodExecAccess, write.Node.Syntax, subject, Describe(write, List(exec)), null);
        }

        if (values.Contains("nodes/proxy") || values.Contains("certificatesigningrequests/approval"))
        {
            Report(context, Descriptors.RbacEscalationResource, write.Node.Syntax, subject, Describe(write, List(values.Where(v => v == "nodes/proxy" || v == "certificatesigningrequests/approval"))), null);
        }

        // The rules below combine resources with verbs: only when the same initializer sets known verbs.
        var verbs = SiblingStrings(write, "Verbs");
        if (verbs is null)
        {
            return;
        }

        if (values.Contains("secrets") && verbs.Any(KubernetesValues.SecretReadVerbs.Contains))
        {
            Report(context, Descriptors.SecretsAccess, write.Node.Syntax, subject, Describe(write, "\"secrets\""), null);
        }

        var canCreate = verbs.Contains("create") || verbs.Contains("*");
        var creatable = values.Where(v => v != "*" && KubernetesValues.PodCreatingResources.Contains(v)).OrderBy(v => v, StringComparer.Ordinal).ToList();
        if (canCreate && creatable.Count > 0)
        {
            Report(context, Descriptors.WorkloadCreationAccess, write.Node.Syntax, subject, Describe(write, List(creatable)), null);
        }

        var escalating = new List<string>();
        if (canCreate && values.Contains("serviceaccounts/token"))
        {
            escalating.Add("serviceaccounts/token");
        }

        if (verbs.Any(KubernetesValues.WriteVerbs.Contains))
        {
            escalating.AddRange(values.Where(KubernetesValues.WebhookConfigurations.Contains).OrderBy(v => v, StringComparer.Ordinal));
        }

        if (escalating.Count > 0)
        {
            Report(context, Descriptors.RbacEscalationResource, write.Node.Syntax, subject, Describe(write, List(escalating)), null);
        }
    }

    /// <summary>SM4007 on <c>new V1Namespace { Metadata = new V1ObjectMeta { Labels = {known dictionary} } }</c>.</summary>
    private void CheckNamespaceLabels(Action<Diagnostic> context, ModelWrite write)
    {
        if (write.Siblings?.Parent is not IObjectCreationOperation meta
            || meta.Parent is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Metadata" } owner }
            || !_types.TryGetKind(owner.Property.ContainingType, out var ownerKind) || ownerKind != ModelKind.Namespace)
        {
            return;
        }

        if (!TryGetDictionary(ValueResolver.Unwrap(write.Value), out var labels))
        {
            return;
        }

        labels.TryGetValue(KubernetesValues.PodSecurityEnforceLabel, out var level);
        if (level is null || !KubernetesValues.EnforcingPodSecurityLevels.Contains(level))
        {
            var name = SiblingString(write, "Name") ?? "V1Namespace";
            Report(context, Descriptors.NamespaceWithoutPodSecurity, write.Node.Syntax, name,
                "Labels without " + KubernetesValues.PodSecurityEnforceLabel + (level is null ? string.Empty : " = " + Quote(level)), null);
        }
    }

    /// <summary>A dictionary creation whose keys and values are all known.</summary>
    private static bool TryGetDictionary(IOperation? operation, out Dictionary<string, string?> entries)
    {
        entries = new Dictionary<string, string?>(StringComparer.Ordinal);
        var initializer = operation switch
        {
            IObjectCreationOperation creation => creation.Initializer,
            IObjectOrCollectionInitializerOperation direct => direct,
            _ => null,
        };
        if (initializer is null)
        {
            return false;
        }

        foreach (var item in initializer.Initializers)
        {
            IOperation? key;
            IOperation? value;
            switch (item)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment:
                    key = indexer.Arguments[0].Value;
                    value = assignment.Value;
                    break;
                case IInvocationOperation { Arguments.Length: 2 } add:
                    key = add.Arguments[0].Value;
                    value = add.Arguments[1].Value;
                    break;
                default:
                    return false;
            }

            if (!ValueResolver.TryGetString(key, out var keyText) || keyText is null)
            {
                return false;
            }

            ValueResolver.TryGetString(value, out var valueText);
            entries[keyText] = valueText;
        }

        return true;
    }

    private static void ReportIfBool(Action<Diagnostic> context, ModelWrite write, bool unsafeValue, DiagnosticDescriptor descriptor)
    {
        if (ValueResolver.TryGetBool(write.Value, out var value) && value == unsafeValue)
        {
            var safe = unsafeValue ? "false" : "true";
            Report(context, descriptor, write.Node.Syntax, Subject(write.Node),
                write.Property + " = " + (unsafeValue ? "true" : "false") + "; set " + write.Property + " to " + safe,
                Replace(safe));
        }
    }

    private static void ReportIfString(Action<Diagnostic> context, ModelWrite write, Func<string, bool> isUnsafe, DiagnosticDescriptor descriptor, ImmutableDictionary<string, string?>? fix)
    {
        if (ValueResolver.TryGetString(write.Value, out var value) && value is not null && isUnsafe(value))
        {
            Report(context, descriptor, write.Node.Syntax, Subject(write.Node), Describe(write, Quote(value)), fix);
        }
    }

    /// <summary>A nested source object (hostPath, nfs, secretKeyRef, ...) that is set to anything but null.</summary>
    private static void ReportIfObject(Action<Diagnostic> context, ModelWrite write, DiagnosticDescriptor descriptor)
    {
        var value = ValueResolver.Unwrap(write.Value);
        if (value is null || (value.ConstantValue.HasValue && value.ConstantValue.Value is null) || value is IDefaultValueOperation)
        {
            return;
        }

        Report(context, descriptor, write.Node.Syntax, Subject(write.Node), write.Property + " is set", null);
    }

    private static void Report(Action<Diagnostic> context, DiagnosticDescriptor descriptor, SyntaxNode node, string subject, string found, ImmutableDictionary<string, string?>? properties)
    {
        context(Diagnostic.Create(descriptor, node.GetLocation(), properties, subject, found));
    }

    private static ImmutableDictionary<string, string?> Fix(string kind) =>
        ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Key, kind);

    private static ImmutableDictionary<string, string?> Replace(string safeValue) =>
        Fix(FixKinds.ReplaceValue).Add(FixKinds.SafeValueKey, safeValue);

    private static string Describe(ModelWrite write, string value) => write.Property + " = " + value;

    private static string Quote(string value) => "\"" + value + "\"";

    private static string List(IEnumerable<string> values) => "{ " + string.Join(", ", values.Select(Quote)) + " }";

    private static string? SiblingString(ModelWrite write, string property)
    {
        var sibling = write.Siblings is null ? null : FindMember(write.Siblings, property);
        return sibling is not null && ValueResolver.TryGetString(sibling, out var text) ? text : null;
    }

    private static List<string>? SiblingStrings(ModelWrite write, string property)
    {
        var sibling = write.Siblings is null ? null : FindMember(write.Siblings, property);
        return sibling is not null && ValueResolver.TryGetAllStrings(sibling, out var values) ? values : null;
    }

    private static IOperation? FindMember(IObjectOrCollectionInitializerOperation initializer, string property)
    {
        foreach (var item in initializer.Initializers)
        {
            switch (item)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment when target.Property.Name == property:
                    return assignment.Value;
                case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation target } member when target.Property.Name == property:
                    return member.Initializer;
            }
        }

        return null;
    }

    /// <summary>
    /// What the message calls the finding's owner: the nearest enclosing initializer's constant <c>Name</c>
    /// (the container, volume or object), else the model type being initialized.
    /// </summary>
    private static string Subject(IOperation operation)
    {
        string? fallback = null;
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IObjectOrCollectionInitializerOperation initializer && initializer.Parent is IObjectCreationOperation creation)
            {
                fallback ??= creation.Type?.Name;
                var name = FindMember(initializer, "Name");
                if (name is not null && ValueResolver.TryGetString(name, out var text) && !string.IsNullOrEmpty(text))
                {
                    return text!;
                }
            }
            else if (current is IBlockOperation || current is IMethodBodyBaseOperation)
            {
                break;
            }
        }

        if (fallback is null && operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property })
        {
            fallback = property.Property.ContainingType.Name;
        }

        return fallback ?? (operation.Type?.Name ?? "object");
    }

    /// <summary>One write of a value into a model property.</summary>
    private readonly struct ModelWrite
    {
        public ModelWrite(ModelKind kind, string property, IOperation value, IOperation node, IObjectOrCollectionInitializerOperation? siblings)
        {
            Kind = kind;
            Property = property;
            Value = value;
            Node = node;
            Siblings = siblings;
        }

        public ModelKind Kind { get; }

        public string Property { get; }

        public IOperation Value { get; }

        public IOperation Node { get; }

        public IObjectOrCollectionInitializerOperation? Siblings { get; }
    }
}
