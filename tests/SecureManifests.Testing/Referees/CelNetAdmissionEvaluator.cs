using System.Collections;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cel;

namespace SecureManifests.Tests.Referees;

/// <summary>
/// The in-process referee: the decision of <c>tests/referees/evaluate-policy.mjs</c> (matchConstraints,
/// matchConditions, variables, validations; see its header), written again in C# over the NuGet <c>Cel</c> 0.3.3
/// engine, so that this engine shares no code with the node ones.
/// </summary>
/// <remarks>
/// Cel 0.3.3 has the standard macros (<c>all</c>, <c>exists</c>, <c>exists_one</c>, 2-argument <c>map</c>,
/// <c>filter</c>), <c>has()</c>, <c>in</c>, <c>size</c>, and of the strings functions only <c>startsWith</c>,
/// <c>endsWith</c>, <c>contains</c> and <c>matches</c> (.NET regex, not RE2). It lacks the 3-argument
/// <c>map(x, predicate, transform)</c> and the rest of the strings extension; the latter is registered here
/// (<see cref="RegisterStringsExtension"/>). Maps must be <c>Dictionary&lt;string, object?&gt;</c>, lists
/// <c>object?[]</c>, ints <c>long</c>.
/// </remarks>
internal static class CelNetAdmissionEvaluator
{
    private const string NotEvaluated = "expression could not be evaluated";

    // kind -> (group, resource, namespaced); the same table as evaluate-policy.mjs.
    private static readonly Dictionary<string, (string Group, string Resource, bool Namespaced)> Resources = new(StringComparer.Ordinal)
    {
        ["Pod"] = ("", "pods", true),
        ["PodTemplate"] = ("", "podtemplates", true),
        ["ReplicationController"] = ("", "replicationcontrollers", true),
        ["Service"] = ("", "services", true),
        ["ServiceAccount"] = ("", "serviceaccounts", true),
        ["ConfigMap"] = ("", "configmaps", true),
        ["Secret"] = ("", "secrets", true),
        ["PersistentVolumeClaim"] = ("", "persistentvolumeclaims", true),
        ["PersistentVolume"] = ("", "persistentvolumes", false),
        ["StorageClass"] = ("storage.k8s.io", "storageclasses", false),
        ["Namespace"] = ("", "namespaces", false),
        ["Event"] = ("", "events", true),
        ["Lease"] = ("coordination.k8s.io", "leases", true),
        ["Deployment"] = ("apps", "deployments", true),
        ["StatefulSet"] = ("apps", "statefulsets", true),
        ["DaemonSet"] = ("apps", "daemonsets", true),
        ["ReplicaSet"] = ("apps", "replicasets", true),
        ["Job"] = ("batch", "jobs", true),
        ["CronJob"] = ("batch", "cronjobs", true),
        ["Ingress"] = ("networking.k8s.io", "ingresses", true),
        ["NetworkPolicy"] = ("networking.k8s.io", "networkpolicies", true),
        ["Role"] = ("rbac.authorization.k8s.io", "roles", true),
        ["RoleBinding"] = ("rbac.authorization.k8s.io", "rolebindings", true),
        ["ClusterRole"] = ("rbac.authorization.k8s.io", "clusterroles", false),
        ["ClusterRoleBinding"] = ("rbac.authorization.k8s.io", "clusterrolebindings", false),
    };

    // Who sends a request when the case does not say: a plain authenticated user, as in evaluate-policy.mjs.
    private const string DefaultUser = """{ "username": "developer", "groups": ["system:authenticated"] }""";

    // Where kubectl sends a namespaced object that names no namespace: the context's namespace, here default.
    private const string DefaultNamespace = "default";

    private static readonly Lazy<CelEnvironment> Environment = new(CreateEnvironment, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The decision on <paramref name="given"/>: by the policy alone when <paramref name="bindings"/> is null
    /// (as if one binding denied everywhere), else by the bindings that name the policy and select the request.</summary>
    public static AdmissionVerdict Decide(JsonObject policy, JsonNode given, JsonNode? namespaceObject, IReadOnlyList<JsonObject>? bindings = null, JsonNode? userInfo = null)
    {
        var spec = policy["spec"] as JsonObject ?? [];
        var (group, version, resource, namespaced) = ResourceOf(given);
        var subject = Placed(given, namespaced);
        if (!ConstraintsMatch(spec["matchConstraints"], subject, namespaceObject, group, version, resource, namespaced, rulesRequired: true))
        {
            return NotMatched;
        }

        List<JsonObject>? bound = null;
        if (bindings is not null)
        {
            // As the API server: a binding applies when it names the policy and its matchResources (intersected with
            // the policy's matchConstraints; unset resourceRules constrain nothing) select the request.
            var policyName = Text(policy["metadata"]?["name"]);
            bound = bindings.Where(b => Text(b["spec"]?["policyName"]) == policyName &&
                ConstraintsMatch(b["spec"]?["matchResources"], subject, namespaceObject, group, version, resource, namespaced, rulesRequired: false)).ToList();
            if (bound.Count == 0)
            {
                return NotMatched;
            }
        }

        var (matched, failures) = Validate(spec, subject, namespaceObject, group, version, resource, namespaced, userInfo);
        if (!matched)
        {
            return NotMatched;
        }

        return bound is null ? new AdmissionVerdict(failures.Count == 0, true, failures) : Enact(Text(policy["metadata"]?["name"]) ?? "", bound, failures);
    }

    private static AdmissionVerdict NotMatched => new(true, false, []);

    // Each bound binding's validationActions decide what its failures do: Deny rejects, Warn returns a warning to the
    // client (the API server's wording), Audit adds a record to the audit event.
    private static AdmissionVerdict Enact(string policyName, List<JsonObject> bound, List<AdmissionFailure> failures)
    {
        var denied = false;
        var warnings = new List<string>();
        var audits = new List<string>();
        foreach (var binding in bound)
        {
            var bindingName = Text(binding["metadata"]?["name"]) ?? "";
            var actions = Strings(binding["spec"]?["validationActions"]);
            if (actions.Count == 0 || (actions.Contains("Deny") && actions.Contains("Warn")))
            {
                throw new InvalidOperationException($"binding {bindingName}: validationActions must be one or more of Deny, Warn, Audit, not Deny with Warn");
            }

            foreach (var action in actions)
            {
                switch (action)
                {
                    case "Deny":
                        denied |= failures.Count > 0;
                        break;
                    case "Warn":
                        warnings.AddRange(failures.Select(f => $"Validation failed for ValidatingAdmissionPolicy '{policyName}' with binding '{bindingName}': {f.Message}"));
                        break;
                    case "Audit":
                        audits.AddRange(failures.Select(f => $"{policyName} {bindingName}: {f.Message}"));
                        break;
                    default:
                        throw new InvalidOperationException($"binding {bindingName}: validation action {action} is not Deny, Warn or Audit");
                }
            }
        }

        return new AdmissionVerdict(!denied, true, failures) { Warnings = warnings, AuditRecords = audits };
    }

    // matchConditions, variables and validations: whether the conditions let the object in, and what failed.
    private static (bool Matched, List<AdmissionFailure> Failures) Validate(
        JsonObject spec, JsonNode subject, JsonNode? namespaceObject, string group, string version, string resource, bool namespaced, JsonNode? userInfo)
    {
        var ignoreErrors = Text(spec["failurePolicy"]) == "Ignore";
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        var bindings = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["object"] = ToCel(subject),
            ["oldObject"] = null,
            ["namespaceObject"] = ToCel(namespaceObject),
            ["request"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["operation"] = "CREATE",
                ["kind"] = new Dictionary<string, object?> { ["group"] = group, ["version"] = version, ["kind"] = Text(subject["kind"]) },
                ["resource"] = new Dictionary<string, object?> { ["group"] = group, ["version"] = version, ["resource"] = resource },
                ["name"] = Text(subject["metadata"]?["name"]) ?? "",
                ["namespace"] = namespaced ? Text(subject["metadata"]?["namespace"]) : "",
                ["userInfo"] = ToCel(userInfo ?? JsonNode.Parse(DefaultUser)),
                ["dryRun"] = false,
            },
            ["variables"] = variables,
        };
        var brokenVariables = new Dictionary<string, string>(StringComparer.Ordinal);
        var failures = new List<AdmissionFailure>();

        (object? Value, string? Error) Evaluate(string expression)
        {
            // As in the API server, a variable that errors fails only the expressions that use it.
            foreach (var (name, error) in brokenVariables)
            {
                if (Regex.IsMatch(expression, @"\bvariables\s*\.\s*" + Regex.Escape(name) + @"\b"))
                {
                    return (null, $"variables.{name}: {error}");
                }
            }

            try
            {
                return (Environment.Value.Program(expression, bindings), null);
            }
#pragma warning disable CA1031 // Any engine exception is the expression's error, reported in the verdict.
            catch (Exception e)
#pragma warning restore CA1031
            {
                return (null, e.GetType().Name + ": " + e.Message);
            }
        }

        void Fail(string expression, string error)
        {
            if (!ignoreErrors)
            {
                failures.Add(new AdmissionFailure(NotEvaluated, expression, error));
            }
        }

        var conditions = Items(spec["matchConditions"]).Select(c => (Expression: Text(c["expression"]) ?? "", Result: Evaluate(Text(c["expression"]) ?? ""))).ToList();
        if (conditions.Any(c => c.Result.Value is false))
        {
            return (false, []);
        }

        var broken = conditions.Where(c => c.Result.Value is not bool).ToList();
        if (broken.Count > 0)
        {
            foreach (var (expression, result) in broken)
            {
                Fail(expression, result.Error ?? "matchCondition is not a bool");
            }

            return (true, failures);
        }

        foreach (var variable in Items(spec["variables"]))
        {
            var name = Text(variable["name"]) ?? "";
            var (value, error) = Evaluate(Text(variable["expression"]) ?? "");
            if (error is null)
            {
                variables[name] = value;
            }
            else
            {
                brokenVariables[name] = error;
            }
        }

        foreach (var validation in Items(spec["validations"]))
        {
            var expression = Text(validation["expression"]) ?? "";
            var (value, error) = Evaluate(expression);
            if (value is not bool passed)
            {
                Fail(expression, error ?? "validation is not a bool");
            }
            else if (!passed)
            {
                var message = Text(validation["message"]) ?? "failed expression: " + expression;
                if (Text(validation["messageExpression"]) is { } messageExpression &&
                    Evaluate(messageExpression).Value is string custom && !string.IsNullOrWhiteSpace(custom))
                {
                    message = custom;
                }

                failures.Add(new AdmissionFailure(message, expression));
            }
        }

        return (true, failures);
    }

    // The object with its namespace as the API server sets it before admission: none for a cluster-scoped object, and
    // for a namespaced one without a namespace the one kubectl sends it to (see evaluate-policy.mjs).
    private static JsonNode Placed(JsonNode given, bool namespaced)
    {
        var current = Text(given["metadata"]?["namespace"]);
        var wanted = namespaced ? (string.IsNullOrEmpty(current) ? DefaultNamespace : current) : null;
        if (current == wanted)
        {
            return given;
        }

        var placed = given.DeepClone();
        if (placed["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            placed["metadata"] = metadata;
        }

        metadata.Remove("namespace");
        if (wanted is not null)
        {
            metadata["namespace"] = wanted;
        }

        return placed;
    }

    private static (string Group, string Version, string Resource, bool Namespaced) ResourceOf(JsonNode subject)
    {
        var kind = Text(subject["kind"]) ?? "";
        if (!Resources.TryGetValue(kind, out var entry))
        {
            throw new InvalidOperationException($"kind \"{kind}\" is not in the admission referee's kind -> resource table");
        }

        var apiVersion = Text(subject["apiVersion"]) ?? "";
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return (entry.Group, slash < 0 ? apiVersion : apiVersion[(slash + 1)..], entry.Resource, entry.Namespaced);
    }

    // A policy's matchConstraints must list the resource (rulesRequired); a binding's matchResources need not.
    private static bool ConstraintsMatch(
        JsonNode? constraints, JsonNode subject, JsonNode? namespaceObject, string group, string version, string resource, bool namespaced,
        bool rulesRequired)
    {
        var name = Text(subject["metadata"]?["name"]);
        bool InRules(JsonNode? rules) => Items(rules).Any(rule =>
            Listed(rule["apiGroups"], group) && Listed(rule["apiVersions"], version) && Listed(rule["operations"], "CREATE") &&
            Strings(rule["resources"]).Any(r => r is "*" or "*/*" || r == resource) &&
            (Strings(rule["resourceNames"]).Count == 0 || Strings(rule["resourceNames"]).Contains(name)));

        var resourceRules = constraints?["resourceRules"];
        if (((rulesRequired || Items(resourceRules).Any()) && !InRules(resourceRules)) || InRules(constraints?["excludeResourceRules"]) ||
            !SelectorMatches(constraints?["objectSelector"], subject))
        {
            return false;
        }

        var namespaceSelector = constraints?["namespaceSelector"];
        var selects = namespaceSelector?["matchLabels"] is JsonObject || Items(namespaceSelector?["matchExpressions"]).Any();
        if (!selects)
        {
            return true;
        }

        if (Text(subject["kind"]) == "Namespace")
        {
            return SelectorMatches(namespaceSelector, subject);
        }

        if (!namespaced)
        {
            return true;
        }

        return SelectorMatches(
            namespaceSelector,
            namespaceObject ?? throw new InvalidOperationException("the policy has a namespaceSelector: give the case a namespaceObject"));
    }

    private static bool SelectorMatches(JsonNode? selector, JsonNode labelled)
    {
        if (selector is null)
        {
            return true;
        }

        var labels = labelled["metadata"]?["labels"] as JsonObject ?? [];
        string? Label(string key) => labels.TryGetPropertyValue(key, out var v) ? Text(v) : null;
        foreach (var (key, value) in selector["matchLabels"] as JsonObject ?? [])
        {
            if (Label(key) != Text(value))
            {
                return false;
            }
        }

        foreach (var expression in Items(selector["matchExpressions"]))
        {
            var key = Text(expression["key"]) ?? "";
            var has = labels.ContainsKey(key);
            var values = Strings(expression["values"]);
            var ok = Text(expression["operator"]) switch
            {
                "In" => has && values.Contains(Label(key)),
                "NotIn" => !has || !values.Contains(Label(key)),
                "Exists" => has,
                "DoesNotExist" => !has,
                var other => throw new InvalidOperationException($"label selector operator {other} is not In, NotIn, Exists or DoesNotExist"),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Listed(JsonNode? values, string value) => Strings(values) is var list && (list.Contains("*") || list.Contains(value));

    private static List<string?> Strings(JsonNode? node) => Items(node).Select(Text).ToList();

    private static IEnumerable<JsonNode> Items(JsonNode? node) => (node as JsonArray ?? []).OfType<JsonNode>();

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    // JSON -> the values Cel 0.3.3 selects fields on: string-keyed dictionaries, object arrays, long ints.
    private static object? ToCel(JsonNode? node) => node switch
    {
        null => null,
        JsonObject map => map.ToDictionary(p => p.Key, p => ToCel(p.Value), StringComparer.Ordinal),
        JsonArray list => list.Select(ToCel).ToArray(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetValue<long>(out var integer) ? integer : value.GetValue<double>(),
            _ => null,
        },
        _ => null,
    };

    private static CelEnvironment CreateEnvironment()
    {
        var environment = new CelEnvironment([], "");
        RegisterStringsExtension(environment);
        return environment;
    }

    // Polyfills: the strings-extension functions Cel 0.3.3 does not have (cel-go ext.Strings semantics, indexes in
    // code points). A receiver call `s.f(x)` reaches the function as f(s, x).
    private static void RegisterStringsExtension(CelEnvironment environment)
    {
        static string S(object? value) => (string)value!;
        static int I(object? value) => checked((int)(long)value!);
        static int[] CodePoints(string s) => s.EnumerateRunes().Select(r => r.Value).ToArray();
        static string FromCodePoints(IEnumerable<int> codePoints) => string.Concat(codePoints.Select(c => new Rune(c).ToString()));
        static long IndexOf(string s, string sub, int from)
        {
            var chars = CodePoints(s);
            if (from < 0 || from > chars.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(from), "index out of range");
            }

            var found = s.IndexOf(sub, FromCodePoints(chars[..from]).Length, StringComparison.Ordinal);
            return found < 0 ? -1 : CodePoints(s[..found]).Length;
        }

        static long LastIndexOf(string s, string sub, int from)
        {
            var chars = CodePoints(s);
            if (from < 0 || from >= Math.Max(chars.Length, 1))
            {
                throw new ArgumentOutOfRangeException(nameof(from), "index out of range");
            }

            var prefix = FromCodePoints(chars[..Math.Min(chars.Length, from + CodePoints(sub).Length)]);
            var found = prefix.LastIndexOf(sub, StringComparison.Ordinal);
            return found < 0 ? -1 : CodePoints(s[..found]).Length;
        }

        static string Substring(string s, int start, int end)
        {
            var chars = CodePoints(s);
            if (start < 0 || end > chars.Length || start > end)
            {
                throw new ArgumentOutOfRangeException(nameof(start), "substring index out of range");
            }

            return FromCodePoints(chars[start..end]);
        }

        static string Replace(string s, string from, string to, int limit)
        {
            var parts = s.Split(from);
            return limit < 0 || parts.Length <= limit + 1
                ? string.Join(to, parts)
                : string.Join(to, parts[..(limit + 1)]) + from + string.Join(from, parts[(limit + 1)..]);
        }

        static object?[] Split(string s, string separator, int limit)
        {
            if (limit == 0)
            {
                return [];
            }

            string[] parts = separator.Length == 0
                ? s.EnumerateRunes().Select(r => r.ToString()).ToArray()
                : s.Split(separator);
            if (limit > 0 && parts.Length > limit)
            {
                parts = [.. parts[..(limit - 1)], separator.Length == 0 ? string.Concat(parts[(limit - 1)..]) : string.Join(separator, parts[(limit - 1)..])];
            }

            return parts;
        }

        static string Ascii(string s, bool upper) => string.Create(s.Length, (s, upper), static (span, state) =>
        {
            for (var i = 0; i < state.s.Length; i++)
            {
                var c = state.s[i];
                span[i] = state.upper ? (char.IsAsciiLetterLower(c) ? (char)(c - 32) : c) : (char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c);
            }
        });

        static string Join(object? list, string separator) =>
            string.Join(separator, ((IEnumerable)list!).Cast<object?>().Select(item => item as string ?? throw new InvalidCastException("join: list must hold strings")));

        Type text = typeof(string);
        Type integer = typeof(long);
        Type list = typeof(IList);
        environment.RegisterFunction("lowerAscii", [text], a => Ascii(S(a[0]), upper: false));
        environment.RegisterFunction("upperAscii", [text], a => Ascii(S(a[0]), upper: true));
        environment.RegisterFunction("trim", [text], a => S(a[0]).Trim());
        environment.RegisterFunction("indexOf", [text, text], a => IndexOf(S(a[0]), S(a[1]), 0));
        environment.RegisterFunction("indexOf", [text, text, integer], a => IndexOf(S(a[0]), S(a[1]), I(a[2])));
        environment.RegisterFunction("lastIndexOf", [text, text], a => LastIndexOf(S(a[0]), S(a[1]), Math.Max(CodePoints(S(a[0])).Length - 1, 0)));
        environment.RegisterFunction("lastIndexOf", [text, text, integer], a => LastIndexOf(S(a[0]), S(a[1]), I(a[2])));
        environment.RegisterFunction("substring", [text, integer], a => Substring(S(a[0]), I(a[1]), CodePoints(S(a[0])).Length));
        environment.RegisterFunction("substring", [text, integer, integer], a => Substring(S(a[0]), I(a[1]), I(a[2])));
        environment.RegisterFunction("replace", [text, text, text], a => Replace(S(a[0]), S(a[1]), S(a[2]), -1));
        environment.RegisterFunction("replace", [text, text, text, integer], a => Replace(S(a[0]), S(a[1]), S(a[2]), I(a[3])));
        environment.RegisterFunction("charAt", [text, integer], a => I(a[1]) == CodePoints(S(a[0])).Length ? "" : Substring(S(a[0]), I(a[1]), I(a[1]) + 1));
        environment.RegisterFunction("split", [text, text], a => Split(S(a[0]), S(a[1]), -1));
        environment.RegisterFunction("split", [text, text, integer], a => Split(S(a[0]), S(a[1]), I(a[2])));
        environment.RegisterFunction("join", [list], a => Join(a[0], ""));
        environment.RegisterFunction("join", [list, text], a => Join(a[0], S(a[1])));
    }
}
