using System.Globalization;

namespace SecureManifests.Cli.Input;

/// <summary>
/// Where a field lives in the source. When the requested field does not exist, this is the position of
/// its nearest existing ancestor and <see cref="ResolvedPath"/> says which one.
/// </summary>
/// <param name="SourceName">The file name given to the reader.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="ResolvedPath">The path that was found: the requested one, or an ancestor of it ("" for the object itself).</param>
/// <param name="IsExact">True when the requested field itself was found.</param>
internal readonly record struct SourcePosition(string SourceName, int Line, int Column, string ResolvedPath, bool IsExact)
{
    /// <summary>The position as <c>source:line:column</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{SourceName}:{Line}:{Column}");
}
