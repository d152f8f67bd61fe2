using System.Collections.Generic;
using SecureManifests.Analyzers.Parse;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Analyzers.Judge;

/// <summary>A mechanical repair the code fixes can apply (see <see cref="FixKinds"/>).</summary>
internal sealed class FixSuggestion
{
    private FixSuggestion(string kind, string? safeValue)
    {
        Kind = kind;
        SafeValue = safeValue;
    }

    public static FixSuggestion RemoveAssignment { get; } = new(FixKinds.RemoveAssignment, null);

    public static FixSuggestion AddDropAll { get; } = new(FixKinds.AddDropAll, null);

    public string Kind { get; }

    /// <summary>The C# expression of the safe value, for <see cref="FixKinds.ReplaceValue"/>.</summary>
    public string? SafeValue { get; }

    public static FixSuggestion Replace(string safeValue) => new(FixKinds.ReplaceValue, safeValue);
}

/// <summary>One finding of a judge: which rule, what was found (as C#), where, and how to fix it.</summary>
internal sealed class Verdict
{
    public Verdict(string ruleId, Setting at, string found, FixSuggestion? fix, string? subject)
    {
        RuleId = ruleId;
        At = at;
        Found = found;
        Fix = fix;
        Subject = subject;
    }

    public string RuleId { get; }

    /// <summary>The setting the finding is reported at (the engine reports the same field).</summary>
    public Setting At { get; }

    public string Found { get; }

    public FixSuggestion? Fix { get; }

    /// <summary>What the message names, when the judge knows better than the object's name (an env var, a subject).</summary>
    public string? Subject { get; }
}

/// <summary>What the judges found for one setting, and the rule options they judge by.</summary>
internal sealed class Verdicts
{
    private readonly List<Verdict> _items = new();

    public Verdicts(SecretNamePattern secretNames) => SecretNames = secretNames;

    /// <summary>Which env var names look secret (SM2005), from <c>secure_manifests.secret_name_pattern</c>.</summary>
    public SecretNamePattern SecretNames { get; }

    public IReadOnlyList<Verdict> Items => _items;

    public void Add(string ruleId, Setting at, string found, FixSuggestion? fix = null, string? subject = null) =>
        _items.Add(new Verdict(ruleId, at, found, fix, subject));
}
