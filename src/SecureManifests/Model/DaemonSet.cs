using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;

namespace SecureManifests.Model;

/// <summary>One pod per node (apps/v1 DaemonSet), with the same secure pod settings as every workload.</summary>
public sealed class DaemonSet : Workload<DaemonSet>
{
    internal DaemonSet(Namespace ns, string name, string image)
        : base(ns, "DaemonSet", name, image)
    {
    }

    /// <inheritdoc cref="Workload.SetRevisionHistoryLimit"/>
    public DaemonSet WithRevisionHistoryLimit(int revisions)
    {
        SetRevisionHistoryLimit(revisions);
        return this;
    }

    /// <summary>
    /// The typed escape hatch for what the SDK does not name: changes the emitted <c>V1DaemonSet</c> after every default is
    /// applied. The result is checked like everything else: an insecure change fails the synth unless a relaxation with
    /// a reason covers it.
    /// </summary>
    public DaemonSet Customize(Action<V1DaemonSet> change, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(change, Reference);
        CustomizationsOf.Add(change, callerFile, callerLine);
        return this;
    }

    private protected override IKubernetesObject EmitWorkload() => new V1DaemonSet
    {
        ApiVersion = "apps/v1",
        Kind = Kind,
        Metadata = WorkloadMetadata(),
        Spec = new V1DaemonSetSpec { Selector = Selector(), RevisionHistoryLimit = RevisionHistoryLimit, Template = BuildPodTemplate() },
    };
}
