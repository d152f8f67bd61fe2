using System.Globalization;
using System.Text.Json;

namespace SecureManifests.Cli.Input;

/// <summary>
/// Writes a document tree as UTF-8 JSON for System.Text.Json to deserialize. Iterative, so depth is
/// bounded only by the reader limits; aliases are written out in full (their size was already
/// bounded when the tree was built).
/// </summary>
internal static class JsonTreeWriter
{
    /// <summary>Writes <paramref name="root"/>; <paramref name="apiVersion"/>/<paramref name="kind"/>, when given, are written first (for List items that leave them implicit).</summary>
    public static void Write(Utf8JsonWriter writer, MappingTreeNode root, string? apiVersion, string? kind)
    {
        writer.WriteStartObject();
        if (apiVersion is not null)
        {
            writer.WriteString("apiVersion", apiVersion);
        }

        if (kind is not null)
        {
            writer.WriteString("kind", kind);
        }

        var stack = new Stack<(TreeNode Node, int Next)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            TreeNode? child = null;
            switch (node)
            {
                case MappingTreeNode mapping when next < mapping.Entries.Count:
                    var entry = mapping.Entries[next];
                    writer.WritePropertyName(entry.Key);
                    child = entry.Value;
                    break;
                case MappingTreeNode:
                    writer.WriteEndObject();
                    break;
                case SequenceTreeNode sequence when next < sequence.Items.Count:
                    child = sequence.Items[next];
                    break;
                case SequenceTreeNode:
                    writer.WriteEndArray();
                    break;
            }

            if (child is null)
            {
                continue;
            }

            stack.Push((node, next + 1));
            switch (child)
            {
                case ScalarTreeNode scalar:
                    WriteScalar(writer, scalar);
                    break;
                case MappingTreeNode:
                    writer.WriteStartObject();
                    stack.Push((child, 0));
                    break;
                case SequenceTreeNode:
                    writer.WriteStartArray();
                    stack.Push((child, 0));
                    break;
            }
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, ScalarTreeNode scalar)
    {
        var value = scalar.Value;
        switch (scalar.Type)
        {
            case ScalarType.Null:
                writer.WriteNullValue();
                break;
            case ScalarType.Boolean:
                writer.WriteBooleanValue(ScalarResolver.IsTrue(value));
                break;
            case ScalarType.Integer:
                WriteInteger(writer, value);
                break;
            case ScalarType.Float:
                writer.WriteRawValue(JsonNumber.NormalizeFloat(value), skipInputValidation: true);
                break;
            default:
                writer.WriteStringValue(value);
                break;
        }
    }

    private static void WriteInteger(Utf8JsonWriter writer, string value)
    {
        if (value.Length > 2 && value[0] == '0' && value[1] is 'x' or 'o')
        {
            var digits = value.AsSpan(2);
            var parsed = value[1] == 'x'
                ? ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex : (ulong?)null
                : JsonNumber.ParseOctal(digits);
            if (parsed is { } number)
            {
                writer.WriteNumberValue(number);
            }
            else
            {
                // Too large for any integer field; a string makes the deserializer report it with a position.
                writer.WriteStringValue(value);
            }

            return;
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            writer.WriteNumberValue(integer);
        }
        else
        {
            writer.WriteRawValue(JsonNumber.NormalizeInteger(value), skipInputValidation: true);
        }
    }
}

/// <summary>Rewrites YAML core-schema numbers into JSON number grammar (no '+', no leading zeros, digits around '.').</summary>
internal static class JsonNumber
{
    public static ulong? ParseOctal(ReadOnlySpan<char> digits)
    {
        ulong result = 0;
        foreach (var c in digits)
        {
            if (result > (ulong.MaxValue >> 3))
            {
                return null;
            }

            result = (result << 3) | (uint)(c - '0');
        }

        return result;
    }

    public static string NormalizeInteger(string value)
    {
        var negative = value[0] == '-';
        var digits = value.AsSpan(value[0] is '-' or '+' ? 1 : 0).TrimStart('0');
        if (digits.IsEmpty)
        {
            return "0";
        }

        return negative ? string.Concat("-", digits) : digits.ToString();
    }

    public static string NormalizeFloat(string value)
    {
        var s = value.AsSpan();
        var negative = s[0] == '-';
        if (s[0] is '-' or '+')
        {
            s = s[1..];
        }

        var exponentAt = s.IndexOfAny('e', 'E');
        var mantissa = exponentAt < 0 ? s : s[..exponentAt];
        var exponent = exponentAt < 0 ? ReadOnlySpan<char>.Empty : s[exponentAt..];
        var dot = mantissa.IndexOf('.');
        var integerPart = (dot < 0 ? mantissa : mantissa[..dot]).TrimStart('0');
        var fraction = dot < 0 ? ReadOnlySpan<char>.Empty : mantissa[(dot + 1)..];

        var result = new System.Text.StringBuilder(value.Length + 3);
        if (negative)
        {
            result.Append('-');
        }

        result.Append(integerPart.IsEmpty ? "0" : integerPart);
        if (!fraction.IsEmpty)
        {
            result.Append('.').Append(fraction);
        }

        result.Append(exponent);
        return result.ToString();
    }
}
