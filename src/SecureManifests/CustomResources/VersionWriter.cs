using System.Collections.Generic;
using System.Text;

namespace SecureManifests.CustomResources;

/// <summary>
/// Writes the types of one CRD version into one namespace block: the kind, its list, and the classes, enums and
/// constant classes its schema needs, each written once, in the order they are first met (so the output is stable).
/// </summary>
internal sealed class VersionWriter
{
    private const string Indent = "    ";
    private const string MemberIndent = "        ";
    private const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"SecureManifests\", \"1.0.0\")]";
    private const string JsonNode = "global::System.Text.Json.Nodes.JsonNode";
    private const string JsonObject = "global::System.Text.Json.Nodes.JsonObject";
    private const string Models = "global::k8s.Models.";

    private static readonly string[] RootMembers =
        ["ApiVersion", "Kind", "Metadata", "KubeApiVersion", "KubeKind", "KubeGroup", "KubePluralName", "StructuralSchemaJson"];

    private readonly StringBuilder _code;
    private readonly CustomResourceDefinitionModel _definition;
    private readonly CustomResourceVersion _version;
    private readonly string _namespace;
    private readonly NameScope _types;
    private readonly Queue<PendingType> _pending = new();

    public VersionWriter(StringBuilder code, CustomResourceDefinitionModel definition, CustomResourceVersion version, string @namespace)
    {
        _code = code;
        _definition = definition;
        _version = version;
        _namespace = @namespace;
        _types = new NameScope([]);
    }

    public void Write()
    {
        var kind = _types.Claim(CSharpNames.Pascal(_definition.Kind, "Resource"));
        var list = _types.Claim(CSharpNames.Pascal(_definition.ListKind, kind + "List"));
        _code.Append("\nnamespace ").Append(_namespace).Append("\n{\n");
        WriteKind(kind);
        WriteList(list, kind);
        while (_pending.Count > 0)
        {
            var next = _pending.Dequeue();
            if (next.IsEnum)
            {
                WriteEnum(next);
            }
            else if (next.IsConstants)
            {
                WriteConstants(next);
            }
            else
            {
                WriteClass(next.Name, next.Schema);
            }
        }

        _code.Append("}\n");
    }

    private string Qualified(string typeName) => "global::" + _namespace + "." + typeName;

    private void WriteKind(string kind)
    {
        var root = _version.Schema;
        var members = new NameScope([kind, .. RootMembers, .. NameScope.ObjectMembers]);
        var properties = new List<(StructuralSchemaProperty Property, string Name)>();
        foreach (var property in root.Properties)
        {
            if (property.Name is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }

            properties.Add((property, members.Claim(CSharpNames.Pascal(property.Name))));
        }

        var qualifiedKind = Qualified(kind);
        XmlDocs.Summary(_code, Indent, root.Description, XmlDocs.Escape(_definition.Kind + " (" + _definition.Group + "/" + _version.Name + "), a custom resource."));
        WriteEntity(_definition.Kind);
        _code.Append(Indent).Append("[global::SecureManifests.CustomResources.CustomResource(").Append(_definition.Namespaced ? "true" : "false")
            .Append(", ").Append(qualifiedKind).Append(".StructuralSchemaJson)]\n");
        _code.Append(Indent).Append(GeneratedCode).Append('\n');
        _code.Append(Indent).Append("public sealed partial class ").Append(kind).Append(" : global::k8s.IKubernetesObject<global::k8s.Models.V1ObjectMeta>");

        // ISpec<T> and IStatus<T>, as KubernetesClient's models have them, only when the property kept its name.
        var specType = Interface(root, properties, "spec", "Spec", kind, "ISpec");
        var statusType = Interface(root, properties, "status", "Status", kind, "IStatus");

        _code.Append('\n').Append(Indent).Append("{\n");
        WriteConstants(_definition.Kind);
        _code.Append(MemberIndent).Append("/// <summary>The schema of this version, as compact JSON (validation keywords only).</summary>\n")
            .Append(MemberIndent).Append("internal const string StructuralSchemaJson = ").Append(CSharpNames.Literal(SchemaJson.Write(root))).Append(";\n\n");
        WriteIdentity(kind, _definition.Kind, "global::k8s.Models.V1ObjectMeta", "The object's metadata: name, namespace, labels, annotations.");
        foreach (var (property, name) in properties)
        {
            var type = property.Name switch
            {
                "spec" when specType is not null => specType,
                "status" when statusType is not null => statusType,
                _ => Map(property.Schema, kind + CSharpNames.Pascal(property.Name)),
            };
            WriteProperty(property, name, type, root.IsRequired(property.Name));
        }

        if (root.PreserveUnknownFields)
        {
            WriteUnknownFields(members);
        }
        else
        {
            // Every member above ends with a blank line; the class does not.
            _code.Length--;
        }

        _code.Append(Indent).Append("}\n");
    }

    /// <summary>
    /// Appends <c>, global::k8s.Models.{interfaceName}&lt;T&gt;</c> for the root property <paramref name="jsonName"/> when
    /// its member is named <paramref name="memberName"/>, and returns T (mapped once here); null when it does not apply.
    /// </summary>
    private string? Interface(
        StructuralSchema root, List<(StructuralSchemaProperty Property, string Name)> properties, string jsonName, string memberName, string kind, string interfaceName)
    {
        var schema = root.Property(jsonName);
        if (schema is null || properties.Find(p => p.Property.Name == jsonName).Name != memberName)
        {
            return null;
        }

        var type = Map(schema, kind + memberName);
        _code.Append(", global::k8s.Models.").Append(interfaceName).Append('<').Append(type)
            .Append(root.IsRequired(jsonName) && !schema.Nullable ? string.Empty : "?").Append('>');
        return type;
    }

    private void WriteList(string list, string kind)
    {
        _code.Append('\n');
        XmlDocs.Summary(_code, Indent, null, "A list of " + XmlDocs.Escape(_definition.Kind) + " objects, as the API server returns it.");
        WriteEntity(_definition.ListKind);
        _code.Append(Indent).Append(GeneratedCode).Append('\n');
        var item = Qualified(kind);
        _code.Append(Indent).Append("public sealed partial class ").Append(list)
            .Append(" : global::k8s.IKubernetesObject<global::k8s.Models.V1ListMeta>, global::k8s.Models.IItems<").Append(item).Append(">\n")
            .Append(Indent).Append("{\n");
        WriteConstants(_definition.ListKind);
        WriteIdentity(list, _definition.ListKind, "global::k8s.Models.V1ListMeta", "The list's metadata: resource version and continue token.");
        _code.Append(MemberIndent).Append("/// <summary>The objects of the list.</summary>\n")
            .Append(MemberIndent).Append("[global::System.Text.Json.Serialization.JsonPropertyName(\"items\")]\n")
            .Append(MemberIndent).Append("public global::System.Collections.Generic.IList<").Append(item).Append("> Items { get; set; } = new global::System.Collections.Generic.List<")
            .Append(item).Append(">();\n");
        _code.Append(Indent).Append("}\n");
    }

    /// <summary>[KubernetesEntity] with the group, <paramref name="kindValue"/>, the version and the plural.</summary>
    private void WriteEntity(string kindValue) =>
        _code.Append(Indent).Append("[global::k8s.Models.KubernetesEntity(Group = ").Append(CSharpNames.Literal(_definition.Group))
            .Append(", Kind = ").Append(CSharpNames.Literal(kindValue))
            .Append(", ApiVersion = ").Append(CSharpNames.Literal(_version.Name))
            .Append(", PluralName = ").Append(CSharpNames.Literal(_definition.Plural)).Append(")]\n");

    /// <summary>KubeApiVersion, KubeKind, KubeGroup and KubePluralName, as KubernetesClient's models have them.</summary>
    private void WriteConstants(string kindValue)
    {
        Constant("KubeApiVersion", "The API version of the kind, without its group.", _version.Name);
        Constant("KubeKind", "The kind.", kindValue);
        Constant("KubeGroup", "The API group.", _definition.Group);
        Constant("KubePluralName", "The plural name, as in the resource's URL.", _definition.Plural);
    }

    private void Constant(string name, string summary, string value) =>
        _code.Append(MemberIndent).Append("/// <summary>").Append(summary).Append("</summary>\n")
            .Append(MemberIndent).Append("public const string ").Append(name).Append(" = ").Append(CSharpNames.Literal(value)).Append(";\n\n");

    /// <summary>ApiVersion and Kind, defaulting to the constants, and Metadata, never null.</summary>
    private void WriteIdentity(string type, string kindValue, string metadataType, string metadataSummary)
    {
        var qualified = Qualified(type);
        _code.Append(MemberIndent).Append("/// <summary>The group and version, <c>").Append(Group()).Append(_version.Name).Append("</c>.</summary>\n")
            .Append(MemberIndent).Append("[global::System.Text.Json.Serialization.JsonPropertyName(\"apiVersion\")]\n")
            .Append(MemberIndent).Append("public string ApiVersion { get; set; } = ")
            .Append(_definition.Group.Length == 0 ? qualified + ".KubeApiVersion" : qualified + ".KubeGroup + \"/\" + " + qualified + ".KubeApiVersion").Append(";\n\n")
            .Append(MemberIndent).Append("/// <summary>The kind, <c>");
        XmlDocs.Escape(_code, kindValue);
        _code.Append("</c>.</summary>\n")
            .Append(MemberIndent).Append("[global::System.Text.Json.Serialization.JsonPropertyName(\"kind\")]\n")
            .Append(MemberIndent).Append("public string Kind { get; set; } = ").Append(qualified).Append(".KubeKind;\n\n")
            .Append(MemberIndent).Append("/// <summary>").Append(metadataSummary).Append("</summary>\n")
            .Append(MemberIndent).Append("[global::System.Text.Json.Serialization.JsonPropertyName(\"metadata\")]\n")
            .Append(MemberIndent).Append("public ").Append(metadataType).Append(" Metadata { get; set; } = new();\n\n");
    }

    private string Group() => _definition.Group.Length == 0 ? string.Empty : XmlDocs.Escape(_definition.Group) + "/";

    private void WriteClass(string name, StructuralSchema schema)
    {
        var members = new NameScope([name, .. NameScope.ObjectMembers]);
        var properties = new List<(StructuralSchemaProperty Property, string Name, string Type)>(schema.Properties.Count);
        foreach (var property in schema.Properties)
        {
            properties.Add((property, members.Claim(CSharpNames.Pascal(property.Name)), Map(property.Schema, name + CSharpNames.Pascal(property.Name))));
        }

        _code.Append('\n');
        XmlDocs.Summary(_code, Indent, schema.Description, "The <c>" + name + "</c> part of " + XmlDocs.Escape(_definition.Kind) + ".");
        _code.Append(Indent).Append(GeneratedCode).Append('\n')
            .Append(Indent).Append("public sealed partial class ").Append(name).Append('\n')
            .Append(Indent).Append("{\n");
        var first = true;
        foreach (var (property, member, type) in properties)
        {
            if (!first)
            {
                _code.Append('\n');
            }

            first = false;
            WriteProperty(property, member, type, schema.IsRequired(property.Name), trailingBlank: false);
        }

        if (schema.PreserveUnknownFields)
        {
            _code.Append('\n');
            WriteUnknownFields(members);
        }

        _code.Append(Indent).Append("}\n");
    }

    /// <summary>
    /// The API server keeps fields a schema that preserves unknown fields does not name; so does the object, so it
    /// round-trips. Not a JsonObject: with KubernetesClient's options that writes a nested object without its key.
    /// </summary>
    private void WriteUnknownFields(NameScope members) =>
        _code.Append(MemberIndent).Append("/// <summary>Fields the schema does not name (it preserves unknown fields), kept as they are.</summary>\n")
            .Append(MemberIndent).Append("[global::System.Text.Json.Serialization.JsonExtensionData]\n")
            .Append(MemberIndent).Append("public global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>? ")
            .Append(members.Claim("UnknownFields")).Append(" { get; set; }\n");

    private void WriteProperty(StructuralSchemaProperty property, string name, string type, bool required, bool trailingBlank = true)
    {
        XmlDocs.Summary(_code, MemberIndent, property.Schema.Description, "The <c>" + XmlDocs.Escape(property.Name) + "</c> field.");
        _code.Append(MemberIndent).Append("[global::System.Text.Json.Serialization.JsonPropertyName(").Append(CSharpNames.Literal(property.Name)).Append(")]\n")
            .Append(MemberIndent).Append(required ? "public required " : "public ").Append(type)
            .Append(required && !property.Schema.Nullable ? string.Empty : "?").Append(' ').Append(name).Append(" { get; set; }\n");
        if (trailingBlank)
        {
            _code.Append('\n');
        }
    }

    /// <summary>The C# type of a value with <paramref name="schema"/>; a class or enum it needs is queued under a name from <paramref name="hint"/>.</summary>
    private string Map(StructuralSchema schema, string hint)
    {
        if (schema.EmbeddedResource)
        {
            return JsonObject;
        }

        if (schema.IntOrString)
        {
            return Models + "IntOrString";
        }

        if (PodTemplateSchemas.IsPodTemplate(schema))
        {
            return Models + "V1PodTemplateSpec";
        }

        if (PodTemplateSchemas.IsPodSpec(schema))
        {
            return Models + "V1PodSpec";
        }

        switch (schema.Type)
        {
            case "object":
                return MapObject(schema, hint);
            case "array":
                return "global::System.Collections.Generic.IList<" + Element(schema.Items, hint) + ">";
            case "string":
                return MapString(schema, hint);
            case "integer":
                return schema.Format == "int32" ? "int" : "long";
            case "number":
                return "double";
            case "boolean":
                return "bool";
            default:
                return schema.Properties.Count > 0 ? MapObject(schema, hint) : JsonNode;
        }
    }

    private string MapObject(StructuralSchema schema, string hint)
    {
        if (IsLabelSelector(schema))
        {
            return Models + "V1LabelSelector";
        }

        if (schema.Properties.Count > 0)
        {
            var name = _types.Claim(CSharpNames.Shortened(hint));
            _pending.Enqueue(new PendingType(name, schema, isEnum: false, isConstants: false));
            return Qualified(name);
        }

        if (schema.AdditionalProperties is { } values)
        {
            return "global::System.Collections.Generic.IDictionary<string, " + Element(values, hint) + ">";
        }

        return JsonObject;
    }

    private string Element(StructuralSchema? schema, string hint) =>
        schema is null ? JsonNode : Map(schema, hint) + (schema.Nullable ? "?" : string.Empty);

    private string MapString(StructuralSchema schema, string hint)
    {
        if (schema.Format == "date-time")
        {
            // KubernetesClient's own Time fields (creationTimestamp, lastTransitionTime) are DateTime.
            return "global::System.DateTime";
        }

        if (schema.Enum.Count == 0)
        {
            return "string";
        }

        if (EnumMembers(schema.Enum) is not null)
        {
            var name = _types.Claim(CSharpNames.Shortened(hint));
            _pending.Enqueue(new PendingType(name, schema, isEnum: true, isConstants: false));
            return Qualified(name);
        }

        _pending.Enqueue(new PendingType(_types.Claim(CSharpNames.Shortened(hint) + "Values"), schema, isEnum: false, isConstants: true));
        return "string";
    }

    /// <summary>The enum member names of <paramref name="values"/>, or null when some value makes no identifier or two make the same.</summary>
    private static string[]? EnumMembers(IReadOnlyList<string> values)
    {
        var names = new string[values.Count];
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            names[i] = CSharpNames.Pascal(values[i], string.Empty);
            if (names[i].Length == 0 || !seen.Add(names[i]))
            {
                return null;
            }
        }

        return names;
    }

    private void WriteEnum(PendingType type)
    {
        var names = EnumMembers(type.Schema.Enum)!;
        var qualified = Qualified(type.Name);
        _code.Append('\n');
        XmlDocs.Summary(_code, Indent, type.Schema.Description, "The values of <c>" + type.Name + "</c>.");
        _code.Append(Indent).Append("[global::System.Text.Json.Serialization.JsonConverter(typeof(global::System.Text.Json.Serialization.JsonStringEnumConverter<")
            .Append(qualified).Append(">))]\n")
            .Append(Indent).Append(GeneratedCode).Append('\n')
            .Append(Indent).Append("public enum ").Append(type.Name).Append('\n')
            .Append(Indent).Append("{\n");
        for (var i = 0; i < names.Length; i++)
        {
            ValueSummary(type.Schema.Enum[i]);
            _code.Append(MemberIndent).Append("[global::System.Text.Json.Serialization.JsonStringEnumMemberName(").Append(CSharpNames.Literal(type.Schema.Enum[i])).Append(")]\n")
                .Append(MemberIndent).Append(names[i]).Append(",\n");
            if (i < names.Length - 1)
            {
                _code.Append('\n');
            }
        }

        _code.Append(Indent).Append("}\n");
    }

    private void WriteConstants(PendingType type)
    {
        var members = new NameScope([type.Name, .. NameScope.ObjectMembers]);
        _code.Append('\n');
        XmlDocs.Summary(_code, Indent, null, "The allowed values of a string field, as constants (they make no distinct C# enum members).");
        _code.Append(Indent).Append(GeneratedCode).Append('\n')
            .Append(Indent).Append("public static class ").Append(type.Name).Append('\n')
            .Append(Indent).Append("{\n");
        for (var i = 0; i < type.Schema.Enum.Count; i++)
        {
            var value = type.Schema.Enum[i];
            ValueSummary(value);
            _code.Append(MemberIndent).Append("public const string ").Append(members.Claim(CSharpNames.Pascal(value, "Empty")))
                .Append(" = ").Append(CSharpNames.Literal(value)).Append(";\n");
            if (i < type.Schema.Enum.Count - 1)
            {
                _code.Append('\n');
            }
        }

        _code.Append(Indent).Append("}\n");
    }

    private void ValueSummary(string value)
    {
        _code.Append(MemberIndent).Append("/// <summary><c>");
        XmlDocs.Escape(_code, value.Length == 0 ? "\"\"" : value);
        _code.Append("</c></summary>\n");
    }

    /// <summary>Kubernetes' LabelSelector: matchLabels and matchExpressions, nothing else.</summary>
    private static bool IsLabelSelector(StructuralSchema schema) =>
        schema.Properties.Count == 2 && schema.Property("matchLabels") is not null && schema.Property("matchExpressions") is not null;

    private sealed class PendingType
    {
        public PendingType(string name, StructuralSchema schema, bool isEnum, bool isConstants)
        {
            Name = name;
            Schema = schema;
            IsEnum = isEnum;
            IsConstants = isConstants;
        }

        public string Name { get; }

        public StructuralSchema Schema { get; }

        public bool IsEnum { get; }

        public bool IsConstants { get; }
    }
}
