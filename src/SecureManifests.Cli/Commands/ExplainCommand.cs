using System.CommandLine;
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
        var command = new Command("explain", "print the documentation of one rule") { id };
        command.SetAction(result => Run(result.GetValue(id), console));
        return command;
    }

    private static int Run(string? id, CliConsole console)
    {
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
