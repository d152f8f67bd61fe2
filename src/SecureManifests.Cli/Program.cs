using SecureManifests.Cli;

return NativeTool.MustHandOver(args) ? NativeTool.RunManagedCopy(args) : CliApplication.RunFromConsole(args);
