using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SecureManifests.Cli.Input;

/// <summary>
/// YamlDotNet's parser occasionally fails on malformed input with a plain exception instead of a
/// <see cref="YamlException"/> (found by fuzzing: an unclosed flow mapping inside block mappings
/// throws InvalidOperationException from the scanner). This turns those into syntax errors at the
/// last position the parser reached, so they are reported like any other syntax error.
/// </summary>
internal sealed class CheckedParser(IParser inner) : IParser
{
    private Mark lastEnd = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        try
        {
            var moved = inner.MoveNext();
            if (moved && inner.Current is { } current)
            {
                lastEnd = current.End;
            }

            return moved;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
        {
            throw new YamlException(lastEnd, lastEnd, "malformed YAML after this point (the YAML parser could not continue: " + ex.GetType().Name + ")", ex);
        }
    }
}
