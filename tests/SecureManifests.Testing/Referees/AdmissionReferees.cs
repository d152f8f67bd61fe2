using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecureManifests.Tests.Infrastructure;

namespace SecureManifests.Tests.Referees;

/// <summary>
/// Judges ValidatingAdmissionPolicies (<c>admissionregistration.k8s.io/v1</c>), alone or through their bindings,
/// the way the API server decides a CREATE, with three independent CEL engines: the NuGet <c>Cel</c> package in this process, and
/// <c>@bufbuild/cel</c> and <c>@marcbachmann/cel-js</c> through <c>tests/referees/evaluate-policy.mjs</c>
/// (whose header describes the decision and what each engine supports). The policy text is parsed once here and
/// every engine gets the same tree.
/// </summary>
public static class AdmissionReferees
{
    private const string InstallCommand = "npm ci --no-audit --no-fund";
    private static readonly TimeSpan EvaluateTimeout = TimeSpan.FromMinutes(2);
    private static readonly string[] NodePackages = ["@bufbuild/cel", "@marcbachmann/cel-js", "yaml"];

    /// <summary>Every engine, for tests that ask all three.</summary>
    public static IReadOnlyList<AdmissionEngine> Engines { get; } = [AdmissionEngine.CelNet, AdmissionEngine.Bufbuild, AdmissionEngine.CelJs];

    /// <summary><c>tests/referees</c>, where the node engines live.</summary>
    public static string NodeFolder => Path.Combine(TestPaths.RepositoryRoot, "tests", "referees");

    /// <summary>Why the node engines cannot run (their npm packages are not installed), or null when they can.</summary>
    public static string? NodeEnginesMissing
    {
        get
        {
            var missing = NodePackages.Where(p => !File.Exists(Path.Combine(NodeFolder, "node_modules", p, "package.json"))).ToList();
            return missing.Count == 0
                ? null
                : $"The admission referees' npm packages ({string.Join(", ", missing)}) are not installed: run `{InstallCommand}` in {NodeFolder}.";
        }
    }

    /// <summary>The NuGet <c>Cel</c> 0.3.3 engine's verdict, computed in this process.</summary>
    public static AdmissionVerdict CelNet(string policy, string objectJson, string? namespaceObjectJson = null) =>
        Evaluate(AdmissionEngine.CelNet, new AdmissionCase(policy, objectJson, namespaceObjectJson));

    /// <summary>The <c>@bufbuild/cel</c> 0.6.1 engine's verdict (one node process).</summary>
    public static AdmissionVerdict Bufbuild(string policy, string objectJson, string? namespaceObjectJson = null) =>
        Evaluate(AdmissionEngine.Bufbuild, new AdmissionCase(policy, objectJson, namespaceObjectJson));

    /// <summary>The <c>@marcbachmann/cel-js</c> 8.0.0 engine's verdict (one node process).</summary>
    public static AdmissionVerdict CelJs(string policy, string objectJson, string? namespaceObjectJson = null) =>
        Evaluate(AdmissionEngine.CelJs, new AdmissionCase(policy, objectJson, namespaceObjectJson));

    /// <summary>One engine's verdict on one case.</summary>
    public static AdmissionVerdict Evaluate(AdmissionEngine engine, AdmissionCase admissionCase) =>
        EvaluateAll([(engine, admissionCase)])[0];

    /// <summary>
    /// The verdicts on many questions, in order. All node questions go to one node process, so a test can ask
    /// hundreds of cases of both node engines for the price of one start.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// A referee could not judge at all (node or its packages missing, a kind outside the referee's table, a
    /// malformed policy). Never reported as a verdict, so no test passes by it.
    /// </exception>
    public static IReadOnlyList<AdmissionVerdict> EvaluateAll(IReadOnlyList<(AdmissionEngine Engine, AdmissionCase Case)> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var verdicts = new AdmissionVerdict[questions.Count];
        var nodeIndexes = new List<int>();
        var nodeCases = new JsonArray();
        for (var i = 0; i < questions.Count; i++)
        {
            var (engine, question) = questions[i];
            var policy = PolicyDocument.Parse(question.Policy);
            var subject = ParseJson(question.ObjectJson, "object");
            var namespaceObject = question.NamespaceObjectJson is null ? null : ParseJson(question.NamespaceObjectJson, "namespaceObject");
            var userInfo = question.UserInfoJson is null ? null : ParseJson(question.UserInfoJson, "userInfo");
            var bindings = question.Bindings?.Select(b => PolicyDocument.Parse(b, PolicyDocument.BindingKind)).ToList();
            if (engine == AdmissionEngine.CelNet)
            {
                verdicts[i] = CelNetAdmissionEvaluator.Decide(policy, subject, namespaceObject, bindings, userInfo);
                continue;
            }

            nodeIndexes.Add(i);
            nodeCases.Add(new JsonObject
            {
                ["policy"] = policy,
                ["bindings"] = bindings is null ? null : new JsonArray([.. bindings]),
                ["object"] = subject,
                ["namespaceObject"] = namespaceObject,
                ["userInfo"] = userInfo,
                ["engine"] = engine == AdmissionEngine.Bufbuild ? "bufbuild" : "cel-js",
            });
        }

        if (nodeIndexes.Count > 0)
        {
            var nodeVerdicts = RunNode(nodeCases);
            for (var k = 0; k < nodeIndexes.Count; k++)
            {
                verdicts[nodeIndexes[k]] = nodeVerdicts[k];
            }
        }

        return verdicts;
    }

    private static List<AdmissionVerdict> RunNode(JsonArray cases)
    {
        if (NodeEnginesMissing is { } missing)
        {
            throw new InvalidOperationException(missing);
        }

        using var folder = new TemporaryFolder();
        var input = folder.Write("cases.json", cases.ToJsonString());
        var result = ProcessRunner.Run(
            "node",
            [Path.Combine(NodeFolder, "evaluate-policy.mjs"), input],
            NodeFolder,
            EvaluateTimeout,
            "The admission referees need Node.js 20 or later on PATH.");
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The node admission referee could not judge: " + result.Describe());
        }

        var verdicts = JsonNode.Parse(result.StandardOutput)?.AsArray()
            ?? throw new InvalidOperationException("The node admission referee printed no verdicts: " + result.Describe());
        if (verdicts.Count != cases.Count)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The node admission referee gave {verdicts.Count} verdicts for {cases.Count} cases: {result.Describe()}"));
        }

        return verdicts.Select(ReadVerdict).ToList();
    }

    private static AdmissionVerdict ReadVerdict(JsonNode? verdict)
    {
        var failures = verdict!["failures"]!.AsArray()
            .Select(f => new AdmissionFailure(
                f!["message"]!.GetValue<string>(),
                f["expression"]!.GetValue<string>(),
                f["error"]?.GetValue<string>()))
            .ToList();
        return new AdmissionVerdict(verdict["admitted"]!.GetValue<bool>(), verdict["matched"]!.GetValue<bool>(), failures)
        {
            Warnings = verdict["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ToList(),
            AuditRecords = verdict["auditRecords"]!.AsArray().Select(a => a!.GetValue<string>()).ToList(),
        };
    }

    private static JsonNode ParseJson(string json, string what)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject
                ?? throw new InvalidOperationException($"The admission referee's {what} is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The admission referee's {what} is not JSON: {e.Message}", e);
        }
    }
}
