using SecureManifests.Synthesis;
using SecureManifests.SynthHost;

// dotnet exec --depsfile P.deps.json --runtimeconfig P.runtimeconfig.json SecureManifests.SynthHost.dll
//   --assembly P.dll --output DIR [--profile P] [--layout L] [--fail-on S] [--verify]
if (!HostArguments.TryParse(args, out var arguments, out var problem))
{
    Console.Error.WriteLine($"error {MsBuildMessage.DefinitionFailed}: {problem}");
    Console.Error.WriteLine(HostArguments.Usage);
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

    return new AppSynthesis(arguments, Console.Out, Console.Error).Run(apps);
}
catch (HostException e)
{
    Console.Error.WriteLine($"{e.Origin}: error {MsBuildMessage.DefinitionFailed}: {e.Text}");
    return AppRunner.UsageOrInputError;
}
