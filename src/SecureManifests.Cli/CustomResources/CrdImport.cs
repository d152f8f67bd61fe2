using System.Text;
using SecureManifests.Cli.Lint;
using SecureManifests.CustomResources;

namespace SecureManifests.Cli.CustomResources;

/// <summary>
/// The C# files of a set of CRD files, made by the generator's own emitter (<see cref="CustomResourceEmitter"/>), so
/// checked-in code and generated code are the same text; or the problems that stop the import.
/// </summary>
internal sealed class CrdImport
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private CrdImport(IReadOnlyList<(string Name, string Source)> files, IReadOnlyList<InputProblem> problems)
    {
        Files = files;
        Problems = problems;
    }

    /// <summary>File name and content, in name order.</summary>
    public IReadOnlyList<(string Name, string Source)> Files { get; }

    /// <summary>What stops the import, in input order: nothing is written when there is any.</summary>
    public IReadOnlyList<InputProblem> Problems { get; }

    /// <summary>Reads every input and emits its CRDs into <paramref name="ns"/> (each group's default when null).</summary>
    public static CrdImport Read(IReadOnlyList<LintInput> inputs, IReadOnlyList<InputProblem> unreadable, string? ns)
    {
        var problems = new List<InputProblem>(unreadable);
        var sources = new List<(CustomResourceSource Source, string File)>();
        foreach (var input in inputs)
        {
            string text;
            try
            {
                text = File.ReadAllText(input.FullPath!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new InputProblem(input.DisplayName, 1, 1, "cannot read: " + e.Message.ReplaceLineEndings(" ")));
                continue;
            }

            var result = CustomResourceEmitter.Emit(text, input.FullPath!, ns);
            problems.AddRange(result.Problems.Select(p => new InputProblem(input.DisplayName, p.Line, p.Column, $"{p.Message} ({p.Id})")));
            if (result.Problems.Count == 0 && result.Sources.Count == 0)
            {
                problems.Add(new InputProblem(input.DisplayName, 1, 1, CrdFiles.NoDefinition));
            }

            sources.AddRange(result.Sources.Select(s => (s, input.DisplayName)));
        }

        foreach (var twice in sources.GroupBy(s => (s.Source.Group, s.Source.Kind)).Where(g => g.Count() > 1))
        {
            var files = string.Join(", ", twice.Select(s => s.File));
            problems.Add(new InputProblem(twice.Last().File, 1, 1, $"{twice.Key.Kind} ({twice.Key.Group}) is defined more than once: {files}"));
        }

        return new CrdImport(problems.Count > 0 ? [] : Name(sources.Select(s => s.Source)), problems);
    }

    /// <summary>
    /// Writes every file into <paramref name="directory"/> (created when missing), each atomically; a file whose
    /// content is already that is left alone, so its timestamp does not rebuild the project. Returns how many were written.
    /// Files of kinds no longer imported are not deleted: the folder may hold the team's own code.
    /// </summary>
    public int WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        var written = 0;
        foreach (var (name, source) in Files)
        {
            var path = Path.Combine(directory, name);
            var bytes = Utf8.GetBytes(source);
            if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                continue;
            }

            using var file = new AtomicFile(path);
            file.Stream.Write(bytes);
            file.Commit();
            written++;
        }

        return written;
    }

    // KIND.cs; a kind defined by two groups (two Certificate kinds, say) is KIND.GROUP.cs for both, so neither wins.
    private static List<(string Name, string Source)> Name(IEnumerable<CustomResourceSource> sources)
    {
        var all = sources.ToList();
        var shared = all.GroupBy(s => s.Kind, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. all
            .Select(s => (Name: shared.Contains(s.Kind) ? $"{s.Kind}.{s.Group}.cs" : $"{s.Kind}.cs", s.Source))
            .OrderBy(f => f.Name, StringComparer.Ordinal)];
    }
}
