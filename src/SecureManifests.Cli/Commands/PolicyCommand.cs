using System.CommandLine;
using System.Globalization;
using SecureManifests.Admission;
using SecureManifests.CommandLine;
using SecureManifests.Rules;

namespace SecureManifests.Cli.Commands;

/// <summary>
/// <c>secure-manifests policy</c>: the ValidatingAdmissionPolicies and bindings of a profile, generated from the
/// catalogue, as deterministic YAML on stdout or in a file.
/// </summary>
internal static class PolicyCommand
{
    private static readonly WordTable<AdmissionAction> Actions =
        new(("deny", AdmissionAction.Deny), ("warn", AdmissionAction.Warn), ("audit", AdmissionAction.Audit));

    private static readonly SettingOption<AdmissionAction> Action = new()
    {
        Name = "--action",
        HelpName = "A",
        Values = "deny | warn | audit for every binding (default: deny errors, warn the rest)",
        Parse = Actions.TryParse,
        Unknown = value => $"unknown action '{value}' for policy; use deny, warn or audit",
        Words = () => Actions.Names,
    };

    /// <summary>Printed under the help.</summary>
    public const string Notes = """
        writes ValidatingAdmissionPolicy + ValidatingAdmissionPolicyBinding objects (admissionregistration.k8s.io/v1)
        for the per-object rules of a profile, one policy and one binding per rule
        a namespace labelled securemanifests.io/exempt-<ID> (for example securemanifests.io/exempt-SM1001) is not
        bound to that rule's policy; objects cannot exempt themselves
        exit codes: 0 written; 2 usage error or unwritable output
        """;

    public static Command Create(CliConsole console)
    {
        var profile = SharedSettings.Profile.Create();
        var pssVersion = SharedSettings.PssVersion.Create();
        var action = Action.Create();
        var output = SharedSettings.Output(SettingDialect.CommandLine, "FILE", "write to FILE instead of stdout");
        var command = new Command("policy", "write ValidatingAdmissionPolicies for the per-object rules of a profile")
        {
            profile, pssVersion, action, output,
        };
        command.SetAction(result =>
        {
            var chosenProfile = RuleProfile.Secure;
            var version = PssVersion.Latest;
            AdmissionAction? chosenAction = null;
            result.IfGiven(profile, value => chosenProfile = value);
            result.IfGiven(pssVersion, value => version = value);
            result.IfGiven(action, value => chosenAction = value);
            return Run(chosenProfile, version, chosenAction, result.GetValue(output), console);
        });
        return command;
    }

    private static int Run(RuleProfile profile, PssVersion version, AdmissionAction? action, string? output, CliConsole console)
    {
        var set = AdmissionPolicyGenerator.Generate(profile, version, action);
        if (output is null)
        {
            AdmissionPolicyEmitter.Write(set, console.Output);
            return ExitCodes.Success;
        }

        var path = Path.GetFullPath(output, console.WorkingDirectory);
        try
        {
            AtomicFile.Write(path, writer => AdmissionPolicyEmitter.Write(set, writer));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.Line($"error: cannot write '{output}': {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.UsageOrInputError;
        }

        console.Error.Line(string.Create(CultureInfo.InvariantCulture,
            $"wrote {set.Policies.Count} policies and {set.Policies.Count} bindings ({profile.ToString().ToLowerInvariant()}, PSS {version}) to {output}"));
        return ExitCodes.Success;
    }
}
