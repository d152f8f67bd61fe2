using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SecureManifests.Cli.Input;

/// <summary>
/// A problem found while building one document's tree (the builder stops there, so the rest of the source is
/// not read: resuming would mean scanning the rest of the broken document without its limits) or while
/// turning a built tree into an object (<see cref="ReadErrorKind.Object"/>: reading goes on).
/// </summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Kind">Which layer refused the input.</param>
internal sealed record TreeProblem(int Line, int Column, string Message, ReadErrorKind Kind = ReadErrorKind.Object);

/// <summary>
/// Turns the parser events of one YAML document into a <see cref="TreeNode"/> tree with positions.
/// Iterative (an explicit stack, never recursion) and bounded by <see cref="ReaderLimits"/>: depth,
/// node count with aliases counted at full size, expanded size and scalar length are checked as
/// events arrive, so an alias bomb is refused after at most MaxNodesPerDocument steps and no memory
/// beyond the source text. Also enforces what YAML allows but Kubernetes objects must not have:
/// duplicate keys (parsers disagree on which value wins, which would let a linter check a different
/// value than the cluster applies) and non-scalar keys. Supports &lt;&lt; merge keys like Kubernetes.
/// </summary>
internal sealed class DocumentTreeBuilder
{
    private const string MergeKey = "<<";
    private const int LinearKeySearchLimit = 16;

    private readonly ReaderLimits limits;
    private readonly Dictionary<string, TreeNode> anchors = new(StringComparer.Ordinal);
    private readonly List<Frame> stack = new();
    private readonly Stack<Frame> pool = new();
    private TreeNode? root;
    private TreeProblem? problem;
    private long nodeCount;
    private long expandedChars;
    private bool aliasesUsed;

    public DocumentTreeBuilder(ReaderLimits limits)
    {
        this.limits = limits;
    }

    /// <summary>
    /// Consumes events up to and including the <see cref="DocumentEnd"/> of the current document, or up to
    /// the first problem, where it stops: the rest of the document is never scanned, because YamlDotNet's
    /// scanner is only safe to drive while every limit is being checked (draining 80,000 levels of flow
    /// nesting after an undefined alias took seconds, quadratic in the depth). Parser exceptions propagate.
    /// </summary>
    public (TreeNode? Root, TreeProblem? Problem) Build(IParser parser)
    {
        Reset();
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            if (current is DocumentEnd)
            {
                EndIndex = current.Start.Index;
                return (root, null);
            }

            switch (current)
            {
                case Scalar scalar:
                    OnScalar(scalar);
                    break;
                case MappingStart mappingStart:
                    Open(new MappingTreeNode(Line(mappingStart.Start), Column(mappingStart.Start)), mappingStart.Anchor);
                    break;
                case SequenceStart sequenceStart:
                    Open(new SequenceTreeNode(Line(sequenceStart.Start), Column(sequenceStart.Start)), sequenceStart.Anchor);
                    break;
                case MappingEnd or SequenceEnd:
                    Close();
                    break;
                case AnchorAlias alias:
                    OnAlias(alias);
                    break;
            }

            if (problem is not null)
            {
                EndIndex = current.End.Index;
                return (null, problem);
            }
        }

        // The parser always ends a document before the stream; reaching here means it stopped early.
        return (null, problem ?? new TreeProblem(1, 1, "unexpected end of input inside a document", ReadErrorKind.Yaml));
    }

    /// <summary>Character index where the last built document ended.</summary>
    public long EndIndex { get; private set; }

    internal static int Line(Mark mark) => (int)Math.Clamp(mark.Line, 1, int.MaxValue);

    internal static int Column(Mark mark) => (int)Math.Clamp(mark.Column, 1, int.MaxValue);

    private void Reset()
    {
        anchors.Clear();
        foreach (var frame in stack)
        {
            frame.Clear();
            pool.Push(frame);
        }

        stack.Clear();
        root = null;
        problem = null;
        nodeCount = 0;
        expandedChars = 0;
        aliasesUsed = false;
        EndIndex = long.MaxValue;
    }

    private void OnScalar(Scalar scalar)
    {
        var line = Line(scalar.Start);
        var column = Column(scalar.Start);
        var value = scalar.Value;
        if (value.Length > limits.MaxScalarChars)
        {
            Fail(line, column, string.Create(CultureInfo.InvariantCulture, $"scalar of {value.Length} characters is longer than the limit of {limits.MaxScalarChars} (ReaderLimits.MaxScalarChars)"), ReadErrorKind.Limit);
            return;
        }

        if (scalar.Anchor.IsEmpty && stack.Count > 0 && stack[^1] is { Node: MappingTreeNode, HasPendingKey: false } keyFrame)
        {
            // A key: only its text and position are kept, no node (keys are half of all scalars).
            if (Count(1, value.Length, line, column))
            {
                AcceptKey(keyFrame, value, line, column, 1, value.Length, scalar.Style == ScalarStyle.Plain);
            }

            return;
        }

        var type = ResolveType(scalar);
        var node = new ScalarTreeNode(line, column, value, type);
        if (!Count(1, value.Length, line, column) || !Attach(node, isMergeKeyCandidate: scalar.Style == ScalarStyle.Plain))
        {
            return;
        }

        if (!scalar.Anchor.IsEmpty)
        {
            anchors[scalar.Anchor.Value] = node;
        }
    }

    private static ScalarType ResolveType(Scalar scalar)
    {
        if (scalar.Tag.IsEmpty)
        {
            return scalar.Style == ScalarStyle.Plain ? ScalarResolver.ResolvePlain(scalar.Value) : ScalarType.String;
        }

        // Explicit core-schema tags ask for resolution even when quoted; !!str, the non-specific "!"
        // and unknown tags keep the text as a string.
        return scalar.Tag.Value switch
        {
            "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" or "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:null"
                => ScalarResolver.ResolvePlain(scalar.Value),
            _ => ScalarType.String,
        };
    }

    private void Open(TreeNode container, AnchorName anchor)
    {
        if (stack.Count + 1 > limits.MaxNestingDepth)
        {
            Fail(container.Line, container.Column, string.Create(CultureInfo.InvariantCulture, $"nesting is deeper than the limit of {limits.MaxNestingDepth} levels (ReaderLimits.MaxNestingDepth)"), ReadErrorKind.Limit);
            return;
        }

        if (!Count(1, 0, container.Line, container.Column))
        {
            return;
        }

        container.Height = 1;
        var frame = pool.Count > 0 ? pool.Pop() : new Frame();
        frame.Node = container;
        frame.Anchor = anchor.IsEmpty ? null : anchor.Value;
        stack.Add(frame);
    }

    private void Close()
    {
        var frame = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        var node = frame.Node!;
        if (frame.HasMerge && node is MappingTreeNode mapping && !ApplyMerges(mapping))
        {
            return;
        }

        var anchor = frame.Anchor;
        frame.Clear();
        pool.Push(frame);

        if (!Attach(node, isMergeKeyCandidate: false))
        {
            return;
        }

        // Registered only now, so an alias inside its own anchor (a cycle) finds no anchor and fails.
        if (anchor is not null)
        {
            anchors[anchor] = node;
        }
    }

    private void OnAlias(AnchorAlias alias)
    {
        var line = Line(alias.Start);
        var column = Column(alias.Start);
        if (!anchors.TryGetValue(alias.Value.Value, out var target))
        {
            Fail(line, column, $"alias *{alias.Value.Value} refers to an anchor that is not defined before it in this document", ReadErrorKind.Yaml);
            return;
        }

        if (stack.Count + target.Height > limits.MaxNestingDepth)
        {
            Fail(line, column, string.Create(CultureInfo.InvariantCulture, $"alias *{alias.Value.Value} makes nesting deeper than the limit of {limits.MaxNestingDepth} levels (ReaderLimits.MaxNestingDepth)"), ReadErrorKind.Limit);
            return;
        }

        aliasesUsed = true;
        if (Count(target.NodeCount, target.ExpandedChars, line, column))
        {
            Attach(target, isMergeKeyCandidate: false);
        }
    }

    /// <summary>Adds to the document totals (aliases at their full expanded size) and checks the limits.</summary>
    private bool Count(long nodes, long chars, int line, int column)
    {
        nodeCount += nodes;
        expandedChars += chars;
        if (nodeCount > limits.MaxNodesPerDocument)
        {
            var aliasNote = aliasesUsed ? " once aliases are expanded" : "";
            var bombNote = aliasesUsed ? "; refusing a possible alias bomb" : "";
            Fail(line, column, string.Create(CultureInfo.InvariantCulture, $"document has more than {limits.MaxNodesPerDocument} nodes{aliasNote} (ReaderLimits.MaxNodesPerDocument){bombNote}"), ReadErrorKind.Limit);
            return false;
        }

        if (expandedChars > limits.MaxDocumentChars)
        {
            // Without aliases this is the plain size limit, met here first because the text reader counts a
            // document from its start event, which the scanner reaches after reading ahead.
            Fail(line, column, aliasesUsed
                ? string.Create(CultureInfo.InvariantCulture, $"document is larger than {limits.MaxDocumentChars} characters once aliases are expanded (ReaderLimits.MaxDocumentChars); refusing a possible alias bomb")
                : string.Create(CultureInfo.InvariantCulture, $"document is larger than the limit of {limits.MaxDocumentChars} characters (ReaderLimits.MaxDocumentChars)"),
                ReadErrorKind.Limit);
            return false;
        }

        return true;
    }

    private bool Attach(TreeNode node, bool isMergeKeyCandidate)
    {
        if (stack.Count == 0)
        {
            root = node;
            return true;
        }

        var frame = stack[^1];
        var parent = frame.Node!;
        if (parent is SequenceTreeNode sequence)
        {
            sequence.Items.Add(node);
        }
        else if (!frame.HasPendingKey)
        {
            if (node is not ScalarTreeNode key)
            {
                Fail(node.Line, node.Column, "mapping keys must be scalars (complex keys are not valid in Kubernetes objects)", ReadErrorKind.Unsupported);
                return false;
            }

            return AcceptKey(frame, key.Value, key.Line, key.Column, key.NodeCount, key.ExpandedChars, isMergeKeyCandidate);
        }
        else
        {
            ((MappingTreeNode)parent).Entries.Add(new TreeEntry(frame.KeyText!, frame.KeyLine, frame.KeyColumn, node));
            parent.NodeCount += frame.KeyNodeCount;
            parent.ExpandedChars += frame.KeyChars;
            frame.ClearKey();
        }

        parent.NodeCount = (int)Math.Min(int.MaxValue, (long)parent.NodeCount + node.NodeCount);
        parent.ExpandedChars += node.ExpandedChars;
        parent.Height = Math.Max(parent.Height, node.Height + 1);
        return true;
    }

    private bool AcceptKey(Frame frame, string key, int line, int column, int nodes, long chars, bool isMergeKeyCandidate)
    {
        if (isMergeKeyCandidate && key == MergeKey)
        {
            frame.HasMerge = true;
        }
        else if (frame.ContainsKey(key))
        {
            Fail(line, column, $"duplicate key \"{key}\" in mapping; parsers disagree on which value wins, so it is refused", ReadErrorKind.Unsupported);
            return false;
        }

        frame.SetKey(key, line, column, nodes, chars);
        return true;
    }

    /// <summary>
    /// Resolves &lt;&lt; keys: entries of the merged mapping(s) are added unless the mapping sets the key
    /// itself, which always wins regardless of order (YAML merge key semantics, as in Kubernetes).
    /// </summary>
    private bool ApplyMerges(MappingTreeNode mapping)
    {
        var explicitEntries = new List<TreeEntry>(mapping.Entries.Count);
        var sources = new List<(TreeEntry Entry, MappingTreeNode Source)>();
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key != MergeKey)
            {
                explicitEntries.Add(entry);
                continue;
            }

            switch (entry.Value)
            {
                case MappingTreeNode single:
                    sources.Add((entry, single));
                    break;
                case SequenceTreeNode list when list.Items.TrueForAll(i => i is MappingTreeNode):
                    sources.AddRange(list.Items.Select(i => (entry, (MappingTreeNode)i)));
                    break;
                default:
                    Fail(entry.KeyLine, entry.KeyColumn, "the << merge key needs a mapping or a list of mappings", ReadErrorKind.Unsupported);
                    return false;
            }
        }

        var keys = new HashSet<string>(explicitEntries.Select(e => e.Key), StringComparer.Ordinal);
        foreach (var (_, source) in sources)
        {
            foreach (var merged in source.Entries)
            {
                if (keys.Add(merged.Key))
                {
                    explicitEntries.Add(merged);
                }
            }
        }

        mapping.Entries.Clear();
        mapping.Entries.AddRange(explicitEntries);
        return true;
    }

    private void Fail(int line, int column, string message, ReadErrorKind kind) => problem ??= new TreeProblem(line, column, message, kind);

    /// <summary>An open mapping or sequence. Pooled: a document has thousands of them.</summary>
    private sealed class Frame
    {
        private HashSet<string>? keySet;

        public TreeNode? Node { get; set; }

        public string? Anchor { get; set; }

        public bool HasMerge { get; set; }

        public bool HasPendingKey => KeyText is not null;

        public string? KeyText { get; private set; }

        public int KeyLine { get; private set; }

        public int KeyColumn { get; private set; }

        public int KeyNodeCount { get; private set; }

        public long KeyChars { get; private set; }

        public void SetKey(string text, int line, int column, int nodes, long chars)
        {
            KeyText = text;
            KeyLine = line;
            KeyColumn = column;
            KeyNodeCount = nodes;
            KeyChars = chars;
        }

        public void ClearKey() => KeyText = null;

        public bool ContainsKey(string key)
        {
            var entries = ((MappingTreeNode)Node!).Entries;
            if (keySet is null && entries.Count < LinearKeySearchLimit)
            {
                foreach (var entry in entries)
                {
                    if (string.Equals(entry.Key, key, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (keySet is null)
            {
                keySet = new HashSet<string>(StringComparer.Ordinal);
                foreach (var entry in entries)
                {
                    keySet.Add(entry.Key);
                }
            }

            return !keySet.Add(key);
        }

        public void Clear()
        {
            Node = null;
            Anchor = null;
            HasMerge = false;
            KeyText = null;
            keySet = null;
        }
    }
}
