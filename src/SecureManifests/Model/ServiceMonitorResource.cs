using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace SecureManifests.Model;

/// <summary>
/// A Prometheus Operator <c>monitoring.coreos.com/v1</c> ServiceMonitor as the SDK writes it for
/// <see cref="Service.Monitor"/>: the Service selected by its labels, its ports by name. Internal for the reason
/// <see cref="HttpRouteResource"/> is.
/// </summary>
internal sealed class ServiceMonitorResource : IKubernetesObject<V1ObjectMeta>
{
    public const string Version = "monitoring.coreos.com/v1";
    public const string KindName = "ServiceMonitor";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = Version;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KindName;

    [JsonPropertyName("metadata")]
    public required V1ObjectMeta Metadata { get; set; }

    [JsonPropertyName("spec")]
    public required ServiceMonitorSpec Spec { get; init; }
}

internal sealed record ServiceMonitorSpec(
    [property: JsonPropertyName("selector")] V1LabelSelector Selector,
    [property: JsonPropertyName("endpoints")] IReadOnlyList<ServiceMonitorEndpoint> Endpoints);

/// <summary>One scraped port of the Service, by its name; <see cref="Interval"/> null for Prometheus's own scrape interval.</summary>
internal sealed record ServiceMonitorEndpoint(
    [property: JsonPropertyName("port")] string Port,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("interval")] string? Interval)
{
    /// <summary>A whole number of milliseconds as a Prometheus duration (<c>1m30s</c>, <c>500ms</c>), the form the CRD accepts.</summary>
    public static string Duration(TimeSpan value)
    {
        var text = new StringBuilder();
        var rest = (long)value.TotalMilliseconds;
        foreach (var (unit, milliseconds) in new[] { ("h", 3_600_000L), ("m", 60_000L), ("s", 1_000L), ("ms", 1L) })
        {
            if (rest >= milliseconds)
            {
                text.Append((rest / milliseconds).ToString(CultureInfo.InvariantCulture)).Append(unit);
                rest %= milliseconds;
            }
        }

        return text.ToString();
    }
}
