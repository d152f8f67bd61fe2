namespace SecureManifests.Tests.Referees;

/// <summary>The three independent CEL engines that judge a ValidatingAdmissionPolicy.</summary>
public enum AdmissionEngine
{
    /// <summary>The NuGet package <c>Cel</c> 0.3.3, in this process.</summary>
    CelNet,

    /// <summary><c>@bufbuild/cel</c> 0.6.1 with its strings extension, through node.</summary>
    Bufbuild,

    /// <summary><c>@marcbachmann/cel-js</c> 8.0.0, through node.</summary>
    CelJs,
}

/// <summary>One validation that denied the object, or an expression that could not be evaluated.</summary>
/// <param name="Message">The validation's message (or <c>expression could not be evaluated</c>).</param>
/// <param name="Expression">The CEL expression, as written in the policy.</param>
/// <param name="Error">The engine's own error text when the expression could not be evaluated; differs per engine.</param>
public sealed record AdmissionFailure(string Message, string Expression, string? Error = null)
{
    /// <summary>What every engine must agree on: message and expression, not the engine's error wording.</summary>
    public string Agreed => (Error is null ? "" : "error: ") + Message + " <- " + Expression;
}

/// <summary>The API server's decision on a CREATE, as one engine computed it.</summary>
/// <param name="Admitted">True when the object is admitted.</param>
/// <param name="Matched">
/// False when the policy does not apply: matchConstraints or matchConditions leave the object out, or (with bindings)
/// no binding names the policy and selects the request.
/// </param>
/// <param name="Failures">The failed validations, in policy order.</param>
public sealed record AdmissionVerdict(bool Admitted, bool Matched, IReadOnlyList<AdmissionFailure> Failures)
{
    /// <summary>The warnings returned to the client, one per failure of each Warn binding, in the API server's wording.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The audit records, <c>policy binding: message</c>, one per failure of each Audit binding.</summary>
    public IReadOnlyList<string> AuditRecords { get; init; } = [];

    /// <summary>A one-line account for assertion messages and engine comparisons.</summary>
    public override string ToString() =>
        (Admitted ? "admitted" : "denied") + (Matched ? "" : " (not matched)") +
        string.Concat(Failures.Select(f => "; " + f.Agreed)) +
        string.Concat(Warnings.Select(w => "; warning: " + w)) +
        string.Concat(AuditRecords.Select(a => "; audit: " + a));
}

/// <summary>One question for a referee: does <paramref name="Policy"/> admit <paramref name="ObjectJson"/> on CREATE?</summary>
/// <param name="Policy">The ValidatingAdmissionPolicy as YAML or JSON.</param>
/// <param name="ObjectJson">The object (Pod, Deployment, Role...) as JSON, as the API server sees it after defaulting.</param>
/// <param name="NamespaceObjectJson">
/// The object's Namespace as JSON, bound as <c>namespaceObject</c> and matched by namespaceSelectors; null when absent.
/// </param>
/// <param name="UserInfoJson">Who sends the request, <c>{ "username", "groups" }</c> as JSON; null for a plain authenticated user.</param>
public sealed record AdmissionCase(string Policy, string ObjectJson, string? NamespaceObjectJson = null, string? UserInfoJson = null)
{
    /// <summary>
    /// The ValidatingAdmissionPolicyBindings in the cluster, each as YAML or JSON: the policy then applies only through
    /// those that name it and select the request, and their validationActions decide. Null judges the policy alone,
    /// as if bound everywhere with Deny.
    /// </summary>
    public IReadOnlyList<string>? Bindings { get; init; }
}
