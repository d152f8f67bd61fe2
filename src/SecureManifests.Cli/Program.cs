using SecureManifests.Cli;

return CliApplication.RunFromConsole(args);
