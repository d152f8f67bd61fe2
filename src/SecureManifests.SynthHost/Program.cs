using SecureManifests.Synthesis;
using SecureManifests.SynthHost;

// dotnet exec --depsfile P.deps.json --runtimeconfig P.runtimeconfig.json SecureManifests.SynthHost.dll
//   --assembly P.dll --output DIR [--profile P] [--layout L] [--fail-on S] [--verify] [--report FILE] [--progress FILE]
// The build step passes --report: the host's findings and errors go there (see BuildReport), and standard output
// and error stay the user code's, shown as plain messages.
var report = new BuildReport();
var arguments = HostArguments.Parse(args);
var exitCode = Run(arguments, report);
if (arguments.ReportPath is null)
{
    report.WriteCanonical(Console.Error);
}
else
{
    report.WriteTo(arguments.ReportPath);
}

return exitCode;

static int Run(HostArguments arguments, BuildReport report)
{
    if (arguments.Problem is not null)
    {
        report.Add(MsBuildMessage.Setting(arguments.Project, arguments.Problem));
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
