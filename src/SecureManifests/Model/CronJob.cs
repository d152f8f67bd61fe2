using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;

namespace SecureManifests.Model;

/// <summary>A Job on a schedule (batch/v1 CronJob). Runs never overlap: concurrencyPolicy is Forbid.</summary>
public sealed class CronJob : Workload<CronJob>
{
    private string _concurrencyPolicy = "Forbid";
    private string? _timeZone;

    internal CronJob(Namespace ns, string name, string schedule, string image)
        : base(ns, "CronJob", name, image)
    {
        if (Validation.DefinitionProblems.Of(Validation.DefinitionValue.CronSchedule, schedule) is { } problem)
        {
            throw Invalid("spec.schedule", problem);
        }

        if (name.Length > 52)
        {
            throw Invalid("metadata.name", $"'{name}' is longer than 52 characters; the controller appends 11 characters for each Job");
        }

        Schedule = schedule;
    }

    public string Schedule { get; }

    /// <summary>Lets a run start while the previous one is still running.</summary>
    public CronJob AllowConcurrentRuns()
    {
        _concurrencyPolicy = "Allow";
        return this;
    }

    /// <summary>An IANA time zone for the schedule, e.g. <c>Europe/Berlin</c>; default is the controller's (UTC).</summary>
    public CronJob WithTimeZone(string timeZone)
    {
        Arguments.NotNull(timeZone, Reference);
        if (string.IsNullOrWhiteSpace(timeZone) || timeZone.Any(char.IsWhiteSpace))
        {
            throw Invalid("spec.timeZone", $"'{timeZone}' is not an IANA time zone name");
        }

        _timeZone = timeZone;
        return this;
    }

    /// <summary>
    /// The typed escape hatch for what the SDK does not name: changes the emitted <c>V1CronJob</c> after every default is
    /// applied. The result is checked like everything else: an insecure change fails the synth unless a relaxation with
    /// a reason covers it.
    /// </summary>
    public CronJob Customize(Action<V1CronJob> change, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(change, Reference);
        CustomizationsOf.Add(change, callerFile, callerLine);
        return this;
    }

    private protected override IKubernetesObject EmitWorkload() => new V1CronJob
    {
        ApiVersion = "batch/v1",
        Kind = Kind,
        Metadata = WorkloadMetadata(),
        Spec = new V1CronJobSpec
        {
            Schedule = Schedule,
            TimeZone = _timeZone,
            ConcurrencyPolicy = _concurrencyPolicy,
            JobTemplate = new V1JobTemplateSpec
            {
                Spec = new V1JobSpec
                {
                    TtlSecondsAfterFinished = Defaults.ResolveJobTtl(),
                    Template = BuildPodTemplate(restartPolicy: "Never"),
                },
            },
        },
    };
}
