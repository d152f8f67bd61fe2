using System.Collections.Generic;
using SecureManifests.Validation;

namespace SecureManifests.Analyzers.Definition;

/// <summary>
/// Which argument of which SDK method the SDK checks as which kind of value when the app is defined. The checks
/// themselves (<see cref="DefinitionProblems"/>) are the SDK's own, compiled in here; this table only says where
/// the SDK applies them, so a literal argument gets the build's verdict while it is typed.
/// </summary>
internal static class DefinitionChecks
{
    private static readonly Dictionary<string, Dictionary<string, DefinitionValue>> ByMethod = new(System.StringComparer.Ordinal)
    {
        // new App("shop") and : base("shop") are the constructor, ".ctor".
        [".ctor"] = Arguments(("name", DefinitionValue.LabelName)),
        ["AddNamespace"] = Arguments(("name", DefinitionValue.LabelName)),
        ["AddClusterRole"] = Arguments(("name", DefinitionValue.SubdomainName)),
        ["AddDeployment"] = Workload(),
        ["AddStatefulSet"] = Workload(),
        ["AddDaemonSet"] = Workload(),
        ["AddJob"] = Workload(),
        ["AddCronJob"] = Arguments(("name", DefinitionValue.LabelName), ("image", DefinitionValue.Image), ("schedule", DefinitionValue.CronSchedule)),
        ["AddConfigMap"] = Arguments(("name", DefinitionValue.SubdomainName)),
        ["AddExternalSecret"] = Arguments(("name", DefinitionValue.SubdomainName)),
        ["AddRole"] = Arguments(("name", DefinitionValue.SubdomainName)),
        ["AddIngress"] = Arguments(("name", DefinitionValue.SubdomainName)),
        ["AddHttpRoute"] = Arguments(("name", DefinitionValue.SubdomainName)),
        ["WithSidecar"] = Workload(),
        ["WithInitContainer"] = Workload(),
        ["WithPort"] = Arguments(("name", DefinitionValue.PortName), ("port", DefinitionValue.PortNumber)),
        ["WithHostPort"] = Arguments(("hostPort", DefinitionValue.PortNumber)),
        ["WithEnv"] = Arguments(("name", DefinitionValue.EnvVarName), ("value", DefinitionValue.ProcessString)),
        ["WithResources"] = Arguments(("cpu", DefinitionValue.Quantity), ("memory", DefinitionValue.Quantity), ("memoryLimit", DefinitionValue.Quantity), ("cpuLimit", DefinitionValue.Quantity)),
        ["WithWritablePath"] = Arguments(("path", DefinitionValue.MountPath), ("sizeLimit", DefinitionValue.Quantity)),
        ["WithSecretFiles"] = Arguments(("mountPath", DefinitionValue.MountPath)),
        ["WithConfigFiles"] = Arguments(("mountPath", DefinitionValue.MountPath)),
        ["WithHostPathVolume"] = Arguments(("mountPath", DefinitionValue.MountPath)),
        ["WithPodLabel"] = Arguments(("key", DefinitionValue.LabelKey), ("value", DefinitionValue.LabelValue)),
        ["WithNodeSelector"] = Arguments(("labelKey", DefinitionValue.LabelKey), ("value", DefinitionValue.LabelValue)),
    };

    /// <summary>Whether calls of this name are checked (any other call is dismissed from its syntax).</summary>
    public static bool Checks(string method) => ByMethod.ContainsKey(method);

    /// <summary>The kind of value parameter <paramref name="parameter"/> of <paramref name="method"/> must be.</summary>
    public static bool TryGet(string method, string parameter, out DefinitionValue kind)
    {
        kind = default;
        return ByMethod.TryGetValue(method, out var arguments) && arguments.TryGetValue(parameter, out kind);
    }

    private static Dictionary<string, DefinitionValue> Workload() =>
        Arguments(("name", DefinitionValue.LabelName), ("image", DefinitionValue.Image));

    private static Dictionary<string, DefinitionValue> Arguments(params (string Parameter, DefinitionValue Kind)[] arguments)
    {
        var map = new Dictionary<string, DefinitionValue>(System.StringComparer.Ordinal);
        foreach (var (parameter, kind) in arguments)
        {
            map[parameter] = kind;
        }

        return map;
    }
}
