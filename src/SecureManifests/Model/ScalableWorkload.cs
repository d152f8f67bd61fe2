using k8s;
using k8s.Models;

namespace SecureManifests.Model;

/// <summary>A workload with replicas: it can have a PodDisruptionBudget and a HorizontalPodAutoscaler.</summary>
public abstract class ScalableWorkload<TSelf> : Workload<TSelf>
    where TSelf : ScalableWorkload<TSelf>
{
    private IntOrString? _minAvailable;
    private IntOrString? _maxUnavailable;
    private (int Min, int Max, int CpuPercent)? _autoscaling;

    private protected ScalableWorkload(Namespace ns, string kind, string name, string image)
        : base(ns, kind, name, image)
    {
    }

    /// <summary>The replica count; null when an autoscaler owns it.</summary>
    public int? Replicas { get; private set; } = 1;

    /// <inheritdoc cref="Workload.SetRevisionHistoryLimit"/>
    public TSelf WithRevisionHistoryLimit(int revisions)
    {
        SetRevisionHistoryLimit(revisions);
        return (TSelf)this;
    }

    public TSelf WithReplicas(int replicas)
    {
        if (replicas < 0)
        {
            throw Invalid("spec.replicas", $"{replicas} is negative");
        }

        Replicas = replicas;
        return (TSelf)this;
    }

    /// <summary>A PodDisruptionBudget named like the workload; give exactly one of the two bounds.</summary>
    public TSelf WithDisruptionBudget(int? minAvailable = null, int? maxUnavailable = null)
    {
        if (minAvailable is null == maxUnavailable is null)
        {
            throw Invalid("podDisruptionBudget", "give exactly one of minAvailable and maxUnavailable");
        }

        if (minAvailable < 0 || maxUnavailable < 0)
        {
            throw Invalid("podDisruptionBudget", "bounds must not be negative");
        }

        _minAvailable = minAvailable is null ? null : (IntOrString)minAvailable.Value;
        _maxUnavailable = maxUnavailable is null ? null : (IntOrString)maxUnavailable.Value;
        return (TSelf)this;
    }

    /// <summary>A HorizontalPodAutoscaler (autoscaling/v2) on CPU utilization of the requests; it owns the replica count.</summary>
    public TSelf WithAutoscaling(int minReplicas, int maxReplicas, int targetCpuUtilizationPercent = 80)
    {
        if (minReplicas < 1 || maxReplicas < minReplicas)
        {
            throw Invalid("horizontalPodAutoscaler.spec", $"replicas {minReplicas}-{maxReplicas}: need 1 <= minReplicas <= maxReplicas");
        }

        if (targetCpuUtilizationPercent is < 1 or > 100)
        {
            throw Invalid("horizontalPodAutoscaler.spec.metrics[cpu]", $"{targetCpuUtilizationPercent}% is outside 1-100");
        }

        _autoscaling = (minReplicas, maxReplicas, targetCpuUtilizationPercent);
        Replicas = null;
        return (TSelf)this;
    }

    internal override IEnumerable<IKubernetesObject> Emit()
    {
        foreach (var obj in base.Emit())
        {
            yield return obj;
        }

        if (_minAvailable is not null || _maxUnavailable is not null)
        {
            yield return new V1PodDisruptionBudget
            {
                ApiVersion = "policy/v1",
                Kind = "PodDisruptionBudget",
                Metadata = Metadata(Name),
                Spec = new V1PodDisruptionBudgetSpec { MinAvailable = _minAvailable, MaxUnavailable = _maxUnavailable, Selector = Selector() },
            };
        }

        if (_autoscaling is { } scaling)
        {
            yield return new V2HorizontalPodAutoscaler
            {
                ApiVersion = "autoscaling/v2",
                Kind = "HorizontalPodAutoscaler",
                Metadata = Metadata(Name),
                Spec = new V2HorizontalPodAutoscalerSpec
                {
                    ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = Kind, Name = Name },
                    MinReplicas = scaling.Min,
                    MaxReplicas = scaling.Max,
                    Metrics =
                    [
                        new V2MetricSpec
                        {
                            Type = "Resource",
                            Resource = new V2ResourceMetricSource
                            {
                                Name = "cpu",
                                Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = scaling.CpuPercent },
                            },
                        },
                    ],
                },
            };
        }
    }
}
