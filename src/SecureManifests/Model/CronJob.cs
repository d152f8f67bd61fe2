using k8s;
using k8s.Models;

namespace SecureManifests.Model;

/// <summary>A Job on a schedule (batch/v1 CronJob). Runs never overlap: concurrencyPolicy is Forbid.</summary>
public sealed class CronJob : Workload<CronJob>
{
    private static readonly string[] Macros = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

    private string _concurrencyPolicy = "Forbid";
    private string? _timeZone;

    internal CronJob(Namespace ns, string name, string schedule, string image)
        : base(ns, "CronJob", name, image)
    {
        if (!IsSchedule(schedule))
        {
            throw Invalid("spec.schedule", $"'{schedule}' is not a cron schedule: five fields (minute hour day-of-month month day-of-week) or a macro such as @hourly");
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
    public CronJob Customize(Action<V1CronJob> change)
    {
        CustomizationsOf.Add(change);
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

    private static bool IsSchedule(string schedule)
    {
        if (string.IsNullOrWhiteSpace(schedule))
        {
            return false;
        }

        var trimmed = schedule.Trim();
        if (trimmed.StartsWith('@'))
        {
            return Macros.Contains(trimmed, StringComparer.Ordinal);
        }

        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length == 5 && fields.All(f => f.All(c => char.IsAsciiLetterOrDigit(c) || c is '*' or ',' or '-' or '/' or '?'));
    }
}
