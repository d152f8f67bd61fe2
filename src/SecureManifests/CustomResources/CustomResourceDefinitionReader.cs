using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecureManifests.CustomResources;

/// <summary>The definitions of one CRD file and what is wrong with it.</summary>
internal sealed class CustomResourceDefinitionReadResult
{
    public CustomResourceDefinitionReadResult(IReadOnlyList<CustomResourceDefinitionModel> definitions, IReadOnlyList<CustomResourceProblem> problems)
    {
        Definitions = definitions;
        Problems = problems;
    }

    public IReadOnlyList<CustomResourceDefinitionModel> Definitions { get; }

    public IReadOnlyList<CustomResourceProblem> Problems { get; }
}

/// <summary>
/// Reads the CustomResourceDefinitions of a YAML file (one or more documents). Documents of other kinds are ignored, so a
/// file may mix a CRD with, say, its RBAC; a CRD of another apiextensions version is a problem. Never throws: a YAML
/// syntax error, a missing name or an unsupported schema construct is a <see cref="CustomResourceProblem"/> at its line,
/// and a definition with a problem of its own is left out of <see cref="CustomResourceDefinitionReadResult.Definitions"/>.
/// </summary>
internal static class CustomResourceDefinitionReader
{
    private const string CrdKind = "CustomResourceDefinition";
    private const string SupportedApiVersion = "apiextensions.k8s.io/v1";
    private const string ApiGroupPrefix = "apiextensions.k8s.io/";

    /// <param name="text">The file's content.</param>
    /// <param name="filePath">The file's path, for messages only.</param>
    public static CustomResourceDefinitionReadResult Read(string text, string filePath)
    {
        var definitions = new List<CustomResourceDefinitionModel>();
        var problems = new List<CustomResourceProblem>();
        if (Load(text, Path.GetFileName(filePath), problems) is not { } stream)
        {
            return new CustomResourceDefinitionReadResult(definitions, problems);
        }

        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlMappingNode root && IsDefinition(root, problems))
            {
                var documentProblems = new List<CustomResourceProblem>();
                var definition = ReadDefinition(root, documentProblems);
                problems.AddRange(documentProblems);
                if (definition is not null && documentProblems.Count == 0)
                {
                    definitions.Add(definition);
                }
            }
        }

        return new CustomResourceDefinitionReadResult(definitions, problems);
    }

    /// <summary>
    /// The documents of <paramref name="text"/>, or null with a <see cref="CustomResourceProblemIds.MalformedYaml"/>
    /// problem that names <paramref name="subject"/> and where the parser stopped.
    /// </summary>
    internal static YamlStream? Load(string text, string subject, List<CustomResourceProblem> problems)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
            return stream;
        }
        catch (YamlException exception)
        {
            problems.Add(Malformed(subject, exception.Start, exception.Message));
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet's scanner fails some malformed input (a plain scalar cut by a flow indicator) this way, without a
            // mark: the parser's last event is where it stopped.
            problems.Add(Malformed(subject, parser.Current?.End ?? Mark.Empty, exception.Message));
        }

        return null;
    }

    private static CustomResourceProblem Malformed(string subject, Mark at, string message) =>
        new(CustomResourceProblemIds.MalformedYaml, Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column), subject + " is not valid YAML: " + message);

    private static bool IsDefinition(YamlMappingNode root, List<CustomResourceProblem> problems)
    {
        if (Text(root, "kind") != CrdKind)
        {
            return false;
        }

        var apiVersion = Text(root, "apiVersion");
        if (apiVersion == SupportedApiVersion)
        {
            return true;
        }

        if (apiVersion is not null && apiVersion.StartsWith(ApiGroupPrefix, StringComparison.Ordinal))
        {
            var node = Child(root, "apiVersion") ?? root;
            problems.Add(new CustomResourceProblem(
                CustomResourceProblemIds.UnsupportedApiVersion, StructuralSchema.LineOf(node), StructuralSchema.ColumnOf(node),
                "CustomResourceDefinition " + (Text(Child(root, "metadata"), "name") ?? "(unnamed)") + " is " + apiVersion +
                ", which is unsupported; only " + SupportedApiVersion + " CRDs are read (convert it, as the API server did since Kubernetes 1.16)"));
        }

        return false;
    }

    private static CustomResourceDefinitionModel? ReadDefinition(YamlMappingNode root, List<CustomResourceProblem> problems)
    {
        var name = Text(Child(root, "metadata"), "name") ?? "(unnamed)";
        if (Child(root, "spec") is not YamlMappingNode spec)
        {
            problems.Add(Missing(root, name, "spec"));
            return null;
        }

        var group = Text(spec, "group");
        var names = Child(spec, "names") as YamlMappingNode;
        var kind = Text(names, "kind");
        var plural = Text(names, "plural");
        if (group is null)
        {
            problems.Add(Missing(spec, name, "spec.group"));
        }

        if (names is null)
        {
            problems.Add(Missing(spec, name, "spec.names"));
        }
        else
        {
            if (kind is null)
            {
                problems.Add(Missing(names, name, "spec.names.kind"));
            }

            if (plural is null)
            {
                problems.Add(Missing(names, name, "spec.names.plural"));
            }
        }

        var versions = ReadVersions(spec, name, problems);
        if (group is null || kind is null || plural is null || versions is null)
        {
            return null;
        }

        return new CustomResourceDefinitionModel(
            group, kind, plural, Text(names, "listKind") ?? kind + "List", Text(spec, "scope") != "Cluster", versions, StructuralSchema.LineOf(root));
    }

    private static List<CustomResourceVersion>? ReadVersions(YamlMappingNode spec, string name, List<CustomResourceProblem> problems)
    {
        if (Child(spec, "versions") is not YamlSequenceNode { Children.Count: > 0 } list)
        {
            problems.Add(Missing(spec, name, "spec.versions"));
            return null;
        }

        var versions = new List<CustomResourceVersion>(list.Children.Count);
        var complete = true;
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode entry || Text(entry, "name") is not { } versionName)
            {
                problems.Add(Missing(item, name, "the name of a version"));
                complete = false;
                continue;
            }

            if (Child(Child(entry, "schema"), "openAPIV3Schema") is not { } schemaNode)
            {
                problems.Add(Missing(entry, name, "schema.openAPIV3Schema of version " + versionName));
                complete = false;
                continue;
            }

            versions.Add(new CustomResourceVersion(
                versionName, Text(entry, "served") == "true", Text(entry, "storage") == "true",
                StructuralSchema.Read(schemaNode, problems), StructuralSchema.LineOf(entry)));
        }

        if (complete && !versions.Exists(v => v.Storage))
        {
            problems.Add(Missing(list, name, "a version with storage: true"));
            return null;
        }

        return complete ? versions : null;
    }

    private static CustomResourceProblem Missing(YamlNode at, string name, string what) =>
        new(CustomResourceProblemIds.MissingField, StructuralSchema.LineOf(at), StructuralSchema.ColumnOf(at),
            "CustomResourceDefinition " + name + " has no " + what);

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Text(YamlNode? node, string key) =>
        Child(node, key) is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;
}
