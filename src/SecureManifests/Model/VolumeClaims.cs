using k8s.Models;
using SecureManifests.Validation;

namespace SecureManifests.Model;

/// <summary>PersistentVolumeClaim specs for StatefulSet claim templates and Deployment claims, validated alike.</summary>
internal static class VolumeClaims
{
    public static V1PersistentVolumeClaim Create(Workload owner, string name, string size, string? storageClass, VolumeAccessMode accessMode, string field)
    {
        var problem = NameFormat.Label.Check(name);
        if (problem is not null)
        {
            throw new ManifestDefinitionException(owner.Reference, field + ".metadata.name", problem);
        }

        if (!Quantities.IsValid(size) || Quantities.IsNegative(size))
        {
            throw new ManifestDefinitionException(owner.Reference, field + ".spec.resources.requests.storage", $"'{size}' is not a valid quantity; write e.g. 10Gi");
        }

        if (storageClass is not null && NameFormat.Subdomain.Check(storageClass) is { } classProblem)
        {
            throw new ManifestDefinitionException(owner.Reference, field + ".spec.storageClassName", classProblem);
        }

        if (!Enum.IsDefined(accessMode))
        {
            throw new ManifestDefinitionException(owner.Reference, field + ".spec.accessModes", $"{accessMode} is not a VolumeAccessMode");
        }

        return new V1PersistentVolumeClaim
        {
            Metadata = new V1ObjectMeta { Name = name },
            Spec = new V1PersistentVolumeClaimSpec
            {
                AccessModes = [accessMode.ToApiValue()],
                StorageClassName = storageClass,
                Resources = new V1VolumeResourceRequirements
                {
                    Requests = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal) { ["storage"] = Quantity.Of(size) },
                },
            },
        };
    }
}
