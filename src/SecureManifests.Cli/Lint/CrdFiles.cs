using System.CommandLine;
using SecureManifests.Cli.Config;
using SecureManifests.CustomResources;
using SecureManifests.Rules;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// The CRD files lint is given, with <c>--crd FILE</c> or the config's <c>crds:</c>, both read here: their schemas say
/// where custom kinds keep their pods (<see cref="PodTemplateSchemas.Find"/>), so those pods are checked. A file that
/// cannot be read, or holds a CRD with a problem, is an error at its line: lint does not run with a CRD it cannot honour.
/// </summary>
internal static class CrdFiles
{
    public const string OptionName = "--crd";

    /// <summary>A file named as a CRD file (to lint with, or to import) that holds none.</summary>
    public const string NoDefinition = "no CustomResourceDefinition (apiextensions.k8s.io/v1) in this file";

    /// <summary>The repeatable <c>--crd FILE</c>.</summary>
    public static Option<string[]> CreateOption() => new(OptionName)
    {
        HelpName = "FILE",
        Description = "a CustomResourceDefinition file whose schemas say where its kinds keep their pods (repeatable); CRDs among the inputs count too",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
        Validators = { result => Array.ForEach(result.Tokens.Select(t => Problem(t.Value)).OfType<string>().ToArray(), result.AddError) },
    };

    /// <summary>What is wrong with a CRD path as written on the command line or in the config, or null.</summary>
    public static string? Problem(string path) => string.IsNullOrWhiteSpace(path) ? $"{OptionName} needs a file" : null;

    /// <summary>The definitions of the CRD file at <paramref name="fullPath"/>, named <paramref name="displayName"/> in errors.</summary>
    /// <exception cref="SettingsFileException">The file cannot be read, holds no CRD, or one with a problem.</exception>
    public static IReadOnlyList<CustomResourceDefinitionModel> Read(string fullPath, string displayName)
    {
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (FileNotFoundException)
        {
            throw new SettingsFileException(displayName, 1, 1, "no such CRD file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SettingsFileException(displayName, 1, 1, $"cannot read the CRD file: {e.Message.ReplaceLineEndings(" ")}");
        }

        var result = CustomResourceDefinitionReader.Read(text, displayName);
        if (result.Problems.Count > 0)
        {
            var problem = result.Problems[0];
            throw new SettingsFileException(displayName, problem.Line, problem.Column, problem.Message);
        }

        return result.Definitions.Count > 0
            ? result.Definitions
            : throw new SettingsFileException(displayName, 1, 1, NoDefinition);
    }

    /// <summary>Adds the pods that every version's schema of <paramref name="definition"/> holds to <paramref name="kinds"/>.</summary>
    /// <exception cref="ArgumentException">A <c>pod-template-kinds</c> entry keeps the kind's pod elsewhere.</exception>
    public static void AddPodTemplates(PodTemplateKindSet kinds, CustomResourceDefinitionModel definition)
    {
        foreach (var version in definition.Versions)
        {
            kinds.AddFromSchema(definition.Group, definition.Kind, PodTemplateSchemas.Find(version.Schema));
        }
    }
}
