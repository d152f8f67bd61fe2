namespace SecureManifests.Tests.Referees;

/// <summary>
/// The ValidatingAdmissionPolicies and bindings of a file or folder of YAML (an app's <c>_admission/</c>, the CLI's
/// output), put to the referees as the API server decides a request: every policy through every binding, and the
/// request is denied when any policy denies it.
/// </summary>
public sealed class AdmissionDocuments
{
    private AdmissionDocuments(IReadOnlyList<(string Name, string Json)> policies, IReadOnlyList<string> bindings)
    {
        Policies = policies;
        Bindings = bindings;
    }

    /// <summary>Each policy's name and its document as JSON.</summary>
    public IReadOnlyList<(string Name, string Json)> Policies { get; }

    /// <summary>Each binding as JSON.</summary>
    public IReadOnlyList<string> Bindings { get; }

    /// <summary>The documents of <paramref name="path"/>: a YAML file, or a folder searched recursively (kustomization files skipped).</summary>
    /// <exception cref="InvalidOperationException">A document is neither a policy nor a binding, or there is no policy.</exception>
    public static AdmissionDocuments Load(string path)
    {
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.y*ml", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith("kustomization.", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [path];
        var policies = new List<(string, string)>();
        var bindings = new List<string>();
        foreach (var document in files.SelectMany(f => PolicyDocument.ParseAll(File.ReadAllText(f))))
        {
            switch (document["kind"]?.GetValue<string>())
            {
                case PolicyDocument.PolicyKind:
                    policies.Add((document["metadata"]?["name"]?.GetValue<string>() ?? "", document.ToJsonString()));
                    break;
                case PolicyDocument.BindingKind:
                    bindings.Add(document.ToJsonString());
                    break;
                case var other:
                    throw new InvalidOperationException($"{path} holds a {other}, not only policies and bindings.");
            }
        }

        return policies.Count == 0
            ? throw new InvalidOperationException($"{path} holds no ValidatingAdmissionPolicy: a test could pass by it.")
            : new AdmissionDocuments(policies, bindings);
    }

    /// <summary>Every engine's verdict on every request (requests outer, engines inner), with one node process for all.</summary>
    public IReadOnlyList<AdmissionRequestVerdict> Judge(IReadOnlyList<AdmissionRequest> requests, IReadOnlyList<AdmissionEngine> engines)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(engines);
        var questions = (
            from request in requests
            from engine in engines
            from policy in Policies
            select (engine, new AdmissionCase(policy.Json, request.ObjectJson, request.NamespaceObjectJson) { Bindings = Bindings })).ToList();
        var verdicts = AdmissionReferees.EvaluateAll(questions);
        var result = new List<AdmissionRequestVerdict>(requests.Count * engines.Count);
        var next = 0;
        foreach (var request in requests)
        {
            foreach (var engine in engines)
            {
                result.Add(new AdmissionRequestVerdict(engine, Policies.Select(p => (p.Name, verdicts[next++])).ToList()));
            }
        }

        return result;
    }
}

/// <summary>One request: an object, as JSON, and its Namespace (null for cluster-scoped objects and Namespaces).</summary>
public sealed record AdmissionRequest(string ObjectJson, string? NamespaceObjectJson);

/// <summary>One engine's decision on one request under a whole set of policies and bindings.</summary>
public sealed record AdmissionRequestVerdict(AdmissionEngine Engine, IReadOnlyList<(string Policy, AdmissionVerdict Verdict)> PerPolicy)
{
    /// <summary>No policy denied the request.</summary>
    public bool Admitted => PerPolicy.All(p => p.Verdict.Admitted);

    /// <summary>The policies that applied to the request (through a binding that selects it).</summary>
    public IReadOnlyList<string> Matched => PerPolicy.Where(p => p.Verdict.Matched).Select(p => p.Policy).ToList();

    /// <summary>The policies that denied it.</summary>
    public IReadOnlyList<string> DeniedBy => PerPolicy.Where(p => !p.Verdict.Admitted).Select(p => p.Policy).ToList();

    /// <summary>The warnings returned to the client, by policy order.</summary>
    public IReadOnlyList<string> Warnings => PerPolicy.SelectMany(p => p.Verdict.Warnings).ToList();

    /// <summary>A one-line account for assertion messages.</summary>
    public override string ToString() =>
        Engine + ": " + (Admitted ? "admitted" : "denied by " + string.Join(", ", DeniedBy)) +
        "; matched: [" + string.Join(", ", Matched) + "]" +
        string.Concat(PerPolicy.Where(p => p.Verdict.Matched && p.Verdict.Failures.Count > 0).Select(p => "; " + p.Policy + ": " + p.Verdict));
}
