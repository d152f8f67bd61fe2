using k8s;
using k8s.Models;
using SecureManifests.Admission;
using SecureManifests.Rules;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests.Admission;

/// <summary>
/// At admission an object cannot waive a rule for itself: whoever may create a pod could write the annotation. The
/// waiver that lint and synth honour (<c>securemanifests.io/ignore-SM1001: reason</c>) does not get a privileged pod
/// past the generated SM1001 policy on any engine.
/// </summary>
public sealed class InObjectWaiverTests
{
    [AdmissionRefereeFact]
    public void A_pods_own_waiver_annotation_does_not_pass_admission()
    {
        var policy = KubernetesJson.Serialize(AdmissionPolicyGenerator.Generate(RuleProfile.Restricted, PssVersion.Latest)
            .Policies.Single(p => p.Rule.Id == RuleIds.PrivilegedContainer).Policy);
        var pod = KubernetesJson.Serialize(new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta
            {
                Name = "debug",
                NamespaceProperty = "tools",
                Annotations = new Dictionary<string, string> { ["securemanifests.io/ignore-SM1001"] = "needs the host's devices" },
            },
            Spec = new V1PodSpec
            {
                Containers = [new V1Container { Name = "shell", Image = "busybox:1.36", SecurityContext = new V1SecurityContext { Privileged = true } }],
            },
        });

        var verdicts = AdmissionReferees.EvaluateAll(AdmissionReferees.Engines.Select(e => (e, new AdmissionCase(policy, pod))).ToList());

        Assert.All(verdicts, v => Assert.False(v.Admitted, v.ToString()));
        Assert.All(verdicts, v => Assert.StartsWith("SM1001", Assert.Single(v.Failures).Message, StringComparison.Ordinal));
    }
}
