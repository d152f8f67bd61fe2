using System.Diagnostics;
using System.Text;
using SecureManifests.Cli.Input;
using static SecureManifests.Cli.Tests.Input.ReaderTestSupport;

namespace SecureManifests.Cli.Tests.Input;

public class HostileInputTests
{
    private const int DeepNesting = 20_000;

    private static readonly string ValidPod = Lines(
        "apiVersion: v1",
        "kind: Pod",
        "metadata: {name: ok}",
        "spec: {containers: [{name: c, image: i}]}");

    [Fact]
    public void Billion_laughs_alias_bomb_is_refused_fast_with_bounded_allocation()
    {
        var yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n");
        yaml.Append("  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 1; level < 10; level++)
        {
            var name = (char)('a' + level);
            var previous = (char)('a' + level - 1);
            yaml.Append("  ").Append(name).Append(": &").Append(name).Append(" [")
                .Append(string.Join(",", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        var results = ReadText(yaml.ToString());
        stopwatch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        var error = SingleError(results);
        Assert.Contains("alias bomb", error.Message, StringComparison.Ordinal);
        Assert.Contains("250000 nodes", error.Message, StringComparison.Ordinal);
        // Line 10 holds the first anchor whose expansion passes the node limit (9^6 > 250,000).
        Assert.Equal(10, error.Line);
        // The allocation bound is the deterministic proof that expansion stops early; the time bound only guards
        // against a hang (shared machines make tighter timing flaky; the refusal takes ~0.1 s, see the CLI benchmark).
        Assert.InRange(allocated, 0, 20L * 1024 * 1024);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Alias_of_a_huge_scalar_is_refused_by_expanded_size()
    {
        var limits = new ReaderLimits { MaxDocumentChars = 100_000 };
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  a: &big " + new string('x', 30_000)
            + "\n  b: *big\n  c: *big\n  d: *big\n";

        var error = SingleError(ReadText(yaml, limits));

        Assert.Contains("once aliases are expanded", error.Message, StringComparison.Ordinal);
        Assert.Equal((8, 6), (error.Line, error.Column));
    }

    [Fact]
    public void A_document_with_too_many_nodes_is_refused_without_blaming_aliases()
    {
        var limits = new ReaderLimits { MaxNodesPerDocument = 1_000 };
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: wide}\nx: [" + string.Join(",", Enumerable.Repeat("1", 2_000)) + "]\n---\n" + ValidPod;

        var error = SingleError(ReadText(yaml, limits));

        Assert.Equal("document 1: document has more than 1000 nodes (ReaderLimits.MaxNodesPerDocument) (the rest of this file was not read)", error.Message);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void An_alias_bomb_ends_the_source_so_the_scanner_never_drains_it()
    {
        var limits = new ReaderLimits { MaxNodesPerDocument = 50 };
        var yaml = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [*a, *a, *a, *a, *a, *a]\n---\n" + ValidPod;

        var error = SingleError(ReadText(yaml, limits));

        Assert.True(error.EndsSource);
        Assert.Equal((2, 17), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("a: *x\nb: ", "alias *x refers to an anchor that is not defined")]
    [InlineData("a: 1\na: 2\nb: ", "duplicate key \"a\"")]
    public void Issue_11_a_problem_before_deep_flow_nesting_ends_the_source_at_the_problem(string prefix, string expected)
    {
        // Issue 11's reproducer: `a: *x` then 80,000 levels of `[`. The undefined alias used to leave the rest of the
        // document to YamlDotNet's scanner without the depth limit, which is quadratic in flow depth (6-8 s here,
        // 67-83 s for 320,000 levels). Now the reader stops at the first problem; timings: tests/perf/reader-hostile.sh.
        const int Levels = 80_000;
        var yaml = prefix + new string('[', Levels) + new string(']', Levels) + "\n";

        var error = SingleError(ReadText(yaml));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(the rest of this file was not read)", error.Message, StringComparison.Ordinal);
        Assert.True(error.EndsSource);
        Assert.Equal(prefix.StartsWith("a: *", StringComparison.Ordinal) ? (1, 4) : (2, 1), (error.Line, error.Column));
    }

    [Fact]
    public void The_depth_guard_stops_the_scanner_at_the_limit_whatever_reads_the_events()
    {
        // The guard sits on the scanner's tokens, below the parser and the tree builder: draining every event of
        // 320,000 levels of flow nesting with nothing checking them still stops at the limit.
        const int Levels = 320_000;
        var yaml = "b: " + new string('[', Levels) + new string(']', Levels) + "\n";
        var parser = new YamlDotNet.Core.Parser(new NestingGuardScanner(new YamlDotNet.Core.Scanner(new StringReader(yaml)), maxDepth: 128));
        var events = 0;

        var refused = Assert.Throws<InputRejectedException>(() =>
        {
            while (parser.MoveNext())
            {
                events++;
            }
        });

        Assert.Equal("nesting is deeper than the limit of 128 levels (ReaderLimits.MaxNestingDepth)", refused.Message);
        // Stream, document and root mapping starts, the key, then 127 sequence starts: the 128th [ is level 129.
        Assert.Equal((1, 131), (refused.Line, refused.Column));
        Assert.InRange(events, 1, 200);
    }

    [Theory]
    [InlineData("flow-sequence")]
    [InlineData("flow-mapping")]
    [InlineData("block-mapping")]
    [InlineData("block-sequence")]
    public void Twenty_thousand_levels_of_nesting_are_refused_without_stack_overflow(string style)
    {
        var yaml = style switch
        {
            "flow-sequence" => new string('[', DeepNesting) + new string(']', DeepNesting),
            "flow-mapping" => string.Concat(Enumerable.Repeat("a: {", DeepNesting)) + new string('}', DeepNesting),
            "block-mapping" => string.Concat(Enumerable.Range(0, DeepNesting).Select(i => new string(' ', i) + "a:\n")) + "x",
            _ => string.Concat(Enumerable.Repeat("- ", DeepNesting)) + "x",
        };

        var stopwatch = Stopwatch.StartNew();
        var error = SingleError(ReadText(yaml));

        Assert.Contains("nesting is deeper than the limit of 128 levels", error.Message, StringComparison.Ordinal);
        Assert.True(error.EndsSource);
        // A hang guard, not a performance budget.
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_accepted_and_one_more_level_is_not()
    {
        static string Nested(int depth) =>
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: n, annotations: {a: b}}\nx: " + new string('[', depth - 1) + new string(']', depth - 1) + "\n";
        var limits = new ReaderLimits { MaxNestingDepth = 40 };

        Assert.IsType<SourceDocument>(Assert.Single(ReadText(Nested(40), limits)));
        Assert.IsType<ReadError>(Assert.Single(ReadText(Nested(41), limits)));
    }

    [Fact]
    public void Syntax_error_reports_line_and_column_and_ends_the_source()
    {
        var yaml = ValidPod + "---\n" + Lines("apiVersion: v1", "kind: Pod", "metadata: {name: broken", "  x: [1, 2") + "---\n" + ValidPod;

        var results = ReadText(yaml);

        Assert.Equal(2, results.Count);
        Assert.IsType<SourceDocument>(results[0]);
        var error = Assert.IsType<ReadError>(results[1]);
        Assert.Equal(1, error.DocumentIndex);
        Assert.Equal(9, error.Line);
        Assert.True(error.EndsSource);
        Assert.StartsWith("document 2: YAML syntax error: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(the rest of this file was not read)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_indentation_is_a_syntax_error_with_its_position()
    {
        var error = SingleError(ReadText("apiVersion: v1\nkind: Pod\n metadata: x\n"));

        Assert.Equal(3, error.Line);
        Assert.Contains("YAML syntax error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_garbage_is_refused_as_invalid_utf8()
    {
        var random = new Random(1234);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        bytes[0] = 0xC3;
        bytes[1] = 0x28;

        var error = SingleError(ReadBytes(bytes));

        Assert.Equal("test.yaml:1:1: document 1: input is not valid UTF-8: invalid byte 0xC3 at byte offset 0 (binary file?) (the rest of this file was not read)", error.ToString());
        Assert.True(error.EndsSource);
    }

    [Fact]
    public void Invalid_utf8_reports_its_byte_offset_line_and_column()
    {
        var prefix = Encoding.UTF8.GetBytes(ValidPod + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: café");
        var bytes = prefix.Concat(new byte[] { 0xFF, (byte)'\n' }).ToArray();

        var results = ReadBytes(bytes);

        Assert.Equal(2, results.Count);
        Assert.IsType<SourceDocument>(results[0]);
        var error = Assert.IsType<ReadError>(results[1]);
        Assert.Equal((9, 13), (error.Line, error.Column));
        Assert.Contains("invalid byte 0xFF at byte offset " + prefix.Length, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_beyond_the_first_buffer_is_located_exactly()
    {
        var line = "# " + new string('é', 1000) + "\n";
        var text = string.Concat(Enumerable.Repeat(line, 40));
        var prefix = Encoding.UTF8.GetBytes(text + "ab");
        var bytes = prefix.Concat(new byte[] { 0xE2, 0x28, 0xA1 }).ToArray();

        var error = SingleError(ReadBytes(bytes));

        Assert.Equal((41, 3), (error.Line, error.Column));
        Assert.Contains("byte offset " + prefix.Length, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_utf8_at_the_end_is_reported()
    {
        var bytes = Encoding.UTF8.GetBytes("apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n# ").Concat(new byte[] { 0xE2, 0x82 }).ToArray();

        var error = SingleError(ReadBytes(bytes));

        Assert.Contains("truncated character at the end", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_input_is_named_as_such()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(ValidPod)).ToArray();

        var error = SingleError(ReadBytes(bytes));

        Assert.Equal("test.yaml:1:1: document 1: input is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8 (the rest of this file was not read)", error.ToString());
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(ValidPod)).ToArray();

        var document = Assert.IsType<SourceDocument>(Assert.Single(ReadBytes(bytes)));

        Assert.Equal((1, 1), (document.Line, document.Column));
    }

    [Fact]
    public void Nul_bytes_are_refused_with_their_position()
    {
        var bytes = Encoding.UTF8.GetBytes("apiVersion: v1\nkind: ConfigMap\ndata:\n  a: \"b\0c\"\n");

        var error = SingleError(ReadBytes(bytes));

        Assert.Equal((4, 8), (error.Line, error.Column));
        Assert.Contains("NUL", error.Message, StringComparison.Ordinal);
        Assert.True(error.EndsSource);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    [InlineData("---\n---\n# nothing\n---\n")]
    public void Empty_input_yields_no_documents_and_no_errors(string yaml)
    {
        Assert.Empty(ReadText(yaml));
        Assert.Empty(ReadUtf8(yaml));
    }

    [Fact]
    public void Documents_without_kind_or_apiVersion_are_errors_naming_the_document()
    {
        var yaml = Lines("apiVersion: v1", "metadata: {name: nokind}", "---", "kind: Pod", "metadata: {name: noversion}", "---", "foo: bar");

        var errors = ReadText(yaml).Cast<ReadError>().ToList();

        Assert.Equal(
            [
                "test.yaml:1:1: document 1 (metadata.name nokind): not a Kubernetes object: missing kind",
                "test.yaml:4:1: document 2 (metadata.name noversion): not a Kubernetes object: missing apiVersion",
                "test.yaml:7:1: document 3: not a Kubernetes object: missing apiVersion and kind",
            ],
            errors.Select(e => e.ToString()));
        Assert.All(errors, e => Assert.False(e.EndsSource));
    }

    [Fact]
    public void Scalar_and_sequence_documents_are_errors()
    {
        var results = ReadText(Lines("just text", "---", "- a", "- b", "---") + ValidPod);

        Assert.Equal(3, results.Count);
        Assert.Equal("test.yaml:1:1: document 1: expected a Kubernetes object (a mapping with apiVersion and kind), found string \"just text\"", results[0].ToString());
        Assert.Equal("test.yaml:3:1: document 2: expected a Kubernetes object (a mapping with apiVersion and kind), found a list", results[1].ToString());
        Assert.IsType<SourceDocument>(results[2]);
    }

    [Fact]
    public void Wrong_typed_fields_name_the_field_path_and_position_and_reading_continues()
    {
        var yaml = Lines(
            "apiVersion: apps/v1",
            "kind: Deployment",
            "metadata: {name: web, namespace: shop}",
            "spec:",
            "  replicas: \"three\"",
            "---",
            "apiVersion: apps/v1",
            "kind: Deployment",
            "metadata: {name: web2}",
            "spec:",
            "  template:",
            "    spec:",
            "      containers: 5",
            "---",
            "apiVersion: v1",
            "kind: Pod",
            "metadata: {name: p}",
            "spec:",
            "  containers:",
            "  - name: c",
            "    securityContext: {privileged: maybe}",
            "---") + ValidPod;

        var results = ReadText(yaml);

        Assert.Equal(4, results.Count);
        Assert.Equal("test.yaml:5:13: document 1 (Deployment shop/web): field spec.replicas: expected an integer, found string \"three\"", results[0].ToString());
        Assert.Equal("test.yaml:13:19: document 2 (Deployment web2): field spec.template.spec.containers: expected a list, found integer 5", results[1].ToString());
        Assert.Equal("test.yaml:21:35: document 3 (Pod p): field spec.containers[0].securityContext.privileged: expected a boolean (true or false), found string \"maybe\"", results[2].ToString());
        Assert.IsType<SourceDocument>(results[3]);
    }

    [Fact]
    public void Values_rejected_by_model_converters_name_the_field_and_position()
    {
        var yaml = Lines(
            "apiVersion: v1",
            "kind: Pod",
            "metadata:",
            "  name: a",
            "  creationTimestamp: yesterday",
            "---",
            "apiVersion: v1",
            "kind: Pod",
            "metadata: {name: b}",
            "spec:",
            "  containers:",
            "  - name: c",
            "    resources: {limits: {cpu: lots}}",
            "---",
            "apiVersion: v1",
            "kind: Pod",
            "metadata: {name: c}",
            "spec:",
            "  containers:",
            "  - name: c",
            "    livenessProbe: {httpGet: {port: 1.5}}",
            "    ports: [{containerPort: 99999999999}]");

        var errors = ReadText(yaml).Cast<ReadError>().ToList();

        Assert.Equal(3, errors.Count);
        Assert.StartsWith("test.yaml:5:22: document 1 (Pod a): field metadata.creationTimestamp: invalid value: ", errors[0].ToString(), StringComparison.Ordinal);
        Assert.Contains("yesterday", errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("test.yaml:13:31: document 2 (Pod b): field spec.containers[0].resources.limits.cpu: invalid value: ", errors[1].ToString(), StringComparison.Ordinal);
        Assert.Equal("test.yaml:21:37: document 3 (Pod c): field spec.containers[0].livenessProbe.httpGet.port: expected an integer or a string, found number 1.5", errors[2].ToString());
    }

    [Fact]
    public void Integers_too_large_for_the_field_are_reported()
    {
        var error = SingleError(ReadText("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: 99999999999999999999}\n"));

        Assert.Equal("test.yaml:4:18: document 1 (Deployment d): field spec.replicas: expected an integer, found integer 99999999999999999999 (out of range)", error.ToString());
    }

    [Fact]
    public void Duplicate_keys_are_refused_because_parsers_disagree_on_the_winner()
    {
        var yaml = Lines(
            "apiVersion: v1",
            "kind: Pod",
            "metadata: {name: p}",
            "spec:",
            "  containers:",
            "  - name: c",
            "    securityContext:",
            "      privileged: false",
            "      privileged: true");

        var error = SingleError(ReadText(yaml));

        Assert.Equal((9, 7), (error.Line, error.Column));
        Assert.Contains("duplicate key \"privileged\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_and_self_referencing_aliases_are_errors()
    {
        var undefined = SingleError(ReadText("apiVersion: v1\nkind: Pod\nmetadata: *missing\n"));
        var recursive = SingleError(ReadText("apiVersion: v1\nkind: Pod\nmetadata: &m {name: *m}\n"));

        Assert.Contains("*missing refers to an anchor that is not defined", undefined.Message, StringComparison.Ordinal);
        Assert.Contains("*m refers to an anchor that is not defined", recursive.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complex_keys_are_refused()
    {
        var error = SingleError(ReadText("apiVersion: v1\nkind: Pod\n? [a, b]\n: c\n"));

        Assert.Contains("mapping keys must be scalars", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Oversized_document_is_refused_and_ends_the_source()
    {
        var limits = new ReaderLimits { MaxDocumentChars = 2_000 };
        var yaml = ValidPod + "---\n" + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n" +
            string.Concat(Enumerable.Range(0, 200).Select(i => $"  k{i}: value-{i}\n"));

        var results = ReadText(yaml, limits);

        Assert.Equal(2, results.Count);
        var error = Assert.IsType<ReadError>(results[1]);
        Assert.Contains("larger than the limit of 2000 characters", error.Message, StringComparison.Ordinal);
        Assert.True(error.EndsSource);
    }

    [Fact]
    public void Oversized_scalar_is_refused_and_ends_the_source()
    {
        var limits = new ReaderLimits { MaxScalarChars = 100 };
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: " + new string('x', 101) + "\n---\n" + ValidPod;

        var error = SingleError(ReadText(yaml, limits));

        Assert.Equal((5, 6), (error.Line, error.Column));
        Assert.Contains("longer than the limit of 100", error.Message, StringComparison.Ordinal);
        Assert.True(error.EndsSource);
    }

    [Fact]
    public void Limits_out_of_range_are_rejected_up_front()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ManifestReader().Read("x", new StringReader(""), new ReaderLimits { MaxNestingDepth = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ManifestReader().Read("x", new StringReader(""), new ReaderLimits { MaxNestingDepth = 10_000 }));
    }

    [Fact]
    public void Reading_is_lazy_and_streams_one_document_at_a_time()
    {
        var reader = new TrackingReader(string.Concat(Enumerable.Repeat("---\n" + ValidPod, 5_000)));

        using var results = new ManifestReader().Read("big.yaml", reader).GetEnumerator();
        Assert.True(results.MoveNext());

        Assert.IsType<SourceDocument>(results.Current);
        Assert.InRange(reader.CharsRead, 1, 64 * 1024);
    }

    /// <summary>Counts what the reader pulled from the input, to prove it does not read ahead of the document.</summary>
    private sealed class TrackingReader(string text) : TextReader
    {
        private readonly StringReader inner = new(text);

        public long CharsRead { get; private set; }

        public override int Peek() => inner.Peek();

        public override int Read()
        {
            CharsRead++;
            return inner.Read();
        }

        public override int Read(char[] buffer, int index, int count)
        {
            var n = inner.Read(buffer, index, count);
            CharsRead += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
