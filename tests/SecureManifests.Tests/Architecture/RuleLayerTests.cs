using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;
using SecureManifests.Rules;
using SecureManifests.Tests.Infrastructure;

namespace SecureManifests.Tests.Architecture;

/// <summary>
/// Layers point one way: the fluent model (App, Model, Defaults, Networking) builds on the rules, never the other way
/// round. Checked on the compiled assembly: every type in a SecureManifests.Rules* namespace (with the compiler's
/// nested closures and state machines) is read for the types its signatures and method bodies name. Constants are
/// compiled into the IL as values, so the sources are also read for usings and qualified names of the model.
/// </summary>
public sealed partial class RuleLayerTests
{
    private static readonly string[] ModelNamespaces =
    [
        "SecureManifests.Model", "SecureManifests.Defaults", "SecureManifests.Networking", "SecureManifests.Synthesis",
    ];

    private static readonly Type[] ModelRootTypes = [typeof(App), typeof(ManifestDefinitionException)];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void The_check_sees_a_model_reference()
    {
        // Guards the guard: this test class itself names App, so the scan must find it.
        Assert.Contains(typeof(App), ReferencedTypes(typeof(RuleLayerTests)));
    }

    [Fact]
    public void Rules_do_not_depend_on_the_fluent_model()
    {
        var ruleTypes = typeof(RuleEngine).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns == "SecureManifests.Rules" || ns.StartsWith("SecureManifests.Rules.", StringComparison.Ordinal)))
            .ToArray();
        Assert.True(ruleTypes.Length > 50, $"only {ruleTypes.Length} rule types found");

        var offending = ruleTypes
            .SelectMany(t => ReferencedTypes(t).Where(IsModel).Select(m => $"{t.FullName} -> {m.FullName}"))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.True(offending.Length == 0, "Rules reference the fluent model:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void Rule_sources_name_no_model_namespace()
    {
        var rules = Path.Combine(TestPaths.RepositoryRoot, "src", "SecureManifests", "Rules");
        var offending = new List<string>();
        foreach (var file in Directory.GetFiles(rules, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var code = StringsAndComments().Replace(File.ReadAllText(file), " ");
            foreach (Match match in ModelName().Matches(code))
            {
                offending.Add($"{Path.GetRelativePath(rules, file).Replace('\\', '/')}: {match.Value}");
            }
        }

        Assert.True(offending.Count == 0, "Rule sources name the fluent model:\n" + string.Join("\n", offending));
    }

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@?""(?:[^""\\]|\\.)*""", RegexOptions.Singleline)]
    private static partial Regex StringsAndComments();

    [GeneratedRegex(@"(?<![\w.])(?:global::)?SecureManifests\.(?:Model|Defaults|Networking|Synthesis|App|ManifestDefinitionException)\b|(?<![\w.])(?:Model|Defaults|Networking|Synthesis)\.[A-Z]\w*")]
    private static partial Regex ModelName();

    private static bool IsModel(Type type) =>
        ModelRootTypes.Contains(type)
        || (type.Namespace is { } ns && ModelNamespaces.Any(m => ns == m || ns.StartsWith(m + ".", StringComparison.Ordinal)));

    private static HashSet<Type> ReferencedTypes(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || t.IsGenericParameter || !found.Add(t))
            {
                return;
            }

            if (t.HasElementType)
            {
                Add(t.GetElementType());
            }

            if (t.IsGenericType)
            {
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument);
                }
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }

        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType);
        }

        foreach (var property in type.GetProperties(Declared))
        {
            Add(property.PropertyType);
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
            }

            foreach (var local in method.GetMethodBody()?.LocalVariables ?? [])
            {
                Add(local.LocalType);
            }

            foreach (var member in BodyMembers(method))
            {
                switch (member)
                {
                    case Type t:
                        Add(t);
                        break;
                    case FieldInfo f:
                        Add(f.DeclaringType);
                        Add(f.FieldType);
                        break;
                    case MethodBase m:
                        Add(m.DeclaringType);
                        if (m is MethodInfo mi)
                        {
                            Add(mi.ReturnType);
                        }

                        break;
                }
            }
        }

        foreach (var nested in type.GetNestedTypes(Declared))
        {
            found.UnionWith(ReferencedTypes(nested));
        }

        return found;
    }

    /// <summary>The members a method body's IL names (calls, field accesses, type tokens).</summary>
    private static IEnumerable<MemberInfo> BodyMembers(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, position);
                    position += 4;
                    yield return method.Module.ResolveMember(token, typeArguments, methodArguments)!;
                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, position);
                    position += 4 + (4 * count);
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    position += 8;
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    position += 1;
                    break;
                case OperandType.InlineVar:
                    position += 2;
                    break;
                case OperandType.InlineNone:
                    break;
                default:
                    position += 4;
                    break;
            }
        }
    }
}
