using System.Globalization;
using SecureManifests.Validation;

namespace SecureManifests.Cli.Config;

/// <summary>
/// A file lint reads for its settings (the config file, a baseline) is unreadable or wrong: reported as <c>FILE:LINE:COL: error: message</c>, the compiler form of
/// unreadable input, and exit code 2. Nothing is linted under settings we cannot honour.
/// </summary>
internal sealed class SettingsFileException : Exception
{
    public SettingsFileException(string file, int line, int column, string message)
        : base(message)
    {
        File = file;
        Line = Math.Max(1, line);
        Column = Math.Max(1, column);
    }

    public SettingsFileException()
    {
        File = string.Empty;
    }

    public SettingsFileException(string message)
        : base(message)
    {
        File = string.Empty;
    }

    public SettingsFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
    }

    /// <summary>The file as reports name it.</summary>
    public string File { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }

    /// <summary>The one line on stderr, with the word <c>error</c> in <paramref name="style"/>.</summary>
    public string Format(TextStyle style) =>
        string.Create(CultureInfo.InvariantCulture, $"{PrintableText.Escape(File)}:{Line}:{Column}: {style.Error("error")}: {PrintableText.Escape(Message)}");
}
