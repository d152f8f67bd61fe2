using System.Globalization;
using System.Text;
using YamlDotNet.Core;

namespace SecureManifests.Output;

/// <summary>
/// Writes block-style YAML for a tree whose every scalar style is already decided (see
/// <see cref="ScalarStyleChooser"/>): two-space indent, sequences not indented under their key (as kubectl writes
/// them), no line folding, LF. It replaces a general-purpose emitter because a synth writes thousands of small
/// documents, and a short-lived process spent most of its time compiling the general emitter's state machine.
/// </summary>
internal sealed class YamlBlockWriter
{
    private const int Indent = 2;
    private readonly TextWriter _writer;

    // Where the next node starts: true when the cursor is after "key:" or "- " and a nested block must break first.
    private bool _afterKey;
    private bool _atLineStart = true;

    public YamlBlockWriter(TextWriter writer) => _writer = writer;

    /// <summary>A mapping key at <paramref name="indent"/>; the value follows with one of the Write methods.</summary>
    public void Key(string key, ScalarStyle style, int indent)
    {
        StartLine(indent);
        WriteScalarText(key, style, indent);
        _writer.Write(':');
        _afterKey = true;
    }

    /// <summary>The "- " of a sequence item at <paramref name="indent"/>; the item follows inline.</summary>
    public void Item(int indent)
    {
        StartLine(indent);
        _writer.Write("- ");
        _afterKey = false;
        _atLineStart = false;
    }

    /// <summary>Called before the first key of a nested mapping or the first item of a nested sequence.</summary>
    public void BeginBlock()
    {
        if (_afterKey)
        {
            _writer.Write('\n');
            _atLineStart = true;
            _afterKey = false;
        }
    }

    /// <summary>An empty mapping or sequence in flow form, the one readable way to write <c>{}</c> and <c>[]</c>.</summary>
    public void EmptyFlow(bool mapping)
    {
        SpaceAfterKey();
        _writer.Write(mapping ? "{}" : "[]");
        EndLine();
    }

    /// <summary>A scalar value in its decided style; <paramref name="indent"/> is the indent of its key or item.</summary>
    public void Scalar(string value, ScalarStyle style, int indent)
    {
        SpaceAfterKey();
        WriteScalarText(value, style, indent);
        EndLine();
    }

    private void StartLine(int indent)
    {
        if (_atLineStart)
        {
            for (var i = 0; i < indent; i++)
            {
                _writer.Write(' ');
            }
        }

        _atLineStart = false;
    }

    private void SpaceAfterKey()
    {
        if (_afterKey)
        {
            _writer.Write(' ');
            _afterKey = false;
        }
    }

    private void EndLine()
    {
        _writer.Write('\n');
        _atLineStart = true;
    }

    private void WriteScalarText(string value, ScalarStyle style, int indent)
    {
        switch (style)
        {
            case ScalarStyle.Plain:
                _writer.Write(value);
                break;
            case ScalarStyle.Literal:
                WriteLiteral(value, indent + Indent);
                break;
            default:
                WriteDoubleQuoted(value);
                break;
        }
    }

    /// <summary>
    /// A literal block: <c>|</c>, an indentation indicator when the text starts with a space or a break, and the
    /// chomping indicator that keeps the trailing breaks exactly (<c>-</c> none, nothing one, <c>+</c> more).
    /// Empty lines carry no indentation.
    /// </summary>
    private void WriteLiteral(string value, int contentIndent)
    {
        _writer.Write('|');
        if (value[0] is ' ' or '\n')
        {
            _writer.Write((char)('0' + Indent));
        }

        var trailingBreaks = value.Length - value.AsSpan().TrimEnd('\n').Length;
        _writer.Write(trailingBreaks switch { 0 => "-", 1 => string.Empty, _ => "+" });
        var body = value.AsSpan(0, value.Length - Math.Min(trailingBreaks, 1));
        foreach (var line in body.EnumerateLines())
        {
            _writer.Write('\n');
            if (!line.IsEmpty)
            {
                for (var i = 0; i < contentIndent; i++)
                {
                    _writer.Write(' ');
                }

                _writer.Write(line);
            }
        }
    }

    /// <summary>A double-quoted scalar with YAML escapes for quotes, backslashes and every non-printable character.</summary>
    private void WriteDoubleQuoted(string value)
    {
        _writer.Write('"');
        var plainFrom = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var escape = EscapeOf(value, ref i, out var consumed);
            if (escape is null)
            {
                continue;
            }

            _writer.Write(value.AsSpan(plainFrom, i - consumed + 1 - plainFrom));
            _writer.Write(escape);
            plainFrom = i + 1;
        }

        _writer.Write(value.AsSpan(plainFrom));
        _writer.Write('"');
    }

    /// <summary>
    /// The escape for the character at <paramref name="i"/>, or null when it is written as is. A surrogate pair is one
    /// code point: <paramref name="i"/> then points at its low half and <paramref name="consumed"/> is 2.
    /// </summary>
    private static string? EscapeOf(string value, ref int i, out int consumed)
    {
        consumed = 1;
        var c = value[i];
        switch (c)
        {
            case '"': return "\\\"";
            case '\\': return "\\\\";
            case '\0': return "\\0";
            case '\a': return "\\a";
            case '\b': return "\\b";
            case '\t': return "\\t";
            case '\n': return "\\n";
            case '\v': return "\\v";
            case '\f': return "\\f";
            case '\r': return "\\r";
            case '\x1B': return "\\e";
            case '\x85': return "\\N";
            case '\xA0': return "\\_";
            case '\u2028': return "\\L";
            case '\u2029': return "\\P";
        }

        if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
        {
            var codePoint = char.ConvertToUtf32(c, value[i + 1]);
            i++;
            consumed = 2;
            return "\\U" + codePoint.ToString("X8", CultureInfo.InvariantCulture);
        }

        if (IsPrintable(c))
        {
            return null;
        }

        return c <= '\xFF'
            ? "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture)
            : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
    }

    // YAML's c-printable without line breaks and without the byte order mark.
    private static bool IsPrintable(char c) => c switch
    {
        >= (char)0x20 and <= (char)0x7E => true,
        >= (char)0xA0 and <= (char)0xD7FF => true,
        >= (char)0xE000 and <= (char)0xFFFD => c != (char)0xFEFF,
        _ => false,
    };
}
