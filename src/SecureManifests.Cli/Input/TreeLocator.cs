namespace SecureManifests.Cli.Input;

/// <summary>The deepest point of a path that exists in a tree.</summary>
/// <param name="Line">Line of the key (for a mapping entry) or of the item (for a sequence item).</param>
/// <param name="Column">Column, like <paramref name="Line"/>.</param>
/// <param name="Node">The value found there.</param>
/// <param name="MatchedSegments">How many leading segments of the path were found.</param>
internal readonly record struct TreeLocation(int Line, int Column, TreeNode Node, int MatchedSegments);

/// <summary>Walks a field path through a document tree, stopping at the last segment that exists.</summary>
internal static class TreeLocator
{
    public static TreeLocation Walk(TreeNode root, IReadOnlyList<PathSegment> path)
    {
        var location = new TreeLocation(root.Line, root.Column, root, 0);
        foreach (var segment in path)
        {
            var next = Step(location.Node, segment);
            if (next is null)
            {
                break;
            }

            location = next.Value with { MatchedSegments = location.MatchedSegments + 1 };
        }

        return location;
    }

    private static TreeLocation? Step(TreeNode node, PathSegment segment)
    {
        switch (node)
        {
            case MappingTreeNode mapping when segment.Key is { } key:
                return mapping.Find(key) is { } entry ? new TreeLocation(entry.KeyLine, entry.KeyColumn, entry.Value, 0) : null;
            case SequenceTreeNode sequence when segment.Key is null && segment.ItemName is null:
                return segment.Index >= 0 && segment.Index < sequence.Items.Count ? At(sequence.Items[segment.Index]) : null;
            case SequenceTreeNode sequence when segment.ItemName is { } name:
                foreach (var item in sequence.Items)
                {
                    if (item is MappingTreeNode candidate && string.Equals(candidate.FindString("name"), name, StringComparison.Ordinal))
                    {
                        return At(item);
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static TreeLocation At(TreeNode item) => new(item.Line, item.Column, item, 0);
}
