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

    /// <summary>
    /// One object's walk. The path is kept as a stack of steps and written out only for a finding, so valid input
    /// allocates no path strings; the model objects it is inside are kept for suggestions that point up.
    /// </summary>
    private sealed class Walk(RuleTarget target, RuleContext context)
    {
        // Field names of the model are short: a longer name is read the slow way. One buffer per object, not per level.
        private readonly char[] _name = new char[128];

        private readonly List<(string? Name, int Index)> _steps = new();
        private readonly List<(ModelSchema Model, int Depth)> _enclosing = new();
        private string _root = string.Empty;

        public void Object(JsonElement value, ModelSchema model, string root)
        {
            _root = root;
            Object(value, model);
        }

        private void Object(JsonElement value, ModelSchema model)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in value.EnumerateObject())
            {
                if (Lookup(model, property, _name) is { } type)
                {
                    _enclosing.Add((model, _steps.Count));
                    _steps.Add((property.Name, -1));
                    Value(property.Value, ModelSchema.ShapeOf(type));
                    _steps.RemoveAt(_steps.Count - 1);
                    _enclosing.RemoveAt(_enclosing.Count - 1);
                }
                else
                {
                    Report(property.Name, model);
                }
            }
        }

        // The field's type, found from the name's raw UTF-8 bytes: valid input allocates no string per field.
        private static Type? Lookup(ModelSchema model, JsonProperty property, Span<char> buffer)
        {
            var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(property);
            if (raw.Length <= buffer.Length && raw.IndexOf((byte)'\\') < 0
                && System.Text.Encoding.UTF8.TryGetChars(raw, buffer, out var written))
            {
                return model.TryGetField(buffer[..written], out var type) ? type : null;
            }

            return model.Fields.TryGetValue(property.Name, out var slow) ? slow : null;
        }

        private void Value(JsonElement value, FieldShape shape)
        {
            if (shape.Model is { } model)
            {
                Object(value, model);
            }
            else if (shape.Items is { } items && value.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    _steps.Add((null, i++));
                    Value(item, items);
                    _steps.RemoveAt(_steps.Count - 1);
                }
            }
            else if (shape.Values is { } values && value.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in value.EnumerateObject())
                {
                    _steps.Add((entry.Name, -1));
                    Value(entry.Value, values);
                    _steps.RemoveAt(_steps.Count - 1);
                }
            }
        }

        private void Report(string name, ModelSchema model)
        {
            var path = PathOf(_steps.Count);
            var fieldPath = FieldSuggestions.Join(path, name);

            // Nearest enclosing object first.
            var up = Enumerable.Reverse(_enclosing).Select(e => (e.Model, PathOf(e.Depth))).ToList();
            var where = path.Length == 0 ? model.Name : $"{model.Name} ({path})";
            var suggestion = FieldSuggestions.For(name, model, path, up);
            context.Report(target, fieldPath, suggestion is null
                ? $"'{name}' is not a field of {where} in {target.Description}, so the API server drops it: remove it, or move it where it belongs"
                : $"'{name}' is not a field of {where} in {target.Description}, so the API server drops it: did you mean {suggestion}?");
        }

        // The path of the first `depth` steps, after the root the walk started at.
        private string PathOf(int depth)
        {
            var path = _root;
            for (var i = 0; i < depth; i++)
            {
                var (name, index) = _steps[i];
                path = name is null ? path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]" : FieldSuggestions.Join(path, name);
            }

            return path;
        }
    }
}
