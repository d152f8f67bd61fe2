using k8s.Models;
using SecureManifests.Output;
using YamlDotNet.Core;

namespace SecureManifests.Tests.Output;

public class ScalarStyleChooserTests
{
    public static TheoryData<string, ScalarStyle> Cases => new()
    {
        // Ordinary strings stay plain.
        { "nginx", ScalarStyle.Plain },
        { "nginx:1.27", ScalarStyle.Plain },
        { "--port=8080", ScalarStyle.Plain },
        { "-v", ScalarStyle.Plain },
        { "/tmp", ScalarStyle.Plain },
        { "api-v2", ScalarStyle.Plain },
        { "system:controller:x", ScalarStyle.Plain },
        { "hello world", ScalarStyle.Plain },
        { "it's", ScalarStyle.Plain },
        { "a#b", ScalarStyle.Plain },
        { "onion", ScalarStyle.Plain },
        { "yesterday", ScalarStyle.Plain },
        { "nope", ScalarStyle.Plain },
        { "1abc", ScalarStyle.Plain },
        { "v1.2.3", ScalarStyle.Plain },
        { "e3", ScalarStyle.Plain },
        { "0x", ScalarStyle.Plain },
        { "0xZZ", ScalarStyle.Plain },
        { "128Mi", ScalarStyle.Plain },
        { "500m", ScalarStyle.Plain },
        { "2001-12", ScalarStyle.Plain },
        { "héllo wörld", ScalarStyle.Plain },
        { "a.b", ScalarStyle.Plain },
        { "._x", ScalarStyle.Plain },
        // YAML 1.1 bools and nulls, in any case.
        { "on", ScalarStyle.DoubleQuoted },
        { "On", ScalarStyle.DoubleQuoted },
        { "OFF", ScalarStyle.DoubleQuoted },
        { "yes", ScalarStyle.DoubleQuoted },
        { "No", ScalarStyle.DoubleQuoted },
        { "y", ScalarStyle.DoubleQuoted },
        { "N", ScalarStyle.DoubleQuoted },
        { "true", ScalarStyle.DoubleQuoted },
        { "False", ScalarStyle.DoubleQuoted },
        { "null", ScalarStyle.DoubleQuoted },
        { "NULL", ScalarStyle.DoubleQuoted },
        { "~", ScalarStyle.DoubleQuoted },
        { "<<", ScalarStyle.DoubleQuoted },
        { "=", ScalarStyle.DoubleQuoted },
        // Ints.
        { "0", ScalarStyle.DoubleQuoted },
        { "8080", ScalarStyle.DoubleQuoted },
        { "-1", ScalarStyle.DoubleQuoted },
        { "+1", ScalarStyle.DoubleQuoted },
        { "0123", ScalarStyle.DoubleQuoted },
        { "0x1F", ScalarStyle.DoubleQuoted },
        { "0o17", ScalarStyle.DoubleQuoted },
        { "0b1010", ScalarStyle.DoubleQuoted },
        { "1_000", ScalarStyle.DoubleQuoted },
        { "1:30", ScalarStyle.DoubleQuoted },
        { "190:20:30", ScalarStyle.DoubleQuoted },
        // Floats.
        { "1e3", ScalarStyle.DoubleQuoted },
        { "1E-3", ScalarStyle.DoubleQuoted },
        { "1.5", ScalarStyle.DoubleQuoted },
        { ".5", ScalarStyle.DoubleQuoted },
        { "5.", ScalarStyle.DoubleQuoted },
        { "-.5e+3", ScalarStyle.DoubleQuoted },
        { "1.2.3", ScalarStyle.DoubleQuoted },
        { "10.0.0.1", ScalarStyle.DoubleQuoted },
        { ".inf", ScalarStyle.DoubleQuoted },
        { "-.Inf", ScalarStyle.DoubleQuoted },
        { ".NaN", ScalarStyle.DoubleQuoted },
        { ".", ScalarStyle.DoubleQuoted },
        { "..", ScalarStyle.DoubleQuoted },
        { "-.", ScalarStyle.DoubleQuoted },
        // Timestamps.
        { "2001-12-14", ScalarStyle.DoubleQuoted },
        { "2001-12-14t21:59:43.10-05:00", ScalarStyle.DoubleQuoted },
        { "2001-1-4 21:59:43", ScalarStyle.DoubleQuoted },
        // Empty and surrounding spaces.
        { "", ScalarStyle.DoubleQuoted },
        { " lead", ScalarStyle.DoubleQuoted },
        { "trail ", ScalarStyle.DoubleQuoted },
        { " ", ScalarStyle.DoubleQuoted },
        // What a plain scalar cannot hold.
        { "a: b", ScalarStyle.DoubleQuoted },
        { "key:", ScalarStyle.DoubleQuoted },
        { "a #comment", ScalarStyle.DoubleQuoted },
        { "*alias", ScalarStyle.DoubleQuoted },
        { "&anchor", ScalarStyle.DoubleQuoted },
        { "!tag", ScalarStyle.DoubleQuoted },
        { "|pipe", ScalarStyle.DoubleQuoted },
        { ">fold", ScalarStyle.DoubleQuoted },
        { "%directive", ScalarStyle.DoubleQuoted },
        { "@at", ScalarStyle.DoubleQuoted },
        { "`tick", ScalarStyle.DoubleQuoted },
        { "#hash", ScalarStyle.DoubleQuoted },
        { "'single", ScalarStyle.DoubleQuoted },
        { "\"double", ScalarStyle.DoubleQuoted },
        { "[a]", ScalarStyle.DoubleQuoted },
        { "{a}", ScalarStyle.DoubleQuoted },
        { ",comma", ScalarStyle.DoubleQuoted },
        { "?q", ScalarStyle.DoubleQuoted },
        { ":colon", ScalarStyle.DoubleQuoted },
        { "-", ScalarStyle.DoubleQuoted },
        { "- item", ScalarStyle.DoubleQuoted },
        { "---", ScalarStyle.DoubleQuoted },
        { "...", ScalarStyle.DoubleQuoted },
        { "tab\there", ScalarStyle.DoubleQuoted },
        { "bell\u0007", ScalarStyle.DoubleQuoted },
        { "crlf\r\nline", ScalarStyle.DoubleQuoted },
        { "emoji \U0001F600", ScalarStyle.DoubleQuoted },
        { "bom\uFEFF", ScalarStyle.DoubleQuoted },
        { "line\u2028separator", ScalarStyle.DoubleQuoted },
        // Multi-line text.
        { "a=1\nb=2\n", ScalarStyle.Literal },
        { "no final newline\nsecond", ScalarStyle.Literal },
        { "  indented first\nsecond\n", ScalarStyle.Literal },
        { "trailing newlines\n\n\n", ScalarStyle.Literal },
        { "\nleading newline", ScalarStyle.Literal },
        { "tab\tinside\nblock\n", ScalarStyle.Literal },
        { "on\n", ScalarStyle.Literal },
        { "trailing space \nnext", ScalarStyle.Literal },
        { "a\n\nb", ScalarStyle.Literal },
        { "a\n  \nb", ScalarStyle.DoubleQuoted },
        { "  \nb", ScalarStyle.DoubleQuoted },
        { "\n", ScalarStyle.DoubleQuoted },
        { "\n\n", ScalarStyle.DoubleQuoted },
        { "  \n", ScalarStyle.DoubleQuoted },
        { " \n ", ScalarStyle.DoubleQuoted },
        { "a\n ", ScalarStyle.DoubleQuoted },
        { "key: value\n# comment\n- item\n", ScalarStyle.Literal },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Chooses_the_expected_style(string value, ScalarStyle expected) =>
        Assert.Equal(expected, ScalarStyleChooser.ForValue(value));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Emitted_value_keeps_the_chosen_style_and_reads_back_as_the_same_string(string value, ScalarStyle expected)
    {
        var yaml = ManifestYaml.Serialize(TestObjects.ConfigMap("ns", "cm", new Dictionary<string, string> { ["k"] = value }));

        var scalar = YamlReader.Scalars(yaml).SkipWhile(s => s.Value != "k").Skip(1).First();
        Assert.Equal(expected, scalar.Style);
        Assert.Equal(value, scalar.Value);
        var data = YamlReader.ReadSingle(yaml)["data"]!["k"]!;
        Assert.Equal(System.Text.Json.JsonValueKind.String, data.GetValueKind());
        Assert.Equal(value, data.GetValue<string>());
    }

    [Fact]
    public void Random_strings_from_tricky_characters_keep_their_style_and_read_back_unchanged()
    {
        // Fixed seed: deterministic, but explores combinations the table does not list.
        const string alphabet = " \n\t:#-?.,[]{}&*!|>'\"%@`~0123456789eExXoO_+aynNtTfF\u00e9\r";
        var random = new Random(20240611);
        var data = new Dictionary<string, string>();
        for (var i = 0; i < 3000; i++)
        {
            var chars = new char[random.Next(1, 8)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            data["k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new string(chars);
        }

        var yaml = ManifestYaml.Serialize(TestObjects.ConfigMap("ns", "cm", data));

        var scalars = YamlReader.Scalars(yaml);
        var readBack = YamlReader.ReadSingle(yaml)["data"]!.AsObject();
        foreach (var (key, value) in data)
        {
            var index = scalars.FindIndex(s => s.Value == key && s.Style == ScalarStyle.Plain);
            Assert.True(index >= 0, key);
            Assert.True(ScalarStyleChooser.ForValue(value) == scalars[index + 1].Style,
                $"{key} {System.Text.Json.JsonSerializer.Serialize(value)}: chose {ScalarStyleChooser.ForValue(value)}, emitter wrote {scalars[index + 1].Style}");
            Assert.True(readBack[key]!.GetValueKind() == System.Text.Json.JsonValueKind.String && readBack[key]!.GetValue<string>() == value,
                $"{key} {System.Text.Json.JsonSerializer.Serialize(value)} read back as {readBack[key]!.ToJsonString()}");
        }
    }

    [Theory]
    [InlineData("app", ScalarStyle.Plain)]
    [InlineData("on", ScalarStyle.DoubleQuoted)]
    [InlineData("8080", ScalarStyle.DoubleQuoted)]
    [InlineData("two\nlines", ScalarStyle.DoubleQuoted)]
    public void Keys_are_quoted_like_values_but_never_block_scalars(string key, ScalarStyle expected)
    {
        Assert.Equal(expected, ScalarStyleChooser.ForKey(key));
        var yaml = ManifestYaml.Serialize(TestObjects.ConfigMap("ns", "cm", new Dictionary<string, string> { [key] = "v" }));
        Assert.Equal(key, YamlReader.ReadSingle(yaml)["data"]!.AsObject().Single().Key);
    }

    [Fact]
    public void Multi_line_values_are_literal_blocks_in_the_output()
    {
        var yaml = ManifestYaml.Serialize(TestObjects.ConfigMap("ns", "cm", new Dictionary<string, string> { ["app.conf"] = "a=1\nb=2\n" }));
        Assert.Contains("  app.conf: |\n    a=1\n    b=2\n", yaml, StringComparison.Ordinal);
    }
}
