#nullable enable
using System;
using System.Globalization;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Validation;

/// <summary>
/// What is wrong with a value the SDK is given, in the words the SDK's <c>ManifestDefinitionException</c> uses: the
/// SDK checks its arguments with these when an app is defined, and the analyzers check literal arguments with the
/// same functions while the user types, so both report one problem under one ID (SM0106) with one text.
/// </summary>
internal static class DefinitionProblems
{
    private static readonly char[] CronFieldSeparators = { ' ' };

    private static readonly string[] CronMacros = { "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly" };

    /// <summary>
    /// The one line every error about an object's field reads as: <c>Deployment shop/api: spec.replicas: problem</c>,
    /// control characters of the quoted values escaped.
    /// </summary>
    public static string Line(string objectReference, string field, string problem) =>
        PrintableText.Escape(objectReference + ": " + field + ": " + problem);

    /// <summary>The problem with <paramref name="value"/> as a <paramref name="kind"/>, or null when it is fine.</summary>
    public static string? Of(DefinitionValue kind, string? value) => kind switch
    {
        DefinitionValue.LabelName when !KubernetesNames.IsDns1123Label(value) =>
            $"'{value}' is not a valid name: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit (DNS-1123 label)",
        DefinitionValue.SubdomainName when !KubernetesNames.IsDns1123Subdomain(value) =>
            $"'{value}' is not a valid name: use at most 253 lower-case letters, digits, '-' and '.', each part starting and ending with a letter or digit (DNS-1123 subdomain)",
        DefinitionValue.PortName when !KubernetesNames.IsPortName(value) =>
            $"'{value}' is not a valid port name: at most 15 lower-case letters, digits and '-', with at least one letter",
        DefinitionValue.Quantity when value is not null && !Quantities.IsValid(value) =>
            $"'{value}' is not a valid quantity; write e.g. 250m or 64Mi",
        DefinitionValue.Quantity when value is not null && Quantities.IsNegative(value) =>
            $"'{value}' is negative",
        DefinitionValue.EnvVarName when !KubernetesNames.IsEnvVarName(value) =>
            $"'{value}' is not a valid environment variable name: printable ASCII without '='",
        DefinitionValue.MountPath when !IsMountPath(value) =>
            $"'{value}' must be an absolute path without '..' or ':'",
        DefinitionValue.CronSchedule when !IsCronSchedule(value) =>
            $"'{value}' is not a cron schedule: five fields (minute hour day-of-month month day-of-week) or a macro such as @hourly",
        DefinitionValue.Image => ImageProblem(value),
        DefinitionValue.ProcessString => OfProcessString(value),
        DefinitionValue.LabelKey when !KubernetesNames.IsQualifiedKey(value) =>
            $"'{value}' is not a valid label key: an optional DNS subdomain prefix and '/', then at most 63 alphanumerics, '-', '_' or '.'",
        DefinitionValue.LabelValue when !KubernetesNames.IsLabelValue(value) =>
            $"'{value}' is not a valid label value: at most 63 alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric",
        _ => null,
    };

    /// <summary>A second workload of one namespace with the name of another (the object's reference names the namespace).</summary>
    public static string DuplicateWorkload(string name) =>
        $"another workload in this namespace is already named '{name}'; workload names select pods and must be unique per namespace";

    /// <summary>A second namespace of one app with the name of another.</summary>
    public static string DuplicateNamespace(string name) => $"namespace '{name}' is defined twice in this app";

    /// <summary>Annotations of one object that together exceed the API server's limit.</summary>
    public static string? OfAnnotationSize(long totalBytes) => totalBytes > ApiLimits.TotalAnnotationBytes
        ? $"the annotations total {totalBytes.ToString(CultureInfo.InvariantCulture)} bytes; the API server accepts at most {ApiLimits.TotalAnnotationBytes.ToString(CultureInfo.InvariantCulture)} (256 KiB) for all annotations of an object"
        : null;

    /// <summary>ConfigMap data that together exceed the API server's limit.</summary>
    public static string? OfConfigMapSize(long totalBytes) => totalBytes > ApiLimits.ConfigMapDataBytes
        ? $"the data total {totalBytes.ToString(CultureInfo.InvariantCulture)} bytes; the API server accepts at most {ApiLimits.ConfigMapDataBytes.ToString(CultureInfo.InvariantCulture)} (1 MiB) for a ConfigMap"
        : null;

    /// <summary>
    /// The problem with a string a container's process receives (an environment value, a command or argument), or null.
    /// The kernel passes them as NUL-terminated strings, so a NUL cannot be delivered: the runtime refuses to start the
    /// container. Other control characters are fine there (a PEM certificate in a variable has newlines).
    /// </summary>
    public static string? OfProcessString(string? value) => value is not null && value.IndexOf('\0') >= 0
        ? "contains a NUL character, which a process cannot receive in its environment or arguments; the container would not start"
        : null;

    /// <summary>The problem with a port number, or null when it is within 1-65535.</summary>
    public static string? OfPort(long port) =>
        port is < 1 or > 65535 ? port.ToString(CultureInfo.InvariantCulture) + " is outside 1-65535" : null;

    private static string? ImageProblem(string? value) => ImageReference.TryParse(value, out _, out var problem) ? null : problem;

    private static bool IsMountPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path![0] != '/' || path.IndexOf(':') >= 0)
        {
            return false;
        }

        return Array.IndexOf(path.Split('/'), "..") < 0;
    }

    private static bool IsCronSchedule(string? schedule)
    {
        if (schedule is null || schedule.Trim().Length == 0)
        {
            return false;
        }

        var trimmed = schedule.Trim();
        if (trimmed[0] == '@')
        {
            return Array.IndexOf(CronMacros, trimmed) >= 0;
        }

        var fields = trimmed.Split(CronFieldSeparators, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            return false;
        }

        foreach (var field in fields)
        {
            foreach (var c in field)
            {
                if (!Ascii.IsLetterOrDigit(c) && c is not ('*' or ',' or '-' or '/' or '?'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
