using System.Globalization;

namespace SecureManifests.SynthHost;

/// <summary>How the build shows a report entry.</summary>
internal enum ReportCategory
{
    Error,
    Warning,
    Info,
}

/// <summary>
/// One message of the host's report: what the build logs as an error, a warning or a message, at a C# location when
/// one is known. It travels to the build in the report file, never through the user's standard output.
/// </summary>
/// <param name="Category">Error, warning or info.</param>
/// <param name="Code">The rule or build-step ID (SM1001, SM0106...).</param>
/// <param name="File">The full path it points at, or empty.</param>
/// <param name="Line">1-based line, or 0 when the entry points at no line.</param>
/// <param name="Column">1-based column, or 0.</param>
/// <param name="Text">The message: one line.</param>
internal sealed record ReportEntry(ReportCategory Category, string Code, string File, int Line, int Column, string Text)
{
    /// <summary>MSBuild's canonical format (<c>origin(line,col): error CODE: text</c>), for a host run by hand.</summary>
    public string ToCanonical()
    {
        var origin = File.Length == 0 ? string.Empty
            : Line == 0 ? File + ": "
            : string.Create(CultureInfo.InvariantCulture, $"{File}({Line},{Column}): ");
        var category = Category switch
        {
            ReportCategory.Error => "error",
            ReportCategory.Warning => "warning",
            _ => "info",
        };
        return $"{origin}{category} {Code}: {Text}";
    }
}
