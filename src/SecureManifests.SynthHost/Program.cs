using SecureManifests.Synthesis;
using SecureManifests.SynthHost;

// dotnet exec --depsfile P.deps.json --runtimeconfig P.runtimeconfig.json SecureManifests.SynthHost.dll
//   --assembly P.dll --output DIR [--profile P] [--layout L] [--fail-on S] [--verify] [--report FILE] [--progress FILE]
// The build step passes --report: the host's findings and errors go there (see BuildReport), and standard output
// and error stay the user code's, shown as plain messages.
var report = new BuildReport();
var reportPath = HostArguments.FindReportPath(args);
var exitCode = Run(args, report);
if (reportPath is null)
{
    report.WriteCanonical(Console.Error);
}
else
{
    report.WriteTo(reportPath);
}

return exitCode;

static int Run(string[] args, BuildReport report)
{
    if (!HostArguments.TryParse(args, out var arguments, out var problem))
    {
        report.Add(MsBuildMessage.Setting(HostArguments.FindProject(args), problem));
        return AppRunner.UsageOrInputError;
    }

    try
    {
        var apps = CatalogLoader.Load(arguments.Assembly);
        if (apps.Count == 0)
        {
            Console.Out.WriteLine($"SecureManifests: {arguments.Assembly} defines no [ManifestApp] class; nothing to synthesize");
            return AppRunner.Success;
        }

        return new AppSynthesis(arguments, Console.Out, report).Run(apps);
    }
    catch (HostException e)
    {
        report.Add(MsBuildMessage.AtFile(e.Origin, MsBuildMessage.DefinitionFailed, e.Text));
        return AppRunner.UsageOrInputError;
    }
}
