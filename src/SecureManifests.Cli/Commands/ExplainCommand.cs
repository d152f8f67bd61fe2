using SecureManifests.Rules;

namespace SecureManifests.Cli.Commands;

/// <summary>
/// <c>secure-manifests explain ID</c>: the rule's docs page, rendered from the catalogue, so an installed tool
/// needs no repository.
/// </summary>
internal static class ExplainCommand
{
    public const string Usage = """
        usage: secure-manifests explain ID
          prints the documentation of one rule (ID such as SM1001, or its name such as privileged-container)
        """;

    public static int Run(IReadOnlyList<string> args, int start, CliConsole console)
    {
        string? id = null;
        var cursor = new ArgumentCursor(args, start);
        while (cursor.Next(out var option, out var positional))
        {
            switch (option)
            {
                case null when id is null:
                    id = positional;
                    break;
                case null:
                    throw new UsageException("explain takes one rule ID");
                case "-h" or "--help":
                    console.Output.Line(Usage);
                    return ExitCodes.Success;
                default:
                    throw new UsageException($"unknown option '{option}' for explain");
            }
        }

        if (id is null)
        {
            throw new UsageException("explain needs a rule ID, e.g. secure-manifests explain SM1001");
        }

        var rule = RuleLookup.Find(id)
            ?? throw new UsageException($"'{id}' is not a rule ID{RuleLookup.DidYouMean(id)}; `secure-manifests rules` lists them");
        console.Output.Write(RuleDocumentation.RenderPage(rule));
        return ExitCodes.Success;
    }
}
