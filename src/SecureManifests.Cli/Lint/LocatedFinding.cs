using SecureManifests.Rules;

namespace SecureManifests.Cli.Lint;

/// <summary>A finding with the source position of the field it is about.</summary>
/// <param name="Finding">The engine's finding.</param>
/// <param name="File">The source as named in reports.</param>
/// <param name="Line">1-based line of the offending field (or of its nearest written ancestor when the field is absent).</param>
/// <param name="Column">1-based column.</param>
/// <param name="Group">The API group of the object (<c>apps</c>; empty for the core group), part of its identity in a baseline.</param>
internal sealed record LocatedFinding(Finding Finding, string File, int Line, int Column, string Group)
{
    /// <summary>Whether the finding is in the <c>--baseline</c>: reported, but it does not fail the run.</summary>
    public bool IsBaselined { get; init; }

    /// <summary>Whether the finding is reported without counting against the run: waived, or in the baseline.</summary>
    public bool IsQuiet => Finding.IsSuppressed || IsBaselined;

    /// <summary><c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public string SeverityName => SeverityNames.Of(Finding.Severity);

    /// <summary>The object as <c>Kind/namespace/name</c>, or <c>Kind/name</c> without a namespace.</summary>
    public string ObjectName => ObjectNames(Finding.Kind, Finding.Namespace, Finding.Name);

    /// <summary><c>Kind/namespace/name</c>, or <c>Kind/name</c> without a namespace.</summary>
    public static string ObjectNames(string kind, string? @namespace, string name) =>
        string.IsNullOrEmpty(@namespace) ? $"{kind}/{name}" : $"{kind}/{@namespace}/{name}";
}
