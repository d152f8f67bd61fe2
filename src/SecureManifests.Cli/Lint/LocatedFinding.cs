using SecureManifests.Rules;

namespace SecureManifests.Cli.Lint;

/// <summary>A finding with the source position of the field it is about.</summary>
/// <param name="Finding">The engine's finding.</param>
/// <param name="File">The source as named in reports.</param>
/// <param name="Line">1-based line of the offending field (or of its nearest written ancestor when the field is absent).</param>
/// <param name="Column">1-based column.</param>
internal sealed record LocatedFinding(Finding Finding, string File, int Line, int Column)
{
    /// <summary><c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public string SeverityName => SeverityNames.Of(Finding.Severity);

    /// <summary>The object as <c>Kind/namespace/name</c>, or <c>Kind/name</c> without a namespace.</summary>
    public string ObjectName => string.IsNullOrEmpty(Finding.Namespace)
        ? $"{Finding.Kind}/{Finding.Name}"
        : $"{Finding.Kind}/{Finding.Namespace}/{Finding.Name}";
}
