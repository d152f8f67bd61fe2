using SecureManifests.Cli.Input;
using SecureManifests.Rules;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// What lint keeps of a document once its per-object findings are out: where the fields are written that the
/// engine's cross-object rules may still report it at (<see cref="ObjectFindings.PendingPaths"/>), so those
/// findings get positions after the document tree is gone.
/// </summary>
internal sealed class PendingPositions
{
    private readonly List<Entry?> _byObject = new();

    /// <summary>Notes where <paramref name="paths"/> are in <paramref name="document"/>, the <paramref name="objectIndex"/>-th object.</summary>
    public void Remember(int objectIndex, SourceDocument document, IReadOnlyList<string> paths)
    {
        while (_byObject.Count <= objectIndex)
        {
            _byObject.Add(null);
        }

        if (paths.Count == 0)
        {
            return;
        }

        var fields = new Field[paths.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            var position = document.Locate(paths[i]);
            fields[i] = new Field(paths[i], Math.Max(1, position.Line), Math.Max(1, position.Column));
        }

        _byObject[objectIndex] = new Entry(document.SourceName, Math.Max(1, document.Line), Math.Max(1, document.Column), ApiGroups.Of(document.ApiVersion), fields);
    }

    /// <summary>Places a cross-object finding at the field it is about.</summary>
    /// <exception cref="InvalidOperationException">The engine reports an object it announced no field of.</exception>
    public LocatedFinding Locate(Finding finding)
    {
        var entry = finding.ObjectIndex < _byObject.Count ? _byObject[finding.ObjectIndex] : null;
        if (entry is null)
        {
            throw new InvalidOperationException(
                $"{finding.RuleId} reported object {finding.ObjectIndex}, for which the engine announced no field to remember");
        }

        foreach (var field in entry.Fields)
        {
            if (string.Equals(field.Path, finding.Path, StringComparison.Ordinal))
            {
                return new LocatedFinding(finding, entry.File, field.Line, field.Column, entry.Group);
            }
        }

        // The engine announces every path its cross-object rules report at (tested); the object is the next best place.
        return new LocatedFinding(finding, entry.File, entry.Line, entry.Column, entry.Group);
    }

    private sealed record Entry(string File, int Line, int Column, string Group, Field[] Fields);

    private readonly record struct Field(string Path, int Line, int Column);
}
