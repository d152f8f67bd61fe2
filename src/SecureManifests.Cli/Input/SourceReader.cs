using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SecureManifests.Cli.Input;

/// <summary>
/// Reads one source document by document: parse events into a tree, check identity, expand Lists,
/// deserialize. Every failure becomes a <see cref="ReadError"/>. Failures of the YAML layer (syntax,
/// encoding, size, nesting, aliases, duplicate keys) end the source there: the scanner is never driven
/// over the rest of a broken document. Objects that are valid YAML but wrong for their type (a string
/// where a number belongs) are reported and reading goes on with the next document.
/// </summary>
internal sealed class SourceReader : IDisposable
{
    private const string ListSuffix = "List";

    private readonly string sourceName;
    private readonly GuardedTextReader input;
    private readonly CheckedParser parser;
    private readonly DocumentTreeBuilder builder;
    private readonly ObjectMaterializer materializer = new();
    private int documentIndex = -1;
    private bool finished;

    public SourceReader(string sourceName, TextReader text, ReaderLimits limits)
    {
        this.sourceName = sourceName;
        input = new GuardedTextReader(text, limits.MaxDocumentChars);
        parser = new CheckedParser(new Parser(new NestingGuardScanner(new Scanner(input, skipComments: true), limits.MaxNestingDepth)));
        builder = new DocumentTreeBuilder(limits);
    }

    /// <summary>Reads the next YAML document into <paramref name="output"/> (zero or more results). False at the end.</summary>
    public bool ReadNext(List<ReadResult> output)
    {
        if (finished)
        {
            return false;
        }

        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case DocumentStart:
                        documentIndex++;
                        input.StartDocument();
                        var (root, problem) = builder.Build(parser);
                        if (input.PendingError is not null && builder.EndIndex >= input.ErrorIndex)
                        {
                            // The text was cut short inside this document: report why, not what is left of it.
                            output.Add(InputError(input.PendingError));
                        }
                        else if (problem is not null)
                        {
                            finished = true;
                            output.Add(Error(problem.Line, problem.Column, $"{DocumentLabel()}: {problem.Message} (the rest of this file was not read)", problem.Kind));
                        }
                        else if (root is not null)
                        {
                            Convert(root, output);
                        }

                        return true;
                    case StreamEnd:
                        finished = true;
                        if (input.PendingError is not null)
                        {
                            output.Add(InputError(input.PendingError));
                            return true;
                        }

                        return false;
                }
            }

            finished = true;
            return false;
        }
        catch (YamlException ex) when (input.PendingError is not null && ex.End.Index >= input.ErrorIndex)
        {
            // Cutting the text short can leave a construct unclosed; the cut is the real problem.
            output.Add(InputError(input.PendingError));
            return true;
        }
        catch (YamlException ex)
        {
            finished = true;
            var line = DocumentTreeBuilder.Line(ex.Start);
            var column = DocumentTreeBuilder.Column(ex.Start);
            output.Add(Error(line, column, $"{DocumentLabel()}: YAML syntax error: {YamlMessage(ex)} (the rest of this file was not read)", ReadErrorKind.Yaml));
            return true;
        }
        catch (InputRejectedException ex)
        {
            output.Add(InputError(ex));
            return true;
        }
        catch (IOException ex)
        {
            finished = true;
            output.Add(Error(1, 1, $"could not read input: {ex.Message}", ReadErrorKind.Read));
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Last resort, so a defect here can never surface as a stack trace in the CLI.
            finished = true;
            output.Add(Error(1, 1, $"{DocumentLabel()}: internal error while reading ({ex.GetType().Name}: {FirstLine(ex.Message)}) (the rest of this file was not read)", ReadErrorKind.Read));
            return true;
        }
    }

    public void Dispose()
    {
        materializer.Dispose();
        input.Dispose();
    }

    private void Convert(TreeNode root, List<ReadResult> output)
    {
        if (root is ScalarTreeNode { Type: ScalarType.Null })
        {
            // An empty document (comments only, or a stray "---") is not an object; kubectl skips it too.
            return;
        }

        if (root is not MappingTreeNode mapping)
        {
            output.Add(Error(root.Line, root.Column, $"{DocumentLabel()}: expected a Kubernetes object (a mapping with apiVersion and kind), found {root.Describe()}", ReadErrorKind.NotAnObject));
            return;
        }

        var kind = mapping.FindString("kind");
        var apiVersion = mapping.FindString("apiVersion");
        if (kind is not null && apiVersion is not null
            && kind.EndsWith(ListSuffix, StringComparison.Ordinal)
            && mapping.Find("items") is { } items
            && mapping.Find("spec") is null)
        {
            ExpandList(apiVersion, kind, items, output);
            return;
        }

        AddObject(mapping, null, null, null, output);
    }

    // A custom resource whose kind merely ends in "List" has a spec; a list never does.
    private void ExpandList(string apiVersion, string kind, TreeEntry items, List<ReadResult> output)
    {
        if (items.Value is ScalarTreeNode { Type: ScalarType.Null })
        {
            return;
        }

        if (items.Value is not SequenceTreeNode sequence)
        {
            output.Add(Error(items.Value.Line, items.Value.Column, $"{DocumentLabel()} ({kind}): field items: expected a list, found {items.Value.Describe()}"));
            return;
        }

        // Items of a typed list (PodList) may omit apiVersion/kind: they are the list's, minus "List".
        var impliedKind = kind == ListSuffix ? null : kind[..^ListSuffix.Length];
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            if (item is not MappingTreeNode itemMapping)
            {
                output.Add(Error(item.Line, item.Column, $"{DocumentLabel()} ({kind}) items[{i.ToString(CultureInfo.InvariantCulture)}]: expected a Kubernetes object (a mapping with apiVersion and kind), found {item.Describe()}"));
                continue;
            }

            AddObject(itemMapping, i, impliedKind is null ? null : apiVersion, impliedKind, output);
        }
    }

    private void AddObject(MappingTreeNode mapping, int? itemIndex, string? impliedApiVersion, string? impliedKind, List<ReadResult> output)
    {
        var label = SourceDocument.LabelOf(documentIndex, itemIndex);
        var declaredKind = mapping.FindString("kind");
        var declaredApiVersion = mapping.FindString("apiVersion");
        var kind = declaredKind ?? impliedKind;
        var apiVersion = declaredApiVersion ?? impliedApiVersion;
        var metadata = mapping.Find("metadata")?.Value as MappingTreeNode;
        var name = metadata?.FindString("name");
        var ns = metadata?.FindString("namespace");
        if (kind is null || apiVersion is null)
        {
            var missing = kind is null && apiVersion is null ? "apiVersion and kind" : kind is null ? "kind" : "apiVersion";
            var what = name is null ? "" : $" (metadata.name {name})";
            // Without a kind a document is not trying to be an object; with one, it is an object that lost its apiVersion.
            output.Add(Error(mapping.Line, mapping.Column, $"{label}{what}: not a Kubernetes object: missing {missing}", kind is null ? ReadErrorKind.NotAnObject : ReadErrorKind.Object));
            return;
        }

        if (name is not null && ObjectNames.Problem(name) is { } nameProblem)
        {
            var at = metadata!.Find("name")!.Value.Value;
            output.Add(Error(at.Line, at.Column, $"{label} ({kind}): metadata.name \"{name}\" is not a valid Kubernetes name: {nameProblem}"));
            return;
        }

        if (ns is not null && ObjectNames.Problem(ns) is { } namespaceProblem)
        {
            var at = metadata!.Find("namespace")!.Value.Value;
            output.Add(Error(at.Line, at.Column, $"{label} ({kind} {name ?? "(unnamed)"}): metadata.namespace \"{ns}\" is not a valid namespace name: {namespaceProblem}"));
            return;
        }

        var (obj, written, problem) = materializer.Materialize(mapping, apiVersion, kind, writeIdentity: declaredKind is null || declaredApiVersion is null);
        if (problem is not null)
        {
            var display = ns is null ? $"{kind} {name ?? "(unnamed)"}" : $"{kind} {ns}/{name ?? "(unnamed)"}";
            output.Add(Error(problem.Line, problem.Column, $"{label} ({display}): {problem.Message}"));
            return;
        }

        output.Add(new SourceDocument(sourceName, documentIndex, itemIndex, apiVersion, kind, name, ns, obj!, written, mapping));
    }

    private ReadError InputError(InputRejectedException ex)
    {
        finished = true;
        return Error(ex.Line, ex.Column, $"{DocumentLabel()}: {ex.Message} (the rest of this file was not read)", ex.Kind);
    }

    private string DocumentLabel() => SourceDocument.LabelOf(documentIndex, null);

    private ReadError Error(int line, int column, string message, ReadErrorKind kind = ReadErrorKind.Object) =>
        new(sourceName, line, column, message, documentIndex >= 0 ? documentIndex : null, kind);

    /// <summary>YamlException messages start with "(Line: 3, Col: 5, Idx: 20) - (...): "; the position is reported separately.</summary>
    private static string YamlMessage(YamlException ex)
    {
        var message = ex.Message;
        if (message.StartsWith("(Line:", StringComparison.Ordinal))
        {
            var at = message.IndexOf("): ", StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message[(at + 3)..];
            }
        }

        return FirstLine(message).TrimEnd('.', ' ');
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }
}
