namespace SecureManifests.Cli.Input;

/// <summary>How a scalar reads as JSON, resolved once when the tree is built.</summary>
internal enum ScalarType
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}

/// <summary>
/// A node of one document, with its source position. Aliases are not copied: the alias and its anchor
/// share one node, and the size fields account for every repetition, so limits are checked without
/// ever expanding an alias bomb.
/// </summary>
internal abstract class TreeNode
{
    protected TreeNode(int line, int column)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }

    /// <summary>Nodes in this subtree, counting each alias as the full size of its target.</summary>
    public int NodeCount { get; set; } = 1;

    /// <summary>Characters of scalars and keys in this subtree, with the same alias accounting.</summary>
    public long ExpandedChars { get; set; }

    /// <summary>Nesting levels of containers in this subtree (0 for a scalar).</summary>
    public int Height { get; set; }

    public abstract string Describe();
}

internal sealed class ScalarTreeNode : TreeNode
{
    public ScalarTreeNode(int line, int column, string value, ScalarType type)
        : base(line, column)
    {
        Value = value;
        Type = type;
        ExpandedChars = value.Length;
    }

    public string Value { get; }

    public ScalarType Type { get; }

    public override string Describe()
    {
        const int MaxShown = 40;
        return Type switch
        {
            ScalarType.Null => "null",
            ScalarType.Boolean => "boolean " + Value,
            ScalarType.Integer => "integer " + Value,
            ScalarType.Float => "number " + Value,
            _ => "string \"" + (Value.Length > MaxShown ? string.Concat(Value.AsSpan(0, MaxShown), "...") : Value) + "\"",
        };
    }
}

/// <summary>One key of a mapping: the key text, where the key is written, and its value.</summary>
internal readonly record struct TreeEntry(string Key, int KeyLine, int KeyColumn, TreeNode Value);

internal sealed class MappingTreeNode : TreeNode
{
    public MappingTreeNode(int line, int column)
        : base(line, column)
    {
    }

    public List<TreeEntry> Entries { get; } = new();

    public TreeEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

    public string? FindString(string key) =>
        Find(key)?.Value is ScalarTreeNode { Type: not ScalarType.Null } scalar ? scalar.Value : null;

    public override string Describe() => "a mapping";
}

internal sealed class SequenceTreeNode : TreeNode
{
    public SequenceTreeNode(int line, int column)
        : base(line, column)
    {
    }

    public List<TreeNode> Items { get; } = new();

    public override string Describe() => "a list";
}
