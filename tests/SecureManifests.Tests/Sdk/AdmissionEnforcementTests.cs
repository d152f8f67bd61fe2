using System.Globalization;
using k8s;
using k8s.Models;
using SecureManifests.Admission;
using SecureManifests.Defaults;
using SecureManifests.Output;
using SecureManifests.Rules;
using SecureManifests.Synthesis;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Tests.Sdk;

/// <summary>
/// <c>app.EnforceAtAdmission()</c> as a user writes it: a synth writes the app's policies and bindings to
/// <c>_admission/</c>, bound to the app's namespaces, and turns the app's relaxations into exemption labels on its own
/// Namespace objects. Judged by kubectl kustomize, the Kubernetes OpenAPI schema and the three CEL engines deciding
/// with the bindings.
/// </summary>
public sealed class AdmissionEnforcementTests : IDisposable
{
    private const string DebugReason = "attaches to the node's devices; ticket OPS-7";
    private const string ProbeReason = "reads the host's hardware counters; ticket OPS-9";
    private const string Admission = "_admission";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // shop: a secure web server. tools: two privileged workloads, one that also mounts its token (SM1020 has no policy).
    private static App DemoApp(AdmissionAction? action = null)
    {
        var app = new App("demo");
        app.AddNamespace("shop").AddDeployment("web", "ghcr.io/acme/web:1.0.0").WithPort("http", 8080);
        var tools = app.AddNamespace("tools");
        tools.AddDeployment("debug", "ghcr.io/acme/debug:1.0.0")
            .Allow(Relaxation.Privileged, DebugReason)
            .Allow(Relaxation.ServiceAccountToken, "talks to the API server; ticket OPS-8");
        tools.AddDeployment("probe", "ghcr.io/acme/probe:2.1.0").Allow(Relaxation.Privileged, ProbeReason);
        app.EnforceAtAdmission(action: action);
        return app;
    }

    private string Write(App app, string leaf = "out", SynthOptions? options = null)
    {
        var output = Path.Combine(_folder.FullPath, leaf);
        Synthesizer.Write(app, output, options);
        return output;
    }

    private static List<IKubernetesObject> Load(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .Order(StringComparer.Ordinal)
            .SelectMany(f => KubernetesYaml.LoadAllFromString(File.ReadAllText(f)))
            .Cast<IKubernetesObject>()];

    private static V1Namespace NamespaceIn(string output, string name) =>
        KubernetesYaml.Deserialize<V1Namespace>(File.ReadAllText(Path.Combine(output, name, $"namespace-{name}.yaml")));

    [Fact]
    public void The_admission_folder_builds_with_kustomize_apart_from_the_app_and_validates_against_the_Kubernetes_schema()
    {
        var output = Write(DemoApp());
        var admission = Path.Combine(output, Admission);
        var objects = Load(admission);

        Assert.DoesNotContain(Admission, File.ReadAllText(Path.Combine(output, "kustomization.yaml")), StringComparison.Ordinal);
        var policies = objects.OfType<V1ValidatingAdmissionPolicy>().Count();
        Assert.True(policies > 20, $"{policies} policies");
        Assert.Equal(policies, objects.OfType<V1ValidatingAdmissionPolicyBinding>().Count());
        Assert.Equal(objects.Count, policies * 2);

        var built = KustomizeReferee.Build(admission);
        built.AssertSucceeded();
        Assert.Equal(objects.Count, built.StandardOutput.Split("\n---\n").Length);
        var app = KustomizeReferee.Build(output);
        app.AssertSucceeded();
        Assert.DoesNotContain("ValidatingAdmissionPolicy", app.StandardOutput, StringComparison.Ordinal);

        var schema = KubernetesSchemaReferee.Validate(output);
        Assert.True(schema.ExitCode == KubernetesSchemaReferee.ValidExitCode, schema.Describe());
        Assert.Contains($"validated {Load(output).Count} documents, 0 invalid", schema.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bindings_select_only_the_apps_namespaces_and_SM4007s_leaves_out_the_namespace_that_waives_it()
    {
        var bindings = Load(Path.Combine(Write(DemoApp()), Admission)).OfType<V1ValidatingAdmissionPolicyBinding>().ToList();

        foreach (var binding in bindings)
        {
            var id = binding.Metadata.Labels["securemanifests.io/rule"];
            var expressions = binding.Spec.MatchResources.NamespaceSelector.MatchExpressions
                .Select(e => e.Key + " " + e.OperatorProperty + " " + string.Join(",", e.Values ?? [])).ToList();
            var expected = id == RuleIds.NamespaceWithoutPodSecurity
                // tools enforces privileged for its workloads: its Namespace waives SM4007, so the binding leaves it out.
                ? new List<string> { "kubernetes.io/metadata.name In shop" }
                : ["kubernetes.io/metadata.name In shop,tools", $"securemanifests.io/exempt-{id} DoesNotExist "];
            Assert.Equal(expected, expressions);
            Assert.Null(binding.Spec.MatchResources.ObjectSelector);
            // Named for the app, so another app's bindings (or the CLI's) never replace these.
            Assert.Equal("securemanifests-demo-" + id.ToLowerInvariant(), binding.Metadata.Name);
            Assert.Equal(binding.Metadata.Name, binding.Spec.PolicyName);
        }
    }

    [Fact]
    public void Relaxations_become_exemptions_of_the_apps_own_namespace_for_the_rules_that_have_a_policy_with_every_reason()
    {
        var output = Write(DemoApp());
        var tools = NamespaceIn(output, "tools");
        var shop = NamespaceIn(output, "shop");

        // Privileged waives SM1001 and SM1007; the token (SM1020) is cross-object and has no policy, so no exemption.
        var exemptions = tools.Metadata.Labels.Where(l => l.Key.StartsWith("securemanifests.io/exempt-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["securemanifests.io/exempt-SM1001", "securemanifests.io/exempt-SM1007"], exemptions.Select(l => l.Key));
        Assert.All(exemptions, l => Assert.Equal("true", l.Value));
        var reasons = $"Deployment tools/debug: {DebugReason}; Deployment tools/probe: {ProbeReason}";
        Assert.Equal(reasons, tools.Metadata.Annotations["securemanifests.io/exempt-SM1001"]);
        Assert.Equal(reasons, tools.Metadata.Annotations["securemanifests.io/exempt-SM1007"]);
        Assert.False(tools.Metadata.Annotations.ContainsKey("securemanifests.io/exempt-SM1020"));
        Assert.DoesNotContain(shop.Metadata.Labels.Keys, k => k.StartsWith("securemanifests.io/exempt-", StringComparison.Ordinal));
    }

    [AdmissionRefereeFact]
    public void A_relaxed_pod_is_denied_outside_its_exempt_namespace_whatever_its_own_waivers_say_and_admitted_inside()
    {
        var output = Write(DemoApp());
        var documents = AdmissionDocuments.Load(Path.Combine(output, Admission));
        var shop = Json(NamespaceIn(output, "shop"));
        var tools = Json(NamespaceIn(output, "tools"));
        var other = Json(new V1Namespace
        {
            ApiVersion = "v1", Kind = "Namespace",
            Metadata = new V1ObjectMeta { Name = "other", Labels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "other" } },
        });
        var deployment = KubernetesYaml.Deserialize<V1Deployment>(File.ReadAllText(Path.Combine(output, "tools", "deployment-debug.yaml")));
        Assert.Contains("securemanifests.io/ignore-SM1001", deployment.Metadata.Annotations.Keys);

        var verdicts = documents.Judge(
            [
                new(PodOf(deployment, "shop", withWaivers: false), shop),
                new(PodOf(deployment, "shop", withWaivers: true), shop),
                new(PodOf(deployment, "tools", withWaivers: true), tools),
                new(PodOf(deployment, "other", withWaivers: true), other),
                new(shop, null),
                new(tools, null),
                new(Json(StripPodSecurity(NamespaceIn(output, "shop"))), null),
            ],
            AdmissionReferees.Engines);

        var engines = AdmissionReferees.Engines.Count;
        foreach (var (verdict, i) in verdicts.Select((v, i) => (v, i / engines)))
        {
            switch (i)
            {
                case 0 or 1:
                    // In shop, which has no exemption: privileged (SM1001) and privilege escalation (SM1007) are denied.
                    Assert.False(verdict.Admitted, verdict.ToString());
                    Assert.Equal(["securemanifests-demo-sm1001", "securemanifests-demo-sm1007"], verdict.DeniedBy);
                    break;
                case 2:
                    // In tools, whose Namespace carries the exemption labels the SDK wrote for these relaxations.
                    Assert.True(verdict.Admitted, verdict.ToString());
                    Assert.DoesNotContain("securemanifests-demo-sm1001", verdict.Matched);
                    Assert.Contains("securemanifests-demo-sm1008", verdict.Matched);
                    break;
                case 3:
                    Assert.True(verdict.Admitted && verdict.Matched.Count == 0, verdict.ToString());
                    break;
                case 4 or 5:
                    // The app's own Namespace objects pass; tools (privileged) is left out of SM4007's binding. SM4001's
                    // policy matches every resource and admits cluster-scoped ones (request.namespace is empty).
                    Assert.True(verdict.Admitted, verdict.ToString());
                    Assert.Equal(i == 4 ? ["securemanifests-demo-sm4001", "securemanifests-demo-sm4007"] : ["securemanifests-demo-sm4001"], verdict.Matched);
                    break;
                default:
                    // An app Namespace without its Pod Security label is judged (SM4007 is a warning: Warn by default).
                    Assert.True(verdict.Admitted, verdict.ToString());
                    Assert.StartsWith("Validation failed for ValidatingAdmissionPolicy 'securemanifests-demo-sm4007'", Assert.Single(verdict.Warnings), StringComparison.Ordinal);
                    break;
            }
        }
    }

    [AdmissionRefereeFact]
    public void A_Warn_binding_admits_the_same_pod_with_a_warning()
    {
        var output = Write(DemoApp(AdmissionAction.Warn));
        var documents = AdmissionDocuments.Load(Path.Combine(output, Admission));
        var deployment = KubernetesYaml.Deserialize<V1Deployment>(File.ReadAllText(Path.Combine(output, "tools", "deployment-debug.yaml")));

        var verdicts = documents.Judge([new(PodOf(deployment, "shop", withWaivers: true), Json(NamespaceIn(output, "shop")))], AdmissionReferees.Engines);

        Assert.All(verdicts, v =>
        {
            Assert.True(v.Admitted, v.ToString());
            Assert.Contains(v.Warnings, w => w.StartsWith(
                "Validation failed for ValidatingAdmissionPolicy 'securemanifests-demo-sm1001' with binding 'securemanifests-demo-sm1001': SM1001: ", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Two_synths_write_byte_identical_admission_folders()
    {
        var first = Path.Combine(Write(DemoApp(), "first"), Admission);
        var culture = CultureInfo.CurrentCulture;
        string second;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            second = Path.Combine(Write(DemoApp(), "second"), Admission);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        var files = Directory.EnumerateFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.EnumerateFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order(StringComparer.Ordinal));
        Assert.Contains("kustomization.yaml", files);
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(first, f)), File.ReadAllBytes(Path.Combine(second, f))));
    }

    [Fact]
    public void The_profile_and_version_follow_the_synth_unless_given_and_the_folder_follows_the_layout()
    {
        var defaults = Synthesizer.Render(DemoApp(), new SynthOptions { PssVersion = PssVersion.V1(24), Layout = ManifestLayout.FilePerNamespace });
        var policies = Policies(defaults);
        Assert.All(policies, p => Assert.Equal(("secure", "v1.24"), (p.Metadata.Annotations["securemanifests.io/profile"], p.Metadata.Annotations["securemanifests.io/pss-version"])));
        Assert.Equal(["_admission/_cluster.yaml", "_admission/kustomization.yaml"], defaults.Files.Select(f => f.RelativePath).Where(p => p.StartsWith(Admission, StringComparison.Ordinal)));

        var app = DemoApp().EnforceAtAdmission(RuleProfile.Baseline, PssVersion.V1(30), AdmissionAction.Audit);
        var baseline = Policies(Synthesizer.Render(app));
        Assert.All(baseline, p => Assert.Equal(("baseline", "v1.30"), (p.Metadata.Annotations["securemanifests.io/profile"], p.Metadata.Annotations["securemanifests.io/pss-version"])));
        Assert.Contains(baseline, p => p.Metadata.Name == "securemanifests-demo-sm1001");
        Assert.DoesNotContain(baseline, p => p.Metadata.Name == "securemanifests-demo-sm1008");
        Assert.All(BindingsOf(Synthesizer.Render(app)), b => Assert.Equal(["Audit"], b.Spec.ValidationActions));
    }

    [Fact]
    public void Without_EnforceAtAdmission_nothing_changes_and_dropping_it_removes_the_folder()
    {
        var plain = new App("demo");
        plain.AddNamespace("tools").AddDeployment("debug", "ghcr.io/acme/debug:1.0.0").Allow(Relaxation.Privileged, DebugReason);
        var result = Synthesizer.Render(plain);
        Assert.DoesNotContain(result.Files, f => f.RelativePath.StartsWith(Admission, StringComparison.Ordinal));
        Assert.DoesNotContain("securemanifests.io/exempt-", string.Concat(result.Files.Select(f => f.Content)), StringComparison.Ordinal);

        var output = Write(DemoApp());
        Assert.True(Directory.Exists(Path.Combine(output, Admission)));
        var withoutAdmission = new App("demo");
        withoutAdmission.AddNamespace("shop").AddDeployment("web", "ghcr.io/acme/web:1.0.0").WithPort("http", 8080);
        Assert.Contains(Synthesizer.FindStaleFiles(withoutAdmission, output), d => d.StartsWith("extra: _admission/", StringComparison.Ordinal));
        Synthesizer.Write(withoutAdmission, output);
        Assert.False(Directory.Exists(Path.Combine(output, Admission)));
    }

    [Fact]
    public void Bad_arguments_and_an_app_without_namespaces_fail_with_one_line_naming_the_field()
    {
        var app = new App("demo");
        var profile = Assert.Throws<ManifestDefinitionException>(() => app.EnforceAtAdmission(profile: (RuleProfile)9));
        Assert.Equal("App demo: EnforceAtAdmission(profile): 9 is not a RuleProfile: use Baseline, Restricted, Secure or All", profile.Message);
        var action = Assert.Throws<ManifestDefinitionException>(() => app.EnforceAtAdmission(action: (AdmissionAction)7));
        Assert.Equal("App demo: EnforceAtAdmission(action): 7 is not an AdmissionAction: use Deny, Warn or Audit", action.Message);

        app.EnforceAtAdmission();
        var empty = Assert.Throws<ManifestDefinitionException>(() => Synthesizer.Render(app));
        Assert.Equal("EnforceAtAdmission", empty.Field);
        Assert.DoesNotContain('\n', empty.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_customization_cannot_exempt_a_namespace_without_a_relaxation(bool label)
    {
        var app = new App("demo").EnforceAtAdmission();
        app.AddNamespace("shop").Customize(n =>
        {
            var map = label ? n.Metadata.Labels : n.Metadata.Annotations ??= new Dictionary<string, string>();
            map["securemanifests.io/exempt-SM1001"] = "true";
        });

        var refused = Assert.Throws<ManifestDefinitionException>(() => Synthesizer.Render(app));

        Assert.Equal("Customize", refused.Field);
        Assert.Contains("admission exemptions", refused.Message, StringComparison.Ordinal);
    }

    private static List<V1ValidatingAdmissionPolicy> Policies(SynthResult result) =>
        [.. AdmissionObjects(result).OfType<V1ValidatingAdmissionPolicy>()];

    private static List<V1ValidatingAdmissionPolicyBinding> BindingsOf(SynthResult result) =>
        [.. AdmissionObjects(result).OfType<V1ValidatingAdmissionPolicyBinding>()];

    private static IEnumerable<object> AdmissionObjects(SynthResult result) => result.Files
        .Where(f => f.RelativePath.StartsWith(Admission + "/", StringComparison.Ordinal) && !f.RelativePath.EndsWith("kustomization.yaml", StringComparison.Ordinal))
        .SelectMany(f => KubernetesYaml.LoadAllFromString(f.Content));

    // A pod as the Deployment's controller creates it, in a namespace of the test's choice; with the Deployment's
    // waiver annotations when asked, as someone who copies them onto the pod would.
    private static string PodOf(V1Deployment deployment, string ns, bool withWaivers) => Json(new V1Pod
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta
        {
            Name = deployment.Metadata.Name,
            NamespaceProperty = ns,
            Labels = deployment.Spec.Template.Metadata.Labels,
            Annotations = withWaivers ? deployment.Metadata.Annotations : null,
        },
        Spec = deployment.Spec.Template.Spec,
    });

    private static V1Namespace StripPodSecurity(V1Namespace ns)
    {
        ns.Metadata.Labels.Remove("pod-security.kubernetes.io/enforce");
        return ns;
    }

    private static string Json(object value) => KubernetesJson.Serialize(value);
}
