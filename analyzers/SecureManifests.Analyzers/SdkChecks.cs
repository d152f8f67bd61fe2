using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureManifests.Rules;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Analyzers;

/// <summary>The per-compilation checks of <see cref="SdkApiAnalyzer"/>, one SDK call at a time.</summary>
internal sealed class SdkChecks
{
    private const string MutableImageTagRelaxation = "MutableImageTag";

    private readonly SdkTypes _types;
    private readonly AnalyzerOptionsCache _options;

    public SdkChecks(SdkTypes types, AnalyzerOptionsCache options)
    {
        _types = types;
        _options = options;
    }

    /// <summary>SDK method names the checks look at; any other call is dismissed from its syntax alone.</summary>
    private static readonly System.Collections.Generic.HashSet<string> CheckedMethods = new(System.StringComparer.Ordinal)
    {
        "AddDeployment", "AddStatefulSet", "AddDaemonSet", "AddJob", "AddCronJob", "AddNamespace", "WithSidecar",
        "WithInitContainer", "WithEnv", "WithRunAsUser", "WithPort", "Allow", "AllowCapability", "WithHostPort", "WithHostPathVolume",
    };

    public void AnalyzeInvocation(SyntaxNodeAnalysisContext context)
    {
        var syntax = (InvocationExpressionSyntax)context.Node;
        var called = syntax.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };
        if (called is null || !CheckedMethods.Contains(called)
            || (_options.ScreensEnabled && SdkCallScreen.IsSafe(called, syntax.ArgumentList, _options.SecretNamesFor(syntax.SyntaxTree)))
            || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation invocation)
        {
            return;
        }

        Analyze(context.ReportDiagnostic, invocation);
    }

    private void Analyze(System.Action<Diagnostic> context, IInvocationOperation invocation)
    {
        var owner = invocation.TargetMethod.ContainingType?.OriginalDefinition;
        if (owner is null)
        {
            return;
        }

        var name = invocation.TargetMethod.Name;
        if (SymbolEqualityComparer.Default.Equals(owner, _types.Namespace))
        {
            if (name.StartsWith("Add", System.StringComparison.Ordinal))
            {
                CheckImage(context, invocation);
            }
        }
        else if (SymbolEqualityComparer.Default.Equals(owner, _types.App))
        {
            if (name == "AddNamespace" && ValueResolver.TryGetString(Argument(invocation, "name"), out var ns) && Namespaces.IsDefault(ns))
            {
                Report(context, Descriptors.For(RuleIds.DefaultNamespace), Argument(invocation, "name")!.Parent!.Syntax, Namespaces.Default, "AddNamespace(" + Quote(Namespaces.Default) + ")", null);
            }
        }
        else if (SymbolEqualityComparer.Default.Equals(owner, _types.Workload) || SymbolEqualityComparer.Default.Equals(owner, _types.Container))
        {
            CheckFluentCall(context, invocation, name);
        }
        else if (SymbolEqualityComparer.Default.Equals(owner, _types.Defaults) && name == "Allow")
        {
            CheckAllow(context, invocation);
        }
    }

    private void CheckFluentCall(System.Action<Diagnostic> context, IInvocationOperation invocation, string name)
    {
        switch (name)
        {
            case "WithSidecar":
            case "WithInitContainer":
                CheckImage(context, invocation);
                break;
            case "WithEnv":
                CheckEnv(context, invocation);
                break;
            case "WithRunAsUser":
                if (ValueResolver.TryGetInteger(Argument(invocation, "userId"), out var user) && user == 0)
                {
                    Report(context, Descriptors.For(RuleIds.RunAsRootUser), Argument(invocation, "userId")!.Parent!.Syntax, WorkloadName(invocation), "WithRunAsUser(0)", null);
                }

                break;
            case "WithPort":
                CheckPort(context, invocation);
                break;
            case "Allow":
                CheckAllow(context, invocation);
                break;
            case "AllowCapability":
                if (IsEmptyReason(invocation))
                {
                    ValueResolver.TryGetString(Argument(invocation, "capability"), out var capability);
                    var descriptor = capability is not null && Capabilities.IsBaselineAddable(capability)
                        ? Descriptors.ReasonRequired(RuleIds.CapabilitiesNotDropped)
                        : Descriptors.ReasonRequired(RuleIds.DangerousCapabilityAdded);
                    ReportEmptyReason(context, invocation, descriptor, "AllowCapability(" + Quote(capability ?? "?") + ")");
                }

                break;
            case "WithHostPort":
                if (IsEmptyReason(invocation))
                {
                    ReportEmptyReason(context, invocation, Descriptors.ReasonRequired(RuleIds.HostPort), "WithHostPort");
                }

                break;
            case "WithHostPathVolume":
                if (IsEmptyReason(invocation))
                {
                    ReportEmptyReason(context, invocation, Descriptors.ReasonRequired(RuleIds.HostPathVolume), "WithHostPathVolume");
                }

                break;
        }
    }

    private void CheckImage(System.Action<Diagnostic> context, IInvocationOperation invocation)
    {
        var image = Argument(invocation, "image");
        if (image is null || !ValueResolver.TryGetString(image, out var text) || text is null || !ImageReference.Parse(text).IsMutable)
        {
            return;
        }

        if (IsMutableTagRelaxed(invocation))
        {
            return;
        }

        ValueResolver.TryGetString(Argument(invocation, "name"), out var container);
        Report(context, Descriptors.For(RuleIds.MutableImageTag), image.Parent!.Syntax, container ?? invocation.TargetMethod.Name, "image = " + Quote(text), null);
    }

    private void CheckEnv(System.Action<Diagnostic> context, IInvocationOperation invocation)
    {
        var value = Argument(invocation, "value");
        if (value is null || value.Type?.SpecialType != SpecialType.System_String)
        {
            return;
        }

        if (ValueResolver.TryGetString(Argument(invocation, "name"), out var name) && name is not null
            && ValueResolver.TryGetString(value, out var literal) && literal is not null
            && SecretHeuristics.IsSecretLiteralEnv(name, literal, _options.SecretNamesFor(invocation.Syntax.SyntaxTree)))
        {
            Report(context, Descriptors.For(RuleIds.SecretLiteralInEnv), value.Parent!.Syntax, name, "WithEnv(" + Quote(name) + ", \"...\")", null);
        }
    }

    private static void CheckPort(System.Action<Diagnostic> context, IInvocationOperation invocation)
    {
        var port = Argument(invocation, "port");
        if (!ValueResolver.TryGetInteger(port, out var number) || number != Ports.Ssh)
        {
            return;
        }

        var protocol = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "protocol");
        if (protocol is not null && protocol.ArgumentKind == ArgumentKind.Explicit && EnumMemberName(protocol.Value) is { } kind && kind != "Tcp")
        {
            return;
        }

        ValueResolver.TryGetString(Argument(invocation, "name"), out var portName);
        Report(context, Descriptors.For(RuleIds.SshPortExposed), port!.Parent!.Syntax, WorkloadName(invocation),
            "WithPort(" + Quote(portName ?? "?") + ", " + number.ToString(CultureInfo.InvariantCulture) + ")", null);
    }

    private static void CheckAllow(System.Action<Diagnostic> context, IInvocationOperation invocation)
    {
        if (!IsEmptyReason(invocation))
        {
            return;
        }

        var relaxation = EnumMemberName(Argument(invocation, "relaxation"));
        var descriptor = relaxation switch
        {
            "Privileged" => Descriptors.ReasonRequired(RuleIds.PrivilegedContainer),
            "HostNetwork" or "HostPid" or "HostIpc" => Descriptors.ReasonRequired(RuleIds.HostNamespaces),
            "WritableRootFilesystem" => Descriptors.ReasonRequired(RuleIds.WritableRootFilesystem),
            "PrivilegeEscalation" => Descriptors.ReasonRequired(RuleIds.PrivilegeEscalationAllowed),
            "RunAsRoot" => Descriptors.ReasonRequired(RuleIds.RunAsNonRootNotSet),
            "ServiceAccountToken" => Descriptors.ReasonRequired(RuleIds.ServiceAccountTokenAutomount),
            "UnconfinedSeccomp" => Descriptors.ReasonRequired(RuleIds.SeccompUnconfined),
            MutableImageTagRelaxation => Descriptors.ReasonRequired(RuleIds.MutableImageTag),
            _ => null,
        };
        if (descriptor is not null)
        {
            ReportEmptyReason(context, invocation, descriptor, "Allow(Relaxation." + relaxation + ")");
        }
    }

    /// <summary>The reason is a known constant that is empty or white space (unknown reasons are trusted).</summary>
    private static bool IsEmptyReason(IInvocationOperation invocation) =>
        ValueResolver.TryGetConstant(Argument(invocation, "reason"), out var value) && (value is null || (value is string text && string.IsNullOrWhiteSpace(text)));

    private static void ReportEmptyReason(System.Action<Diagnostic> context, IInvocationOperation invocation, DiagnosticDescriptor descriptor, string call)
    {
        var reason = Argument(invocation, "reason")!.Parent!.Syntax;
        context(Diagnostic.Create(descriptor, reason.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Key, FixKinds.RemoveRelaxation), call));
    }

    /// <summary>
    /// A mutable image is fine when the workload relaxes SM2001 with a reason: in the same fluent chain, on the
    /// local the chain is stored in, or on the namespace's or app's defaults in the same member.
    /// </summary>
    private bool IsMutableTagRelaxed(IInvocationOperation invocation)
    {
        IOperation top = invocation;
        while (true)
        {
            var parent = top.Parent;
            while (parent is IConversionOperation || parent is IParenthesizedOperation)
            {
                top = parent;
                parent = parent.Parent;
            }

            if (parent is not IInvocationOperation outer || outer.Instance != top)
            {
                break;
            }

            if (RelaxesMutableTag(outer))
            {
                return true;
            }

            top = outer;
        }

        ILocalSymbol? local = null;
        for (var receiver = invocation.Instance; receiver is not null;)
        {
            receiver = ValueResolver.Unwrap(receiver);
            if (receiver is IInvocationOperation inner)
            {
                if (RelaxesMutableTag(inner))
                {
                    return true;
                }

                receiver = inner.Instance;
            }
            else
            {
                local = (receiver as ILocalReferenceOperation)?.Local;
                break;
            }
        }

        // The namespace a workload is added to is shared with other workloads: its other chains do not count.
        if (local is not null && SymbolEqualityComparer.Default.Equals(local.Type.OriginalDefinition, _types.Namespace))
        {
            local = null;
        }

        var stored = top.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => target.Local,
            _ => null,
        };

        var root = invocation;
        IOperation cursor = invocation;
        while (cursor.Parent is not null)
        {
            cursor = cursor.Parent;
        }

        foreach (var other in cursor.Descendants().OfType<IInvocationOperation>())
        {
            if (other == root || !RelaxesMutableTag(other))
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(other.TargetMethod.ContainingType?.OriginalDefinition, _types.Defaults))
            {
                return true;
            }

            for (var receiver = other.Instance; receiver is not null;)
            {
                receiver = ValueResolver.Unwrap(receiver);
                if (receiver is ILocalReferenceOperation reference)
                {
                    if ((local is not null && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                        || (stored is not null && SymbolEqualityComparer.Default.Equals(reference.Local, stored)))
                    {
                        return true;
                    }

                    break;
                }

                receiver = (receiver as IInvocationOperation)?.Instance;
            }
        }

        return false;
    }

    private bool RelaxesMutableTag(IInvocationOperation invocation)
    {
        var owner = invocation.TargetMethod.ContainingType?.OriginalDefinition;
        return invocation.TargetMethod.Name == "Allow"
            && (SymbolEqualityComparer.Default.Equals(owner, _types.Workload) || SymbolEqualityComparer.Default.Equals(owner, _types.Defaults))
            && EnumMemberName(Argument(invocation, "relaxation")) == MutableImageTagRelaxation
            && !IsEmptyReason(invocation);
    }

    /// <summary>The workload's name from the <c>AddXxx(name, ...)</c> call at the start of the fluent chain.</summary>
    private static string WorkloadName(IInvocationOperation invocation)
    {
        for (var receiver = invocation.Instance; receiver is not null;)
        {
            receiver = ValueResolver.Unwrap(receiver);
            if (receiver is not IInvocationOperation inner)
            {
                break;
            }

            if (inner.TargetMethod.Name.StartsWith("Add", System.StringComparison.Ordinal)
                && ValueResolver.TryGetString(Argument(inner, "name"), out var name) && name is not null)
            {
                return name;
            }

            receiver = inner.Instance;
        }

        return SecureManifests.Analyzers.Report.Subjects.Unnamed;
    }

    private static string? EnumMemberName(IOperation? operation)
    {
        operation = ValueResolver.Unwrap(operation);
        if (operation is IFieldReferenceOperation field && field.Field.ContainingType?.TypeKind == TypeKind.Enum)
        {
            return field.Field.Name;
        }

        if (operation?.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType && ValueResolver.TryGetConstant(operation, out var value))
        {
            return enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value))?.Name;
        }

        return null;
    }

    private static IOperation? Argument(IInvocationOperation invocation, string parameter)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameter)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static void Report(System.Action<Diagnostic> context, DiagnosticDescriptor descriptor, SyntaxNode node, string subject, string found, ImmutableDictionary<string, string?>? properties) =>
        context(Diagnostic.Create(descriptor, node.GetLocation(), properties, subject, found));

    private static string Quote(string value) => "\"" + value + "\"";
}
