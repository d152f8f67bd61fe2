using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;

namespace SecureManifests.Model;

/// <summary>A stateless, replicated workload (apps/v1 Deployment).</summary>
public sealed class Deployment : ScalableWorkload<Deployment>
{
    private readonly List<V1PersistentVolumeClaim> _claims = [];
    private V1DeploymentStrategy? _strategy;

    internal Deployment(Namespace ns, string name, string image)
        : base(ns, "Deployment", name, image)
    {
    }

    /// <summary>
    /// Replaces pods gradually (the Kubernetes default, 25% / 25%): at most <paramref name="maxSurge"/> extra pods and
    /// at most <paramref name="maxUnavailable"/> missing ones during a rollout. They cannot both be zero.
    /// </summary>
    public Deployment WithRollingUpdate(PercentOrAbsolute? maxSurge = null, PercentOrAbsolute? maxUnavailable = null)
    {
        if (maxSurge?.Value == 0 && maxUnavailable?.Value == 0)
        {
            throw Invalid("spec.strategy.rollingUpdate", "maxSurge and maxUnavailable cannot both be 0: the rollout could never progress");
        }

        _strategy = new V1DeploymentStrategy
        {
            Type = "RollingUpdate",
            RollingUpdate = maxSurge is null && maxUnavailable is null
                ? null
                : new V1RollingUpdateDeployment { MaxSurge = maxSurge?.ToModel(), MaxUnavailable = maxUnavailable?.ToModel() },
        };
        return this;
    }

    /// <summary>Stops every old pod before new ones start (e.g. for a ReadWriteOnce volume or a schema that cannot run twice).</summary>
    public Deployment WithRecreateStrategy()
    {
        _strategy = new V1DeploymentStrategy { Type = "Recreate" };
        return this;
    }

    /// <summary>
    /// A PersistentVolumeClaim named <paramref name="name"/>, written next to the Deployment and mounted at
    /// <paramref name="mountPath"/>. All replicas share it: ReadWriteOnce pins them to one node.
    /// </summary>
    public Deployment WithVolumeClaim(string name, string mountPath, string size, string? storageClass = null, VolumeAccessMode accessMode = VolumeAccessMode.ReadWriteOnce)
    {
        Arguments.NotNull(name, Reference);
        Arguments.NotNull(mountPath, Reference);
        Arguments.NotNull(size, Reference);
        var field = $"volumes[{name}].persistentVolumeClaim";
        var claim = VolumeClaims.Create(this, name, size, storageClass, accessMode, field);
        if (_claims.Any(c => c.Metadata.Name == name))
        {
            throw Invalid(field, $"claim '{name}' is declared twice");
        }

        claim.ApiVersion = "v1";
        claim.Kind = "PersistentVolumeClaim";
        claim.Metadata = Metadata(name, instanceOf: Name);
        _claims.Add(claim);
        WithExistingVolumeClaim(name, mountPath, readOnly: accessMode == VolumeAccessMode.ReadOnlyMany);
        return this;
    }

    /// <summary>Mounts a PersistentVolumeClaim that exists in the cluster (created by someone else) at <paramref name="mountPath"/>.</summary>
    public Deployment WithExistingVolumeClaim(string claimName, string mountPath, bool readOnly = false)
    {
        Arguments.NotNull(claimName, Reference);
        Arguments.NotNull(mountPath, Reference);
        var problem = NameFormat.Subdomain.Check(claimName);
        if (problem is not null)
        {
            throw Invalid($"volumes[{claimName}].persistentVolumeClaim.claimName", problem);
        }

        var volume = AddVolume("claim-" + claimName, () => new V1Volume
        {
            PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = claimName, ReadOnlyProperty = readOnly ? true : null },
        });
        Main.WithMount(volume, mountPath, readOnly);
        return this;
    }

    /// <summary>
    /// The typed escape hatch for what the SDK does not name: changes the emitted <c>V1Deployment</c> after every default is
    /// applied. The result is checked like everything else: an insecure change fails the synth unless a relaxation with
    /// a reason covers it.
    /// </summary>
    public Deployment Customize(Action<V1Deployment> change, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(change, Reference);
        CustomizationsOf.Add(change, callerFile, callerLine);
        return this;
    }

    internal override IEnumerable<IKubernetesObject> Emit()
    {
        foreach (var obj in base.Emit())
        {
            yield return obj;
        }

        foreach (var claim in _claims)
        {
            yield return claim;
        }
    }

    private protected override IKubernetesObject EmitWorkload() => new V1Deployment
    {
        ApiVersion = "apps/v1",
        Kind = Kind,
        Metadata = WorkloadMetadata(),
        Spec = new V1DeploymentSpec
        {
            Replicas = Replicas,
            Selector = Selector(),
            Strategy = _strategy,
            RevisionHistoryLimit = RevisionHistoryLimit,
            Template = BuildPodTemplate(),
        },
    };
}
