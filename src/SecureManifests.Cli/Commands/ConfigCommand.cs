using System.CommandLine;
using SecureManifests.Cli.Config;
using SecureManifests.CommandLine;

namespace SecureManifests.Cli.Commands;

/// <summary><c>secure-manifests config init [--force]</c>: writes a commented starter <c>.securemanifests.yaml</c> in the working folder.</summary>
internal static class ConfigCommand
{
    public static Command Create(CliConsole console)
    {
        var force = new Option<bool>("--force") { Description = "overwrite an existing .securemanifests.yaml" };
        var init = new Command("init", $"write a commented starter {ConfigDiscovery.FileName} in the current folder") { force };
        init.SetAction(result =>
        {
            var path = Path.Combine(console.WorkingDirectory, ConfigDiscovery.FileName);
            if (File.Exists(path) && !result.Has(force))
            {
                console.Error.Line($"error: {ConfigDiscovery.FileName} exists already; give --force to overwrite it");
                return ExitCodes.UsageOrInputError;
            }

            try
            {
                AtomicFile.Write(path, writer => writer.Write(StarterConfig.Text));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console.Error.Line($"error: cannot write {ConfigDiscovery.FileName}: {e.Message.ReplaceLineEndings(" ")}");
                return ExitCodes.UsageOrInputError;
            }

            console.Error.Line($"wrote {ConfigDiscovery.FileName}; secure-manifests lint uses it for inputs in this folder and below");
            return ExitCodes.Success;
        });
        return new Command("config", "work with the lint config file (.securemanifests.yaml)") { init };
    }
}
