using System.Globalization;
using SecureManifests.Validation;

namespace SecureManifests.Cli.Lint;

/// <summary>Input that could not be read: a missing file, a syntax error, an alias bomb...</summary>
/// <param name="File">The source as named in reports.</param>
/// <param name="Line">1-based line of the problem (1 when it concerns the whole file).</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong, in one line.</param>
internal sealed record InputProblem(string File, int Line, int Column, string Message)
{
    /// <summary>The compiler form <c>file:line:col: error: message</c>, control characters escaped so it stays one line.</summary>
    public override string ToString() => Format(TextStyle.Plain);

    /// <summary>The compiler form with the word <c>error</c> in <paramref name="style"/>.</summary>
    public string Format(TextStyle style) =>
        string.Create(CultureInfo.InvariantCulture, $"{PrintableText.Escape(File)}:{Line}:{Column}: {style.Error("error")}: {PrintableText.Escape(Message)}");
}
