using k8s;
using k8s.Models;
using SecureManifests.Rules;
using static SecureManifests.Tests.Rules.TestObjects;

namespace SecureManifests.Tests.Rules;

public sealed class RuleEngineTests
{
    private static V1Deployment WritableRoot() => SecureDeployment(s => App(s).SecurityContext.ReadOnlyRootFilesystem = false);

    [Fact]
    public void Waiver_with_a_reason_on_the_workload_suppresses_the_rule_on_that_object_only()
    {
        var waived = WritableRoot();
        waived.Metadata.Annotations = new Dictionary<string, string> { ["securemanifests.io/ignore-SM1019"] = "nginx writes its cache" };
        var other = WritableRoot();
        other.Metadata.Name = "web";

        var findings = Evaluate(waived, other);

        var finding = Assert.Single(findings);
        Assert.Equal(RuleIds.WritableRootFilesystem, finding.RuleId);
        Assert.Equal(1, finding.ObjectIndex);
        Assert.Equal("web", finding.Name);
    }

    [Fact]
    public void Waiver_on_the_pod_template_counts_too()
    {
        var deployment = WritableRoot();
        deployment.Spec.Template.Metadata.Annotations = new Dictionary<string, string> { ["securemanifests.io/ignore-SM1019"] = "legacy image" };

        Assert.Empty(Evaluate(deployment));
    }

    [Fact]
    public void Waiver_for_another_rule_does_not_suppress()
    {
        var deployment = WritableRoot();
        deployment.Metadata.Annotations = new Dictionary<string, string> { ["securemanifests.io/ignore-SM1001"] = "not this one" };

        Assert.Equal(RuleIds.WritableRootFilesystem, Assert.Single(Evaluate(deployment)).RuleId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Waiver_without_a_reason_waives_nothing_and_is_reported(string reason)
    {
        var deployment = WritableRoot();
        deployment.Metadata.Annotations = new Dictionary<string, string> { ["securemanifests.io/ignore-SM1019"] = reason };

        var findings = Evaluate(deployment);

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(RuleIds.WritableRootFilesystem, f.RuleId));
        var blank = Assert.Single(findings, f => f.Path == "metadata.annotations[securemanifests.io/ignore-SM1019]");
        Assert.Contains("has no reason", blank.Message, StringComparison.Ordinal);
        Assert.Contains(findings, f => f.Path == "spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem");
    }

    [Fact]
    public void Blank_waiver_of_a_rule_outside_the_profile_is_not_reported()
    {
        var deployment = SecureDeployment();
        deployment.Metadata.Annotations = new Dictionary<string, string> { ["securemanifests.io/ignore-SM1019"] = "" };

        Assert.Empty(Evaluate(new RuleEngineOptions { Profile = RuleProfile.Restricted }, deployment));
    }

    [Fact]
    public void Waived_findings_are_returned_with_their_reason_when_asked()
    {
        var deployment = WritableRoot();
        deployment.Metadata.Annotations = new Dictionary<string, string> { ["securemanifests.io/ignore-SM1019"] = " nginx cache " };

        var finding = Assert.Single(Evaluate(new RuleEngineOptions { ReportWaived = true }, deployment));

        Assert.Equal("nginx cache", finding.WaiverReason);
        Assert.True(finding.IsSuppressed);
    }

    [Theory]
    [InlineData(RuleProfile.Baseline, new[] { "SM1001" })]
    [InlineData(RuleProfile.Restricted, new[] { "SM1001", "SM1007" })]
    [InlineData(RuleProfile.Secure, new[] { "SM1001", "SM1007", "SM1019" })]
    [InlineData(RuleProfile.All, new[] { "SM1001", "SM1007", "SM1019" })]
    public void Profiles_select_their_rules(RuleProfile profile, string[] expected)
    {
        var deployment = SecureDeployment(s =>
        {
            App(s).SecurityContext.Privileged = true;
            App(s).SecurityContext.AllowPrivilegeEscalation = true;
            App(s).SecurityContext.ReadOnlyRootFilesystem = false;
        });

        var ids = Evaluate(new RuleEngineOptions { Profile = profile }, deployment).Select(f => f.RuleId).ToArray();

        Assert.Equal(expected, ids);
    }

    [Fact]
    public void Default_options_are_the_secure_profile_at_the_newest_version()
    {
        var options = new RuleEngineOptions();

        Assert.Equal(RuleProfile.Secure, options.Profile);
        Assert.Equal(PssVersion.Latest, options.Version);
        Assert.Equal("v1.37", options.Version.ToString());
    }

    [Fact]
    public void Excluded_rules_are_off_and_included_rules_are_on_whatever_the_profile()
    {
        var deployment = SecureDeployment(s =>
        {
            App(s).SecurityContext.Privileged = true;
            App(s).SecurityContext.ReadOnlyRootFilesystem = false;
        });
        var options = new RuleEngineOptions { Profile = RuleProfile.Baseline };
        options.ExcludedRules.Add(RuleIds.PrivilegedContainer);
        options.IncludedRules.Add(RuleIds.WritableRootFilesystem);

        var ids = Evaluate(options, deployment).Select(f => f.RuleId).ToArray();

        Assert.Equal(new[] { RuleIds.WritableRootFilesystem }, ids);
    }

    public static TheoryData<string, string> PodBearingKinds() => new()
    {
        { "Pod", "spec.containers[0]" },
        { "Deployment", "spec.template.spec.containers[0]" },
        { "ReplicaSet", "spec.template.spec.containers[0]" },
        { "StatefulSet", "spec.template.spec.containers[0]" },
        { "DaemonSet", "spec.template.spec.containers[0]" },
        { "Job", "spec.template.spec.containers[0]" },
        { "CronJob", "spec.jobTemplate.spec.template.spec.containers[0]" },
        { "ReplicationController", "spec.template.spec.containers[0]" },
        { "PodTemplate", "template.spec.containers[0]" },
    };

    [Theory]
    [MemberData(nameof(PodBearingKinds))]
    public void The_pod_spec_of_every_pod_bearing_kind_is_checked(string kind, string containerPath)
    {
        var spec = SecurePodSpec();
        App(spec).SecurityContext.Privileged = true;
        var template = new V1PodTemplateSpec { Metadata = new V1ObjectMeta(), Spec = spec };
        var meta = new V1ObjectMeta { Name = "x", NamespaceProperty = "shop" };
        IKubernetesObject obj = kind switch
        {
            "Pod" => new V1Pod { Metadata = meta, Spec = spec },
            "Deployment" => new V1Deployment { Metadata = meta, Spec = new V1DeploymentSpec { Template = template } },
            "ReplicaSet" => new V1ReplicaSet { Metadata = meta, Spec = new V1ReplicaSetSpec { Template = template } },
            "StatefulSet" => new V1StatefulSet { Metadata = meta, Spec = new V1StatefulSetSpec { Template = template } },
            "DaemonSet" => new V1DaemonSet { Metadata = meta, Spec = new V1DaemonSetSpec { Template = template } },
            "Job" => new V1Job { Metadata = meta, Spec = new V1JobSpec { Template = template } },
            "CronJob" => new V1CronJob { Metadata = meta, Spec = new V1CronJobSpec { JobTemplate = new V1JobTemplateSpec { Spec = new V1JobSpec { Template = template } } } },
            "ReplicationController" => new V1ReplicationController { Metadata = meta, Spec = new V1ReplicationControllerSpec { Template = template } },
            _ => new V1PodTemplate { Metadata = meta, Template = template },
        };

        // Restricted: only the pod security rules, so kind-specific hygiene rules (Job TTL, selectors) stay out.
        var finding = Assert.Single(Evaluate(new RuleEngineOptions { Profile = RuleProfile.Restricted }, obj));

        Assert.Equal(RuleIds.PrivilegedContainer, finding.RuleId);
        Assert.Equal(kind, finding.Kind);
        Assert.Equal("shop", finding.Namespace);
        Assert.Equal("x", finding.Name);
        Assert.Equal("app", finding.Container);
        Assert.Equal(containerPath + ".securityContext.privileged", finding.Path);
    }

    [Fact]
    public void Init_and_ephemeral_containers_are_checked_with_their_own_paths()
    {
        var spec = SecurePodSpec();
        Init(spec).SecurityContext.Privileged = true;
        spec.EphemeralContainers = new List<V1EphemeralContainer>
        {
            new()
            {
                Name = "debug", Image = "busybox:1.36",
                SecurityContext = new V1SecurityContext
                {
                    Privileged = true, AllowPrivilegeEscalation = false, ReadOnlyRootFilesystem = true,
                    Capabilities = new V1Capabilities { Drop = new List<string> { "ALL" } },
                },
            },
        };
        var pod = new V1Pod { Kind = "Pod", Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = "shop" }, Spec = spec };

        var paths = Evaluate(pod).Select(f => f.Path).ToArray();

        Assert.Equal(
            "spec.initContainers[0].securityContext.privileged, spec.ephemeralContainers[0].securityContext.privileged",
            string.Join(", ", paths));
    }

    [Fact]
    public void Objects_without_a_pod_spec_or_of_unknown_kinds_are_skipped()
    {
        var findings = Evaluate(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c", NamespaceProperty = "shop" } },
            new UnknownObject(),
            new V1Deployment { Metadata = new V1ObjectMeta { Name = "empty" } });

        Assert.Empty(findings);
    }

    [Fact]
    public void Findings_carry_the_index_of_their_object_and_come_out_in_object_order()
    {
        var findings = Evaluate(
            new V1ConfigMap(),
            SecureDeployment(s => s.AutomountServiceAccountToken = null),
            SecureDeployment(s => App(s).SecurityContext.Privileged = true));

        Assert.Equal("1 SM1020, 2 SM1001", string.Join(", ", findings.Select(f => $"{f.ObjectIndex} {f.RuleId}")));
    }

    [Fact]
    public void A_null_object_is_an_error_naming_its_index()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new RuleEngine().Evaluate(new IKubernetesObject[] { SecureDeployment(), null! }, new RuleEngineOptions()));

        Assert.Contains("objects[1] is null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_streamed_evaluation_keeps_no_object_and_still_judges_the_set()
    {
        var options = new RuleEngineOptions { Profile = RuleProfile.All };
        var evaluation = new RuleEngine().StartEvaluation(options);

        var (added, perObject) = AddAndForget(evaluation);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.All(added, a => Assert.False(a.IsAlive, "the evaluation still holds an object it was given"));
        var streamed = perObject.Concat(evaluation.Complete()).OrderBy(f => f.ObjectIndex).Select(f => f.ToString());
        var whole = new RuleEngine().Evaluate(Dangling(), options).Select(f => f.ToString());
        Assert.Equal(whole, streamed);
        Assert.Contains(whole, f => f.StartsWith(RuleIds.DanglingService, StringComparison.Ordinal));
    }

    [Fact]
    public void A_completed_evaluation_takes_no_more_objects()
    {
        var evaluation = new RuleEngine().StartEvaluation();
        evaluation.Add(SecureDeployment());
        _ = evaluation.Complete();

        Assert.Throws<InvalidOperationException>(() => evaluation.Add(SecureDeployment()));
        Assert.Throws<InvalidOperationException>(() => evaluation.Complete());
    }

    [Fact]
    public void A_check_for_a_rule_not_in_the_catalogue_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new RuleEngine(new IObjectRule[] { new BogusRule() }, Array.Empty<ISetRule>()));

        Assert.Contains("SM9999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Built_in_engine_implements_every_pod_security_rule()
    {
        var implemented = new RuleEngine().ImplementedRuleIds;

        for (var n = 1; n <= 21; n++)
        {
            Assert.Contains("SM10" + n.ToString("00", System.Globalization.CultureInfo.InvariantCulture), implemented);
        }
    }

    [Fact]
    public void Output_is_identical_across_runs_and_cultures()
    {
        var deployment = SecureDeployment(s =>
        {
            s.SecurityContext.RunAsNonRoot = null;
            s.SecurityContext.Sysctls = new List<V1Sysctl> { new() { Name = "kernel.msgmax", Value = "1" } };
            App(s).Ports[0].HostPort = 8080;
        });
        deployment.Spec.Template.Metadata.Annotations = new Dictionary<string, string>
        {
            ["container.seccomp.security.alpha.kubernetes.io/b"] = "unconfined",
            ["container.seccomp.security.alpha.kubernetes.io/a"] = "unconfined",
        };

        var first = string.Join("\n", Evaluate(deployment));
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("ar-SA");
            Assert.Equal(first, string.Join("\n", Evaluate(deployment)));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("v1.0", 0)]
    [InlineData("1.29", 29)]
    [InlineData(" V1.37 ", 37)]
    [InlineData("latest", 37)]
    public void Pss_versions_parse(string text, int minor) => Assert.Equal(minor, PssVersion.Parse(text).Minor);

    [Theory]
    [InlineData("v2.0")]
    [InlineData("v1.38")]
    [InlineData("v1.-1")]
    [InlineData("1")]
    [InlineData("")]
    public void Unknown_pss_versions_are_refused_with_the_accepted_forms(string text)
    {
        var error = Assert.Throws<FormatException>(() => PssVersion.Parse(text));

        Assert.Contains("v1.0 to v1.37", error.Message, StringComparison.Ordinal);
    }

    private sealed class UnknownObject : IKubernetesObject
    {
        public string ApiVersion { get; set; } = "example.com/v1";

        public string Kind { get; set; } = "Widget";
    }

    private sealed class BogusRule : IObjectRule
    {
        public string RuleId => "SM9999";

        public void Check(RuleTarget target, RuleContext context)
        {
        }
    }

    // A consistent large set plus a Service whose selector matches no pod.
    private static List<IKubernetesObject> Dangling()
    {
        var objects = LargeSetRuleTests.LargeSet(4, 2);
        objects.Add(new V1Service
        {
            ApiVersion = "v1", Kind = "Service", Metadata = new V1ObjectMeta { Name = "lost", NamespaceProperty = "team-0" },
            Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "nobody" } },
        });
        return objects;
    }

    // Not inlined, so no local of the caller keeps the objects alive.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (WeakReference[] Added, List<Finding> PerObject) AddAndForget(RuleEvaluation evaluation)
    {
        var objects = Dangling();
        var findings = new List<Finding>();
        foreach (var obj in objects)
        {
            findings.AddRange(evaluation.Add(obj).Findings);
        }

        return (objects.Select(o => new WeakReference(o)).ToArray(), findings);
    }
}
