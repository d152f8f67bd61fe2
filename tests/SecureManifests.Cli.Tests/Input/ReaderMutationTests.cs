using System.Text;
using SecureManifests.Cli.Input;
using SecureManifests.Validation;
using SecureManifests.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SecureManifests.Cli.Tests.Input;

/// <summary>
/// Issue 11, deliverable 8: a deterministic mutation test of the reader. Real manifests (the rule fixtures and the
/// Shop sample's synthesized output) are mutated with a fixed seed, the kinds of damage hostile or broken input
/// carries; each mutant must give documents or clean one-line errors, never an exception, a multi-line or raw
/// message, or an internal error. No time budget: the reader is linear in its input, so the run stays short.
/// </summary>
public sealed class ReaderMutationTests(ITestOutputHelper output)
{
    private const int Seed = 20_261_127;
    private const int Mutants = 2_400;

    private static readonly string[] Decorations = ["&a ", "*a", "!!str ", "!!int ", "!!map ", "!custom ", "<<: *a", "? ", "&a [", "*b ", "!<tag:x> "];

    [Fact]
    public void Mutants_of_real_manifests_give_documents_or_one_line_errors()
    {
        var seeds = SeedManifests();
        Assert.True(seeds.Count >= 150, $"only {seeds.Count} seed manifests found");
        var random = new Random(Seed);
        var documents = 0;
        var errors = 0;
        var mutationCounts = new int[Mutations.Length];

        for (var i = 0; i < Mutants; i++)
        {
            var (seedName, seedBytes) = seeds[random.Next(seeds.Count)];
            var bytes = seedBytes;
            var applied = new List<string>();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var which = random.Next(Mutations.Length);
                mutationCounts[which]++;
                bytes = Mutations[which].Apply(random, bytes);
                applied.Add(Mutations[which].Name);
            }

            var what = $"mutant {i} of {seedName} ({string.Join(", ", applied)})";
            List<ReadResult> results;
            try
            {
                using var stream = new MemoryStream(bytes);
                results = new ManifestReader().Read(seedName, stream).ToList();
            }
            catch (Exception ex)
            {
                Assert.Fail($"{what}: {ex.GetType().Name} escaped the reader: {ex.Message}");
                throw;
            }

            foreach (var result in results)
            {
                if (result is not ReadError error)
                {
                    documents++;
                    continue;
                }

                errors++;
                var line = error.ToString();
                Assert.False(line.Any(PrintableText.IsControl), $"{what}: error with a raw control character: {line}");
                Assert.True(error.Kind != ReadErrorKind.Read, $"{what}: {line}");
                Assert.DoesNotContain("internal error", line, StringComparison.Ordinal);
                Assert.True(error.Line >= 1 && error.Column >= 1, $"{what}: {line}");
                Assert.StartsWith(seedName + ":", line, StringComparison.Ordinal);
            }
        }

        output.WriteLine($"{Mutants} mutants of {seeds.Count} manifests: {documents} documents, {errors} errors; mutations: " +
                         string.Join(", ", Mutations.Select((m, k) => $"{m.Name} {mutationCounts[k]}")));
        // Both outcomes occur, so the mutants neither all break the input nor all leave it intact.
        Assert.True(documents > Mutants / 10 && errors > Mutants / 10, $"{documents} documents, {errors} errors");
    }

    private static readonly Mutation[] Mutations =
    [
        new("byte flip", (r, b) => Edit(b, copy => copy[r.Next(copy.Length)] ^= (byte)(1 << r.Next(8)))),
        new("truncation", (r, b) => b[..r.Next(b.Length)]),
        new("indentation shift", (r, b) => EditLine(r, b, l => r.Next(3) switch
        {
            0 => new string(' ', r.Next(1, 4)) + l,
            1 => l.TrimStart(' '),
            _ => "\t" + l,
        })),
        new("anchor, alias or tag", (r, b) => Insert(r, b, Decorations[r.Next(Decorations.Length)], afterColon: true)),
        new("long scalar", (r, b) => Insert(r, b, " " + new string((char)('a' + r.Next(26)), r.Next(10_000, 300_000)), afterColon: true)),
        new("byte-order mark", (r, b) => r.Next(2) == 0 ? [0xEF, 0xBB, 0xBF, .. b] : InsertBytes(r, b, [0xEF, 0xBB, 0xBF])),
        new("CRLF", (r, b) => Encoding.UTF8.GetBytes(r.Next(3) switch
        {
            0 => Encoding.UTF8.GetString(b).Replace("\n", "\r\n", StringComparison.Ordinal),
            1 => Encoding.UTF8.GetString(b).Replace("\n", "\r", StringComparison.Ordinal),
            _ => EditText(r, Encoding.UTF8.GetString(b), "\r"),
        })),
        new("NUL", (r, b) => InsertBytes(r, b, [0])),
        new("flow nesting", (r, b) => Insert(r, b, " " + new string('[', r.Next(50, 5_000)), afterColon: true)),
        new("quote", (r, b) => Insert(r, b, r.Next(2) == 0 ? " \"" : " '", afterColon: true)),
        new("control character", (r, b) => Insert(r, b, " \"\\e[31m\\n\\u0085\"", afterColon: true)),
    ];

    private static List<(string Name, byte[] Bytes)> SeedManifests()
    {
        var root = TestPaths.RepositoryRoot;
        var fixtures = Path.Combine(root, "tests", "fixtures", "rules");
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var sample = Path.Combine(root, "samples", "Shop", "bin", configuration, "net10.0", "manifests");
        Assert.True(Directory.Exists(sample), $"{sample} is missing: the Shop sample is built with these tests");
        return new[] { fixtures, sample }
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories)
                .Select(path => (Name: Path.GetRelativePath(root, path).Replace('\\', '/'), Path: path)))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => (f.Name, File.ReadAllBytes(f.Path)))
            .Where(f => f.Item2.Length > 0)
            .ToList();
    }

    private static byte[] Edit(byte[] bytes, Action<byte[]> edit)
    {
        var copy = (byte[])bytes.Clone();
        edit(copy);
        return copy;
    }

    private static byte[] InsertBytes(Random random, byte[] bytes, byte[] insert)
    {
        var at = random.Next(bytes.Length + 1);
        return [.. bytes.AsSpan(0, at), .. insert, .. bytes.AsSpan(at)];
    }

    private static byte[] EditLine(Random random, byte[] bytes, Func<string, string> edit)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        var at = random.Next(lines.Length);
        lines[at] = edit(lines[at]);
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    private static string EditText(Random random, string text, string insert) => text.Insert(random.Next(text.Length + 1), insert);

    /// <summary>Inserts at a random place, or (afterColon) right after a random ": " so it lands where a value starts.</summary>
    private static byte[] Insert(Random random, byte[] bytes, string insert, bool afterColon)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var at = random.Next(text.Length + 1);
        if (afterColon)
        {
            var colon = text.IndexOf(": ", Math.Min(at, text.Length), StringComparison.Ordinal);
            at = colon < 0 ? at : colon + 1;
        }

        return Encoding.UTF8.GetBytes(text.Insert(at, insert));
    }

    private sealed record Mutation(string Name, Func<Random, byte[], byte[]> Apply);
}
