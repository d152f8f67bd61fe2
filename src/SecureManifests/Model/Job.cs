using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;

namespace SecureManifests.Model;

/// <summary>A run-to-completion workload (batch/v1 Job), garbage-collected after it finishes (SM2013).</summary>
public sealed class Job : Workload<Job>
{
    private int? _backoffLimit;
    private long? _activeDeadlineSeconds;

    internal Job(Namespace ns, string name, string image)
        : base(ns, "Job", name, image)
    {
    }

    /// <summary>Retries before the Job is marked failed.</summary>
    public Job WithBackoffLimit(int retries)
    {
        if (retries < 0)
        {
            throw Invalid("spec.backoffLimit", $"{retries} is negative");
        }

        _backoffLimit = retries;
        return this;
    }

    /// <summary>Wall-clock limit for the whole Job.</summary>
    public Job WithDeadline(TimeSpan deadline)
    {
        if (deadline <= TimeSpan.Zero)
        {
            throw Invalid("spec.activeDeadlineSeconds", "the deadline must be positive");
        }

        _activeDeadlineSeconds = (long)Math.Ceiling(deadline.TotalSeconds);
        return this;
    }

    /// <summary>
    /// The typed escape hatch for what the SDK does not name: changes the emitted <c>V1Job</c> after every default is
    /// applied. The result is checked like everything else: an insecure change fails the synth unless a relaxation with
    /// a reason covers it.
    /// </summary>
    public Job Customize(Action<V1Job> change, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(change, Reference);
        CustomizationsOf.Add(change, callerFile, callerLine);
        return this;
    }

    internal V1JobSpec BuildJobSpec() => new()
    {
        BackoffLimit = _backoffLimit,
        ActiveDeadlineSeconds = _activeDeadlineSeconds,
        TtlSecondsAfterFinished = Defaults.ResolveJobTtl(),
        Template = BuildPodTemplate(restartPolicy: "Never"),
    };

    private protected override IKubernetesObject EmitWorkload() => new V1Job
    {
        ApiVersion = "batch/v1",
        Kind = Kind,
        Metadata = WorkloadMetadata(),
        Spec = BuildJobSpec(),
    };
}
