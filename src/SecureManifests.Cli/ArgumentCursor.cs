namespace SecureManifests.Cli;

/// <summary>
/// Walks a command's arguments: options as <c>--name value</c> or <c>--name=value</c>, everything else
/// positional; after <c>--</c> everything is positional. <c>-</c> alone is positional (stdin).
/// Hand-written rather than System.CommandLine: a handful of options, no extra assembly to load at start-up
/// (lint over a file must start fast), and error messages in the tool's own one-line form.
/// </summary>
internal sealed class ArgumentCursor
{
    private readonly IReadOnlyList<string> _args;
    private int _index;
    private bool _onlyPositional;
    private string? _inlineValue;

    public ArgumentCursor(IReadOnlyList<string> args, int start)
    {
        _args = args;
        _index = start;
    }

    /// <summary>The option being read, e.g. <c>--format</c>, for messages.</summary>
    public string Current { get; private set; } = string.Empty;

    /// <summary>Moves to the next argument. Returns false at the end.</summary>
    /// <param name="option">The option name (<c>--format</c>, <c>-h</c>), or null for a positional argument.</param>
    /// <param name="positional">The positional argument, when <paramref name="option"/> is null.</param>
    public bool Next(out string? option, out string? positional)
    {
        option = null;
        positional = null;
        _inlineValue = null;
        if (_index >= _args.Count)
        {
            return false;
        }

        var arg = _args[_index++];
        Current = arg;
        if (!_onlyPositional && arg == "--")
        {
            _onlyPositional = true;
            return Next(out option, out positional);
        }

        if (_onlyPositional || arg == "-" || !arg.StartsWith('-'))
        {
            positional = arg;
            return true;
        }

        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 2)
        {
            option = arg[..equals];
            _inlineValue = arg[(equals + 1)..];
        }
        else
        {
            option = arg;
        }

        Current = option;
        return true;
    }

    /// <summary>The value of the current option (inline after <c>=</c>, or the next argument).</summary>
    /// <exception cref="UsageException">There is no value.</exception>
    public string Value()
    {
        if (_inlineValue is not null)
        {
            return _inlineValue;
        }

        if (_index >= _args.Count)
        {
            throw new UsageException($"{Current} needs a value");
        }

        return _args[_index++];
    }

    /// <summary>Fails when the current option was given an inline value it does not take.</summary>
    public void NoValue()
    {
        if (_inlineValue is not null)
        {
            throw new UsageException($"{Current} takes no value");
        }
    }
}
