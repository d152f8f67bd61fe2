using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace SecureManifests.Cli.Input;

/// <summary>
/// Enforces <see cref="ReaderLimits.MaxNestingDepth"/> on the scanner's tokens, before the parser or the tree
/// builder see them, whatever state the builder is in. YamlDotNet's scanner does work per open flow level for
/// every token (its simple-key bookkeeping), so unbounded flow nesting costs time quadratic in the depth
/// (80,000 levels of <c>[</c> took over 6 s); refusing at the limit keeps that cost bounded per token.
/// </summary>
/// <remarks>
/// Every opening token (<c>[</c>, <c>{</c>, the start of a block mapping or sequence) opens a node, and some
/// nodes open without one (indentless sequences, single-pair mappings in flow sequences), so the token depth
/// never exceeds the tree depth: the guard refuses nothing that <see cref="DocumentTreeBuilder"/> accepts.
/// </remarks>
internal sealed class NestingGuardScanner(IScanner inner, int maxDepth) : IScanner
{
    private int depth;

    public Mark CurrentPosition => inner.CurrentPosition;

    public Token? Current => inner.Current;

    public bool MoveNext()
    {
        if (!MoveNextWithoutConsuming())
        {
            return false;
        }

        ConsumeCurrent();
        return true;
    }

    public bool MoveNextWithoutConsuming() => inner.MoveNextWithoutConsuming();

    public void ConsumeCurrent()
    {
        var token = inner.Current;
        inner.ConsumeCurrent();
        switch (token)
        {
            case FlowSequenceStart or FlowMappingStart or BlockSequenceStart or BlockMappingStart:
                if (++depth > maxDepth)
                {
                    throw new InputRejectedException(
                        DocumentTreeBuilder.Line(token.Start),
                        DocumentTreeBuilder.Column(token.Start),
                        string.Create(CultureInfo.InvariantCulture, $"nesting is deeper than the limit of {maxDepth} levels (ReaderLimits.MaxNestingDepth)"),
                        ReadErrorKind.Limit);
                }

                break;
            case FlowSequenceEnd or FlowMappingEnd or BlockEnd:
                depth = Math.Max(0, depth - 1);
                break;
            case DocumentStart or DocumentEnd or StreamEnd:
                // Nothing stays open across documents; resetting keeps a broken count from leaking into the next.
                depth = 0;
                break;
        }
    }
}
