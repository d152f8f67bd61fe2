using System.Reflection;

namespace SecureManifests.Cli;

/// <summary>The tool's name, version and home page, as printed by <c>--version</c> and written into SARIF.</summary>
internal static class ToolInfo
{
    public const string Name = "secure-manifests";

    public const string InformationUri = "https://github.com/securemanifests/securemanifests";

    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
