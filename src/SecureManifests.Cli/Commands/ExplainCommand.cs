using System.CommandLine;
using SecureManifests.Cli.Explain;
using SecureManifests.CommandLine;
using SecureManifests.Rules;

namespace SecureManifests.Cli.Commands;

/// <summary>
/// <c>secure-manifests explain ID</c>: the rule's docs page, rendered from the catalogue, so an installed tool
/// needs no repository.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string?>("ID")
        {
            Description = "a rule ID such as SM1001, or its name such as privileged-container",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var markdown = new Option<bool>("--markdown") { Description = "print the page's Markdown source, as docs/rules/<ID>.md has it" };
        var command = new Command("explain", "print the documentation of one rule") { id, markdown };
        command.SetAction(result => Run(result.GetValue(id), result.Has(markdown), Terminal.Style(result, console), console));
        return command;
    }

    private static int Run(string? id, bool markdown, TextStyle style, CliConsole console)
    {
        if (id is null)
        {
            throw new UsageException("explain needs a rule ID, e.g. secure-manifests explain SM1001");
        }

        var rule = RuleLookup.Find(id)
            ?? throw new UsageException($"'{id}' is not a rule ID{RuleLookup.DidYouMean(id)}; `secure-manifests rules` lists them");
        var page = RuleDocumentation.RenderPage(rule);
        console.Output.Write(markdown ? page : TerminalMarkdown.Render(page, style));
        return ExitCodes.Success;
    }
}
