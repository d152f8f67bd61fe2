using System.Globalization;
using System.Text;
using SecureManifests.Admission;
using SecureManifests.Cli.Lint;
using SecureManifests.Rules;

namespace SecureManifests.Cli.Commands;

/// <summary>
/// <c>secure-manifests policy</c>: the ValidatingAdmissionPolicies and bindings of a profile, generated from the
/// catalogue, as deterministic YAML on stdout or in a file.
/// </summary>
internal static class PolicyCommand
{
    public const string Usage = """
        usage: secure-manifests policy [options]
          writes ValidatingAdmissionPolicy + ValidatingAdmissionPolicyBinding objects (admissionregistration.k8s.io/v1)
          for the per-object rules of a profile, one policy and one binding per rule
          --profile P          baseline | restricted | secure | all                         (default: secure)
          --pss-version V      Pod Security Standards version v1.0 .. v1.37                 (default: latest)
          --action A           deny | warn | audit for every binding      (default: deny errors, warn the rest)
          -o, --output FILE    write to FILE instead of stdout
          -h, --help           show this help
        a namespace labelled securemanifests.io/exempt-<ID> (for example securemanifests.io/exempt-SM1001) is not
        bound to that rule's policy; objects cannot exempt themselves
        exit codes: 0 written; 2 usage error or unwritable output
        """;

    public static int Run(IReadOnlyList<string> args, int start, CliConsole console)
    {
        var profile = RuleProfile.Secure;
        var version = PssVersion.Latest;
        AdmissionAction? action = null;
        string? output = null;
        var cursor = new ArgumentCursor(args, start);
        while (cursor.Next(out var option, out var positional))
        {
            switch (option)
            {
                case null:
                    throw new UsageException($"policy takes no argument, got '{positional}'");
                case "-h" or "--help":
                    console.Output.Line(Usage);
                    return ExitCodes.Success;
                case "--profile":
                    profile = LintArguments.ParseProfile(cursor.Value());
                    break;
                case "--pss-version":
                    version = LintArguments.ParsePssVersion(cursor.Value());
                    break;
                case "--action":
                    action = ParseAction(cursor.Value());
                    break;
                case "--output" or "-o":
                    output = cursor.Value();
                    break;
                default:
                    throw new UsageException($"unknown option '{option}' for policy");
            }
        }

        var set = AdmissionPolicyGenerator.Generate(profile, version, action);
        if (output is null)
        {
            AdmissionPolicyEmitter.Write(set, console.Output);
            return ExitCodes.Success;
        }

        var path = Path.GetFullPath(output, console.WorkingDirectory);
        try
        {
            WriteFile(set, path);
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

    private static AdmissionAction ParseAction(string value) => value switch
    {
        "deny" => AdmissionAction.Deny,
        "warn" => AdmissionAction.Warn,
        "audit" => AdmissionAction.Audit,
        _ => throw new UsageException($"unknown action '{value}' for policy; use deny, warn or audit"),
    };

    // Written next to the target and moved over it, so a failed write leaves the previous file whole.
    private static void WriteFile(AdmissionPolicySet set, string path)
    {
        var temporary = path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                AdmissionPolicyEmitter.Write(set, writer);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
