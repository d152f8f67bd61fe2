using System.CommandLine;
using System.CommandLine.Completions;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// <c>-f, --format F[=FILE]</c>, repeatable: each value is a format, to stdout, or <c>format=FILE</c>, to that file.
/// Of the formats to stdout the last one given wins, as with every repeated single-valued option; each file gets its
/// own report, and one file cannot take two. The value is the stdout report first (text when none is given), then
/// the file reports in the order given.
/// </summary>
internal static class ReportTargetOption
{
    public static Option<ReportTarget[]> Create()
    {
        var option = new Option<ReportTarget[]>("--format", "-f")
        {
            HelpName = "F[=FILE]",
            Description = "text | json | sarif | junit | github (default: text); F=FILE writes that report to FILE, repeatable (e.g. -f text -f sarif=results.sarif)",
            Arity = ArgumentArity.OneOrMore,
            CustomParser = result =>
            {
                ReportTarget? standardOutput = null;
                var files = new List<ReportTarget>();
                foreach (var token in result.Tokens)
                {
                    var (target, problem) = Parse(token.Value);
                    if (problem is not null)
                    {
                        result.AddError(problem);
                        return [];
                    }

                    if (target!.File is null)
                    {
                        standardOutput = target;
                    }
                    else if (files.Any(f => string.Equals(f.File, target.File, StringComparison.Ordinal)))
                    {
                        result.AddError($"--format: two reports cannot go to one file '{target.File}'");
                        return [];
                    }
                    else
                    {
                        files.Add(target);
                    }
                }

                return standardOutput is null && files.Count > 0 ? [.. files] : [standardOutput ?? new ReportTarget(ReportFormat.Text, null), .. files];
            },
        };
        option.CompletionSources.Clear();
        option.CompletionSources.Add(_ => ReportFormats.Names.Select(word => new CompletionItem(word)));
        return option;
    }

    private static (ReportTarget? Target, string? Problem) Parse(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        var word = equals < 0 ? value : value[..equals];
        if (!ReportFormats.TryParse(word, out var format))
        {
            return (null, ReportFormats.Unknown(word));
        }

        if (equals < 0)
        {
            return (new ReportTarget(format, null), null);
        }

        var file = value[(equals + 1)..];
        return string.IsNullOrWhiteSpace(file) || file == "-"
            ? (null, $"--format {word}=FILE needs a file after '=' (without '=FILE' the report goes to stdout)")
            : (new ReportTarget(format, file), null);
    }
}
