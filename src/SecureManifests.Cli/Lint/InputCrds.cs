using System.Text;
using SecureManifests.Cli.Input;
using SecureManifests.CustomResources;
using SecureManifests.Rules;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// CustomResourceDefinitions among the linted inputs make their kinds' pods known, wherever they stand: the input files
/// are looked through before anything is linted (only those that hold the word are parsed), and standard input, which
/// can be read once, as it streams, for the objects after the CRD. A CRD the reader cannot take is no error here: it is
/// an input, linted as one, and its kinds stay as they were.
/// </summary>
internal static class InputCrds
{
    private static readonly byte[] Marker = Encoding.UTF8.GetBytes(CrdKind);

    private const string CrdKind = "CustomResourceDefinition";

    /// <summary>Adds the pods of the CRDs in the input files; a CRD that disagrees with a declared kind is a problem at its line.</summary>
    public static void AddFromFiles(PodTemplateKindSet kinds, IEnumerable<LintInput> inputs, List<InputProblem> problems)
    {
        // One buffer for the whole scan: a lint of thousands of files would otherwise allocate 64 KB for each.
        var buffer = new byte[64 * 1024];
        foreach (var input in inputs.Where(i => !i.IsStandardInput && Mentions(i.FullPath!, buffer)))
        {
            string text;
            try
            {
                text = File.ReadAllText(input.FullPath!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // reported when the file is linted
            }

            Add(kinds, CustomResourceDefinitionReader.Read(text, input.DisplayName).Definitions, input.DisplayName, problems);
        }
    }

    /// <summary>Adds the pods of <paramref name="document"/> when it is a CRD (its JSON as written is YAML too).</summary>
    public static void AddFromDocument(PodTemplateKindSet kinds, SourceDocument document, List<InputProblem> problems)
    {
        if (document.Kind == CrdKind)
        {
            var definitions = CustomResourceDefinitionReader.Read(document.Written.GetRawText(), document.SourceName).Definitions;
            Add(kinds, definitions.Select(d => (d, document.Line)), document.SourceName, problems);
        }
    }

    private static void Add(PodTemplateKindSet kinds, IEnumerable<CustomResourceDefinitionModel> definitions, string file, List<InputProblem> problems) =>
        Add(kinds, definitions.Select(d => (d, d.Line)), file, problems);

    private static void Add(PodTemplateKindSet kinds, IEnumerable<(CustomResourceDefinitionModel Definition, int Line)> definitions, string file, List<InputProblem> problems)
    {
        foreach (var (definition, line) in definitions)
        {
            try
            {
                CrdFiles.AddPodTemplates(kinds, definition);
            }
            catch (ArgumentException e)
            {
                problems.Add(new InputProblem(file, Math.Max(1, line), 1, e.Message));
            }
        }
    }

    /// <summary>Whether the file holds the word at all: most inputs do not, and are not parsed twice.</summary>
    private static bool Mentions(string fullPath, byte[] buffer)
    {
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var kept = 0;
            int read;
            while ((read = stream.Read(buffer, kept, buffer.Length - kept)) > 0)
            {
                var filled = kept + read;
                if (buffer.AsSpan(0, filled).IndexOf(Marker) >= 0)
                {
                    return true;
                }

                // Keep the tail that could begin the word, for the next read to finish it.
                kept = Math.Min(Marker.Length - 1, filled);
                buffer.AsSpan(filled - kept, kept).CopyTo(buffer);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        return false;
    }
}
