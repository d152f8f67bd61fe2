using System.Globalization;
using k8s;
using k8s.Models;
using SecureManifests.Admission;
using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Rules;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary>
/// <c>secure-manifests policy</c> as a user runs it: deterministic YAML, valid against the Kubernetes OpenAPI schema,
/// a validation for every covered rule of the profile, and only the portable CEL subset.
/// </summary>
public sealed class PolicyCommandTests : IDisposable
{
    private static readonly string[] PodSecurityRules =
    [
        "SM1001", "SM1002", "SM1003", "SM1004", "SM1005", "SM1006", "SM1007", "SM1008", "SM1009",
        "SM1010", "SM1011", "SM1012", "SM1013", "SM1014", "SM1015", "SM1016", "SM1017", "SM1018",
    ];

    // Per-object rules beyond Pod Security that the policies cover.
    private static readonly string[] OtherCoveredRules =
    [
        "SM1019", "SM1021", "SM2001", "SM2002", "SM2003", "SM2004", "SM2005", "SM2006", "SM2008", "SM2009", "SM2011", "SM2012",
        "SM2013", "SM2015", "SM2016", "SM2017", "SM3001", "SM3003", "SM3004", "SM3005", "SM3006", "SM3007", "SM3008", "SM3009",
        "SM3012", "SM4001", "SM4005", "SM4006", "SM4007", "SM4010",
    ];

    // Per-object rules admission cannot judge as the engine does, each with its reason.
    private static readonly string[] NotAdmissionRules = ["SM2007", "SM2010", "SM2014", "SM2018"];

    private static readonly string[] Macros = [".all(", ".exists(", ".exists_one(", ".map(", ".filter("];

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Output_is_byte_identical_across_runs_cultures_and_output_targets()
    {
        var first = CliProcess.Run(_folder.FullPath, ["policy"]).Result;
        var second = CliProcess.Run(_folder.FullPath, ["policy", "--output", "policies.yaml"]).Result;
        Assert.True(first.ExitCode == ExitCodes.Success, first.Describe());
        Assert.True(second.ExitCode == ExitCodes.Success, second.Describe());
        var file = File.ReadAllBytes(Path.Combine(_folder.FullPath, "policies.yaml"));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(first.StandardOutput), file);

        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
            var turkish = Tool.Run(_folder.FullPath, ["policy"]);
            Assert.Equal(first.StandardOutput, turkish.StandardOutput);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    [Fact]
    public void Every_emitted_document_validates_against_the_Kubernetes_schema()
    {
        var runs = new[]
        {
            new[] { "policy" },
            ["policy", "--profile", "all", "--action", "audit"],
            ["policy", "--profile", "baseline", "--pss-version", "v1.0"],
            ["policy", "--profile", "restricted", "--pss-version", "v1.24", "--action", "warn"],
        };
        var documents = 0;
        for (var i = 0; i < runs.Length; i++)
        {
            var file = "run" + i.ToString(CultureInfo.InvariantCulture) + ".yaml";
            var result = Tool.Run(_folder.FullPath, [.. runs[i], "--output", file]);
            Assert.True(result.ExitCode == ExitCodes.Success, result.Describe());
            documents += Load(File.ReadAllText(Path.Combine(_folder.FullPath, file))).Count;
        }

        var verdict = KubernetesSchemaReferee.Validate(_folder.FullPath);

        Assert.True(verdict.ExitCode == KubernetesSchemaReferee.ValidExitCode, verdict.Describe());
        Assert.Contains($"validated {documents} documents, 0 invalid", verdict.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_emitted_policies_pass_the_linter_at_every_rule()
    {
        // What the tool writes must pass the tool: the policies carry the recommended labels (SM2017) and no other
        // rule has anything to say about them.
        var written = Tool.Run(_folder.FullPath, ["policy", "--profile", "all", "--output", "policies.yaml"]);
        Assert.True(written.ExitCode == ExitCodes.Success, written.Describe());

        var lint = Tool.Run(_folder.FullPath, ["lint", "policies.yaml", "--profile", "all", "--fail-on", "info"]);

        Assert.True(lint.ExitCode == ExitCodes.Success, lint.Describe());
        Assert.Contains(": 0 errors, 0 warnings, 0 info", lint.StandardOutput + lint.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("baseline")]
    [InlineData("restricted")]
    [InlineData("secure")]
    [InlineData("all")]
    public void Every_covered_per_object_rule_of_the_profile_has_a_policy_whose_messages_start_with_its_ID(string profile)
    {
        var objects = Policy("--profile", profile);
        var policies = objects.OfType<V1ValidatingAdmissionPolicy>().ToList();
        var parsed = Enum.Parse<RuleProfile>(profile, ignoreCase: true);

        var expected = PodSecurityRules.Concat(OtherCoveredRules).Where(id => RuleCatalog.Get(id).IsInProfile(parsed)).ToList();
        Assert.NotEmpty(expected);
        var byRule = policies.ToDictionary(p => p.Metadata.Labels["securemanifests.io/rule"], StringComparer.Ordinal);
        foreach (var id in expected)
        {
            Assert.True(byRule.ContainsKey(id), $"no policy for {id} in profile {profile}");
        }

        foreach (var (id, policy) in byRule)
        {
            Assert.True(RuleCatalog.Get(id).IsInProfile(parsed), $"{id} is not in profile {profile}");
            Assert.NotEmpty(policy.Spec.Validations);
            foreach (var validation in policy.Spec.Validations)
            {
                Assert.StartsWith(id + ": ", validation.Message, StringComparison.Ordinal);
                Assert.Equal("Forbidden", validation.Reason);
            }
        }
    }

    [Fact]
    public void The_CEL_is_self_contained_and_portable()
    {
        foreach (var policy in Policy("--profile", "all").OfType<V1ValidatingAdmissionPolicy>())
        {
            Assert.Null(policy.Spec.ParamKind);
            var expressions = policy.Spec.Validations.Select(v => v.Expression)
                .Concat(policy.Spec.Variables?.Select(v => v.Expression) ?? [])
                .Concat(policy.Spec.MatchConditions?.Select(m => m.Expression) ?? []);
            foreach (var expression in expressions)
            {
                Assert.DoesNotContain(".?", expression, StringComparison.Ordinal);
                Assert.DoesNotContain("orValue", expression, StringComparison.Ordinal);
                Assert.DoesNotContain("params", expression, StringComparison.Ordinal);
                // Exemptions are per namespace: no expression reads the object's own waiver annotations.
                Assert.DoesNotContain("securemanifests.io/", expression, StringComparison.Ordinal);
                Assert.True(ComprehensionDepth(expression) <= 2, $"{policy.Metadata.Name}: comprehensions nest deeper than two in {expression}");
            }
        }
    }

    [Fact]
    public void Bindings_deny_errors_and_warn_about_warnings_unless_an_action_is_given_and_skip_exempt_namespaces()
    {
        foreach (var binding in Policy("--profile", "all").OfType<V1ValidatingAdmissionPolicyBinding>())
        {
            var id = binding.Metadata.Labels["securemanifests.io/rule"];
            var expected = RuleCatalog.Get(id).DefaultSeverity == RuleSeverity.Error ? "Deny" : "Warn";
            Assert.Equal([expected], binding.Spec.ValidationActions);
            Assert.Equal("securemanifests-" + id.ToLowerInvariant(), binding.Spec.PolicyName);
            Assert.Null(binding.Spec.ParamRef);
            if (id == "SM4007")
            {
                // A Namespace would be matched by its own labels: no exemption, so it cannot exempt itself.
                Assert.Null(binding.Spec.MatchResources);
                continue;
            }

            var requirement = Assert.Single(binding.Spec.MatchResources!.NamespaceSelector.MatchExpressions);
            Assert.Equal("securemanifests.io/exempt-" + id, requirement.Key);
            Assert.Equal("DoesNotExist", requirement.OperatorProperty);
        }

        foreach (var (option, action) in new[] { ("deny", "Deny"), ("warn", "Warn"), ("audit", "Audit") })
        {
            var bindings = Policy("--action", option).OfType<V1ValidatingAdmissionPolicyBinding>().ToList();
            Assert.NotEmpty(bindings);
            Assert.All(bindings, b => Assert.Equal([action], b.Spec.ValidationActions));
        }
    }

    [Fact]
    public void The_checks_follow_the_PSS_version_as_the_engine_does()
    {
        static V1ValidatingAdmissionPolicy? Find(IEnumerable<object> objects, string id) =>
            objects.OfType<V1ValidatingAdmissionPolicy>().SingleOrDefault(p => p.Metadata.Labels["securemanifests.io/rule"] == id);

        var old = Policy("--profile", "restricted", "--pss-version", "v1.21");
        Assert.Null(Find(old, "SM1006"));
        Assert.NotNull(Find(old, "SM1007"));
        Assert.Null(Find(Policy("--profile", "restricted", "--pss-version", "v1.7"), "SM1007"));
        Assert.Null(Find(Policy("--pss-version", "v1.33"), "SM1017"));

        Assert.DoesNotContain("container_engine_t", Expressions(Find(Policy("--pss-version", "v1.30"), "SM1013")!), StringComparison.Ordinal);
        Assert.Contains("container_engine_t", Expressions(Find(Policy(), "SM1013")!), StringComparison.Ordinal);
        Assert.DoesNotContain("net.ipv4.tcp_rmem", Expressions(Find(Policy("--pss-version", "v1.31"), "SM1015")!), StringComparison.Ordinal);
        Assert.Contains("net.ipv4.tcp_notsent_lowat", Expressions(Find(Policy(), "SM1015")!), StringComparison.Ordinal);

        Assert.Contains("hostUsers", Expressions(Find(Policy("--profile", "baseline", "--pss-version", "v1.35"), "SM1014")!), StringComparison.Ordinal);
        Assert.DoesNotContain("hostUsers", Expressions(Find(Policy("--profile", "baseline", "--pss-version", "v1.34"), "SM1014")!), StringComparison.Ordinal);
        Assert.DoesNotContain("hostUsers", Expressions(Find(Policy("--profile", "restricted"), "SM1014")!), StringComparison.Ordinal);
        Assert.DoesNotContain("isWindows", Expressions(Find(Policy("--pss-version", "v1.24"), "SM1007")!), StringComparison.Ordinal);
        Assert.Contains("isWindows", Expressions(Find(Policy(), "SM1007")!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--profile", "strict")]
    [InlineData("--pss-version", "v2.0")]
    [InlineData("--action", "block")]
    [InlineData("--frobnicate", null)]
    [InlineData("extra", null)]
    public void Bad_options_are_one_line_errors_with_exit_code_2(string option, string? value)
    {
        var result = Tool.Run(_folder.FullPath, value is null ? ["policy", option] : ["policy", option, value]);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Empty(result.StandardOutput);
        Assert.StartsWith("error: ", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generator_names_every_rule_of_the_profile_as_covered_or_left_out()
    {
        var set = AdmissionPolicyGenerator.Generate(RuleProfile.All, PssVersion.Latest);
        var named = set.Policies.Select(p => p.Rule.Id).Concat(set.Uncovered.Select(u => u.Rule.Id)).Order(StringComparer.Ordinal);

        Assert.Equal(RuleCatalog.All.Select(r => r.Id).Order(StringComparer.Ordinal), named);
        Assert.Contains(set.Uncovered, u => u.Rule.Id == "SM4002" && u.Reason == AdmissionPolicyGenerator.CrossObjectReason);
    }

    [Fact]
    public void Every_per_object_rule_of_profile_all_has_a_policy_or_a_reason_of_its_own_why_admission_cannot_judge_it()
    {
        var set = AdmissionPolicyGenerator.Generate(RuleProfile.All, PssVersion.Latest);
        var perObject = BuiltInRules.ObjectRules.Select(r => r.RuleId).ToHashSet(StringComparer.Ordinal);
        var generic = new[] { AdmissionPolicyGenerator.CrossObjectReason, AdmissionPolicyGenerator.NotAtVersionReason };

        var leftOut = set.Uncovered.Where(u => perObject.Contains(u.Rule.Id)).ToList();
        Assert.Equal(NotAdmissionRules, leftOut.Select(u => u.Rule.Id).Order(StringComparer.Ordinal));
        Assert.All(leftOut, u => Assert.DoesNotContain(generic, g => u.Reason.StartsWith(g, StringComparison.Ordinal)));
        Assert.Equal(4, leftOut.Select(u => u.Reason).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            perObject.Except(NotAdmissionRules).Order(StringComparer.Ordinal),
            set.Policies.Select(p => p.Rule.Id).Where(perObject.Contains).Order(StringComparer.Ordinal));
        Assert.All(set.Uncovered.Where(u => !perObject.Contains(u.Rule.Id)), u => Assert.Equal(AdmissionPolicyGenerator.CrossObjectReason, u.Reason));
        var gap = Assert.Single(set.Gaps);
        Assert.Equal("SM2015", gap.Rule.Id);
    }

    private List<object> Policy(params string[] options)
    {
        var result = Tool.Run(_folder.FullPath, ["policy", .. options]);
        Assert.True(result.ExitCode == ExitCodes.Success, result.Describe());
        return Load(result.StandardOutput);
    }

    private static List<object> Load(string yaml) => KubernetesYaml.LoadAllFromString(yaml).ToList();

    private static string Expressions(V1ValidatingAdmissionPolicy policy) =>
        string.Join("\n", policy.Spec.Validations.Select(v => v.Expression));

    // How deeply macro comprehensions (all, exists, map ...) nest, read from the parentheses their calls open.
    private static int ComprehensionDepth(string expression)
    {
        var stack = new Stack<bool>();
        int depth = 0, max = 0;
        var inString = false;
        for (var i = 0; i < expression.Length; i++)
        {
            var ch = expression[i];
            if (inString)
            {
                if (ch == '\\')
                {
                    i++;
                }
                else if (ch == '\'')
                {
                    inString = false;
                }

                continue;
            }

            if (ch == '\'')
            {
                inString = true;
            }
            else if (ch == '(')
            {
                var macro = Macros.Any(m => i + 1 >= m.Length && string.CompareOrdinal(expression, i + 1 - m.Length, m, 0, m.Length) == 0);
                stack.Push(macro);
                if (macro)
                {
                    max = Math.Max(max, ++depth);
                }
            }
            else if (ch == ')' && stack.Pop())
            {
                depth--;
            }
        }

        return max;
    }
}
