using SecureManifests.Cli.Input;
using static SecureManifests.Cli.Tests.Input.ReaderTestSupport;

namespace SecureManifests.Cli.Tests.Input;

public class MalformedInputFuzzTests
{
    private static readonly string Seed = Lines(
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata: {name: web, labels: {app: web}}",
        "spec:",
        "  replicas: 2",
        "  template:",
        "    spec:",
        "      securityContext: &sc {runAsNonRoot: true}",
        "      containers:",
        "      - name: web",
        "        image: \"nginx:1.27\"",
        "        ports: [{containerPort: 8080, name: http}]",
        "        args: ['--a', \"--b\", --c]",
        "        command:",
        "        - |",
        "          echo hi",
        "        securityContext:",
        "          <<: *sc",
        "          privileged: false",
        "---",
        "apiVersion: v1",
        "kind: List",
        "items:",
        "- {apiVersion: v1, kind: Service, metadata: {name: s}, spec: {ports: [{port: 80}]}}");

    [Fact]
    public void Unclosed_flow_mapping_inside_block_mappings_is_a_syntax_error_not_a_crash()
    {
        // Found by fuzzing: YamlDotNet's scanner throws InvalidOperationException on this input.
        var yaml = "metadata:\n  labels:\n    metadata:\n      securityContext:\n          ports:\n            - name: LOG_LEVEL\n          resources:\n            requests:\n             {port: http\n            tcpSocket:";

        var error = SingleError(ReadText(yaml));

        Assert.Contains("YAML syntax error", error.Message, StringComparison.Ordinal);
        Assert.True(error.EndsSource);
        Assert.InRange(error.Line, 1, 10);
    }

    [Fact]
    public void Random_edits_of_a_valid_manifest_never_throw_and_errors_stay_one_line()
    {
        const string Alphabet = "{}[]:,-&*!|>'\"#%@`?\n \t0123456789abxyz~<.\\é\0\r";
        var random = new Random(20261127);
        for (var i = 0; i < 1_500; i++)
        {
            var chars = Seed.ToList();
            for (var edit = random.Next(1, 6); edit > 0; edit--)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars[at] = Alphabet[random.Next(Alphabet.Length)]; break;
                    case 1: chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                    default: chars.RemoveAt(at); break;
                }
            }

            var text = new string(chars.ToArray());
            var results = ReadText(text);

            foreach (var error in results.OfType<ReadError>())
            {
                Assert.False(error.ToString().Contains('\n', StringComparison.Ordinal), text);
                Assert.DoesNotContain("internal error", error.Message, StringComparison.Ordinal);
                Assert.True(error.Line >= 1 && error.Column >= 1, text);
            }
        }
    }
}
