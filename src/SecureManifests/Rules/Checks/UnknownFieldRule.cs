using System.Globalization;
using System.Text.Json;
using k8s.Models;
using SecureManifests.Rules.Schema;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM2018: a field its object's model does not have at that place, such as <c>runAsUser</c> directly under a container.
/// The schema is KubernetesClient's model (<see cref="ModelSchema"/>); the fields are those of the object as written
/// (<see cref="RuleTarget.Written"/>), which only a reader of text has: a typed object cannot hold a field its type
/// lacks. Typed kinds are checked whole; kinds found by a <see cref="PodTemplateKind"/>, in their pod template only.
/// </summary>
internal sealed class UnknownFieldRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.UnknownField;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        if (target.Written is not { } written)
        {
            return;
        }

        if (target.PodTemplateKind is { } kind)
        {
            var model = ModelSchema.For(kind.Shape == PodTemplateShape.Template ? typeof(V1PodTemplateSpec) : typeof(V1PodSpec))!;
            if (At(written, kind.Path) is { } template)
            {
                new Walk(target, context).Object(template, model, kind.Path);
            }
        }
        else if (ModelSchema.For(target.Source.GetType()) is { } model)
        {
            new Walk(target, context).Object(written, model, string.Empty);
        }
    }

    private static JsonElement? At(JsonElement root, string path)
    {
        var node = root;
        foreach (var segment in path.Split('.'))
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(segment, out node))
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>One object's walk: the model objects it is inside (for suggestions that point up) and where to report.</summary>
    private sealed class Walk(RuleTarget target, RuleContext context)
    {
        private readonly List<(ModelSchema Model, string Path)> _enclosing = new();

        public void Object(JsonElement value, ModelSchema model, string path)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in value.EnumerateObject())
            {
                var fieldPath = FieldSuggestions.Join(path, property.Name);
                if (model.Fields.TryGetValue(property.Name, out var shape))
                {
                    _enclosing.Add((model, path));
                    Value(property.Value, shape, fieldPath);
                    _enclosing.RemoveAt(_enclosing.Count - 1);
                }
                else
                {
                    Report(property.Name, model, path, fieldPath);
                }
            }
        }

        private void Value(JsonElement value, FieldShape shape, string path)
        {
            if (shape.Model is { } model)
            {
                Object(value, model, path);
            }
            else if (shape.Items is { } items && value.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Value(item, items, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
                    i++;
                }
            }
            else if (shape.Values is { } values && value.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in value.EnumerateObject())
                {
                    Value(entry.Value, values, FieldSuggestions.Join(path, entry.Name));
                }
            }
        }

        private void Report(string name, ModelSchema model, string path, string fieldPath)
        {
            // Nearest enclosing object first; the innermost entry is the unknown field's own object's parent.
            var up = Enumerable.Reverse(_enclosing).ToList();
            var where = path.Length == 0 ? model.Name : $"{model.Name} ({path})";
            var suggestion = FieldSuggestions.For(name, model, path, up);
            context.Report(target, fieldPath, suggestion is null
                ? $"'{name}' is not a field of {where} in {target.Description}, so the API server drops it: remove it, or move it where it belongs"
                : $"'{name}' is not a field of {where} in {target.Description}, so the API server drops it: did you mean {suggestion}?");
        }
    }
}
