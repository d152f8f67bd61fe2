using System.CommandLine;
using System.Globalization;
using SecureManifests.Cli.CustomResources;
using SecureManifests.Cli.Lint;
using SecureManifests.CommandLine;

namespace SecureManifests.Cli.Commands;

/// <summary>
/// <c>secure-manifests import-crd FILE... --namespace NS --output DIR</c>: the C# the source generator makes of CRD
/// files, written as source files for teams that check generated code in. Every file is read before anything is
/// written, so a bad CRD leaves the folder as it was.
/// </summary>
internal static class ImportCrdCommand
{
    /// <summary>Printed under the help.</summary>
    public const string Notes = """
        writes one C# file per CustomResourceDefinition (KIND.cs), the same code the SecureManifests source generator
        makes of a CRD given as <AdditionalFiles Include="..." SecureManifestsCrd="true" />; folders are searched for
        *.yaml, *.yml and *.json; a file whose content is unchanged is not rewritten
        exit codes: 0 written; 2 usage error, a CRD that cannot be read, or unwritable output
        """;

    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("FILE")
        {
            Description = "CustomResourceDefinition files (apiextensions.k8s.io/v1), or folders of them",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var ns = TextOption.Create(
            "--namespace", "NS", "the C# namespace of the types (default: the API group in PascalCase, such as CertManagerIo)",
            text => string.IsNullOrWhiteSpace(text) ? "--namespace needs a C# namespace" : null, "-n");
        var output = SharedSettings.Output(SettingDialect.CommandLine, "DIR", "the folder the C# files are written to");
        var command = new Command("import-crd", "write C# types for CustomResourceDefinitions, as the source generator makes them")
        {
            paths, ns, output,
        };
        command.SetAction(result => Run(
            result.GetValue(paths) ?? [], result.GetValue(ns), result.GetValue(output), Terminal.Style(result, console, error: true), console));
        return command;
    }

    private static int Run(string[] paths, string? ns, string? output, TextStyle errorStyle, CliConsole console)
    {
        if (paths.Length == 0)
        {
            throw new UsageException("import-crd needs at least one CRD file or folder");
        }

        if (output is null)
        {
            throw new UsageException("import-crd needs --output DIR, the folder the C# files are written to");
        }

        if (paths.Contains("-"))
        {
            throw new UsageException("import-crd reads files, not standard input: name the CRD files");
        }

        var (inputs, unreadable) = InputCollector.Collect(paths, console.WorkingDirectory);
        var import = CrdImport.Read(inputs, unreadable, ns);
        foreach (var problem in import.Problems)
        {
            console.Error.Line(problem.Format(errorStyle));
        }

        if (import.Problems.Count > 0)
        {
            console.Error.Line("nothing written: fix the CRDs above first");
            return ExitCodes.UsageOrInputError;
        }

        var directory = Path.GetFullPath(output, console.WorkingDirectory);
        int written;
        try
        {
            written = import.WriteTo(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.Line($"error: cannot write '{output}': {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.UsageOrInputError;
        }

        console.Output.Line(string.Create(CultureInfo.InvariantCulture,
            $"wrote {written} of {import.Files.Count} C# files ({import.Files.Count - written} unchanged) to {InputCollector.DisplayName(directory, console.WorkingDirectory)}"));
        return ExitCodes.Success;
    }
}
