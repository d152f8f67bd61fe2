using SecureManifests.Cli.Lint;
using SecureManifests.CommandLine;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecureManifests.Cli.Config;

/// <summary>
/// Reads a <c>.securemanifests.yaml</c> with YamlDotNet's representation model, which keeps every node's line and
/// column, so each unknown key (with a "did you mean") and each bad value is reported at the place it is written.
/// Values are read by the parsers of the flags they stand for (<see cref="SharedSettings"/>, <see cref="RuleIdOption"/>,
/// <see cref="NamespaceOption"/>): a word means the same in the file as on the command line.
/// </summary>
internal sealed class ConfigReader
{
    /// <summary>The top-level keys: the flags' names where there is a flag.</summary>
    public static readonly string ProfileKey = Key(SharedSettings.Profile.Name);
    public static readonly string PssVersionKey = Key(SharedSettings.PssVersion.Name);
    public static readonly string FailOnKey = Key(SharedSettings.FailOn.Name);
    public const string NamespaceKey = "namespace";
    public const string RulesKey = "rules";
    public const string IgnorePathsKey = "ignore-paths";
    public const string PodTemplateKindsKey = "pod-template-kinds";
    public const string CrdsKey = "crds";

    /// <summary>The keys of <c>rules</c>.</summary>
    public const string IncludeKey = "include";
    public const string ExcludeKey = "exclude";
    public const string SeverityKey = "severity";
    public const string SecretNamePatternKey = "secret-name-pattern";

    /// <summary>The keys of a <c>pod-template-kinds</c> entry.</summary>
    public const string GroupKey = "group";
    public const string KindKey = "kind";
    public const string PathKey = "path";
    public const string ShapeKey = "shape";

    private readonly LintConfig _config;

    private ConfigReader(LintConfig config) => _config = config;

    /// <summary>Reads the config at <paramref name="fullPath"/>, named <paramref name="displayName"/> in errors.</summary>
    /// <exception cref="SettingsFileException">The file cannot be read, is not YAML, or sets something wrong.</exception>
    public static LintConfig Read(string fullPath, string displayName)
    {
        var config = new LintConfig { FullPath = fullPath, DisplayName = displayName };
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SettingsFileException(displayName, 1, 1, $"cannot read the config file: {e.Message}");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new SettingsFileException(displayName, (int)e.Start.Line, (int)e.Start.Column, $"YAML syntax error: {FirstLine(e.Message)}");
        }

        if (stream.Documents.Count > 1)
        {
            throw new SettingsFileException(displayName, (int)stream.Documents[1].RootNode.Start.Line, 1, "a config file holds one YAML document; remove the '---' and what follows, or merge it into the first");
        }

        if (stream.Documents.Count == 1 && !IsNull(stream.Documents[0].RootNode))
        {
            new ConfigReader(config).ReadRoot(stream.Documents[0].RootNode);
        }

        return config;
    }

    private static string Key(string optionName) => optionName.TrimStart('-');

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string FirstLine(string message)
    {
        var at = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith("(Line:", StringComparison.Ordinal) && at >= 0 ? message[(at + 3)..] : message;
        return text.ReplaceLineEndings(" ").TrimEnd('.', ' ');
    }

    private void ReadRoot(YamlNode root)
    {
        ReadMapping(root, "the config file", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            [ProfileKey] = value => _config.Profile = Word(value, ProfileKey, SharedSettings.Profile),
            [PssVersionKey] = value => _config.PssVersion = Word(value, PssVersionKey, SharedSettings.PssVersion),
            [FailOnKey] = value => _config.FailOn = Word(value, FailOnKey, SharedSettings.FailOn),
            [NamespaceKey] = value => _config.Namespace = Checked(value, NamespaceKey, NamespaceOption.Problem),
            [RulesKey] = ReadRules,
            [IgnorePathsKey] = value => ReadIgnorePaths(value),
            [PodTemplateKindsKey] = ReadPodTemplateKinds,
            [CrdsKey] = ReadCrds,
        });
    }

    private void ReadRules(YamlNode node)
    {
        ReadMapping(node, RulesKey, new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
        {
            [IncludeKey] = value => _config.Include.AddRange(RuleIds(value, $"{RulesKey}.{IncludeKey}")),
            [ExcludeKey] = value => _config.Exclude.AddRange(RuleIds(value, $"{RulesKey}.{ExcludeKey}")),
            [SeverityKey] = ReadSeverities,
            [SecretNamePatternKey] = value => _config.SecretNamePattern = Checked(value, $"{RulesKey}.{SecretNamePatternKey}", pattern =>
                Rules.Semantics.SecretNamePattern.TryCreate(pattern) is null ? $"'{pattern}' is not a valid regular expression" : null),
        });
    }

    private void ReadSeverities(YamlNode node)
    {
        var where = $"{RulesKey}.{SeverityKey}";
        var mapping = node as YamlMappingNode ?? throw Error(node, $"{where} maps rule IDs to severities, such as {{SM2001: error}}");
        foreach (var (key, value) in mapping.Children)
        {
            var id = RuleId(key, where);
            _config.Severities[id] = Word(value, $"{where}.{id}", SharedSettings.FailOn);
        }
    }

    private void ReadIgnorePaths(YamlNode node)
    {
        var folder = Path.GetDirectoryName(_config.FullPath)!;
        foreach (var item in Sequence(node, IgnorePathsKey, "a list of patterns, such as ['vendor/**']"))
        {
            var (glob, problem) = PathGlob.Create(Text(item, IgnorePathsKey), folder);
            _config.IgnorePaths.Add(glob ?? throw Error(item, problem!));
        }
    }

    private void ReadPodTemplateKinds(YamlNode node)
    {
        foreach (var item in Sequence(node, PodTemplateKindsKey, $"a list of entries with {GroupKey}, {KindKey} and {PathKey}"))
        {
            string? group = null, kind = null, path = null;
            var podSpec = false;
            ReadMapping(item, $"a {PodTemplateKindsKey} entry", new Dictionary<string, Action<YamlNode>>(StringComparer.Ordinal)
            {
                [GroupKey] = value => group = IsNull(value) ? string.Empty : Text(value, GroupKey),
                [KindKey] = value => kind = Text(value, KindKey),
                [PathKey] = value => path = Text(value, PathKey),
                [ShapeKey] = value => podSpec = Text(value, ShapeKey) switch
                {
                    PodTemplateKindSetting.TemplateShape => false,
                    PodTemplateKindSetting.PodSpecShape => true,
                    var other => throw Error(value, $"unknown shape '{other}'; use {PodTemplateKindSetting.TemplateShape} or {PodTemplateKindSetting.PodSpecShape}"),
                },
            });
            var missing = new[] { (GroupKey, group), (KindKey, kind), (PathKey, path) }.Where(p => p.Item2 is null).Select(p => p.Item1).ToList();
            if (missing.Count > 0)
            {
                throw Error(item, $"a {PodTemplateKindsKey} entry needs {string.Join(", ", missing)} (group is empty for the core API group)");
            }

            if (PodTemplateKindSetting.Problem(group!, kind!, path!) is { } problem)
            {
                throw Error(item, problem);
            }

            // One place per group and kind: an object has its pod in one place.
            if (_config.PodTemplateKinds.FirstOrDefault(k => k.Group == group && k.Kind == kind) is { } earlier)
            {
                throw Error(item, $"pod-template kind '{kind}' of group '{group}' is already declared at line {earlier.Line}: declare each group and kind once");
            }

            _config.PodTemplateKinds.Add(new PodTemplateKindSetting(group!, kind!, path!, podSpec, (int)item.Start.Line, (int)item.Start.Column));
        }
    }

    // Paths as --crd takes them, relative to the config's folder; the files are read with those of --crd.
    private void ReadCrds(YamlNode node)
    {
        var folder = Path.GetDirectoryName(_config.FullPath)!;
        foreach (var item in Sequence(node, CrdsKey, "a list of CRD files, such as [crds/widget.yaml]"))
        {
            var path = Checked(item, CrdsKey, Lint.CrdFiles.Problem);
            _config.Crds.Add(Path.GetFullPath(path, folder));
        }
    }

    // A mapping with known keys: each key once, an unknown one with the nearest known key as a suggestion.
    private void ReadMapping(YamlNode node, string what, Dictionary<string, Action<YamlNode>> handlers)
    {
        var mapping = node as YamlMappingNode ?? throw Error(node, $"{what} is a mapping of {string.Join(", ", handlers.Keys)}");
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? throw Error(keyNode, $"{what}: a key is a plain word");
            if (!handlers.TryGetValue(key, out var handle))
            {
                throw Error(keyNode, $"unknown key '{key}' in {what}{UsageProblems.DidYouMean(key, handlers.Keys)}; use {string.Join(", ", handlers.Keys)}");
            }

            handle(value);
        }
    }

    private T Word<T>(YamlNode node, string key, SettingOption<T> setting)
        where T : struct
    {
        var text = Text(node, key);
        return setting.Parse(text, out var value) ? value : throw Error(node, setting.Unknown(text));
    }

    private string Checked(YamlNode node, string key, Func<string, string?> problem)
    {
        var text = Text(node, key);
        return problem(text) is { } message ? throw Error(node, message) : text;
    }

    private List<string> RuleIds(YamlNode node, string key) =>
        Sequence(node, key, "a list of rule IDs or names, such as [SM2002]").Select(item => RuleId(item, key)).ToList();

    private string RuleId(YamlNode node, string key)
    {
        var text = Text(node, key);
        return RuleIdOption.TryParse(text, out var id) ? id : throw Error(node, RuleIdOption.Unknown(text));
    }

    private IEnumerable<YamlNode> Sequence(YamlNode node, string key, string expected) =>
        node is YamlSequenceNode sequence ? sequence.Children : throw Error(node, $"{key} is {expected}");

    private string Text(YamlNode node, string key) =>
        node is YamlScalarNode scalar && !IsNull(scalar) ? scalar.Value ?? string.Empty : throw Error(node, $"{key} needs a value (a word or a string)");

    private SettingsFileException Error(YamlNode node, string message) =>
        new(_config.DisplayName, (int)node.Start.Line, (int)node.Start.Column, message);
}
