using System;
using System.Collections.Generic;
using SecureManifests.Analyzers.Parse;

namespace SecureManifests.Analyzers.Judge;

/// <summary>Judges one setting, adding what it finds to the verdicts.</summary>
internal delegate void Judgment(Setting setting, Verdicts verdicts);

/// <summary>
/// Which judgment applies to which model property: the checks as data. Each rule family registers its entries
/// (<see cref="PodSecurityJudges"/>, <see cref="WorkloadJudges"/>, <see cref="RbacJudges"/>, <see cref="NetworkJudges"/>);
/// the parse step asks which property names matter, and both parse paths feed the same judgments.
/// </summary>
internal sealed class JudgeTable
{
    private readonly Dictionary<string, List<KeyValuePair<ModelKind, Judgment>>> _byProperty = new(StringComparer.Ordinal);
    private readonly Dictionary<ModelKind, Judgment> _creations = new();

    private JudgeTable()
    {
    }

    public static JudgeTable Instance { get; } = Build();

    /// <summary>Whether any judgment reads a property of this name (every other assignment is dismissed from syntax).</summary>
    public bool JudgesProperty(string property) => _byProperty.ContainsKey(property);

    /// <summary>Whether a whole-object judgment applies to new objects of <paramref name="kind"/> (for members they leave unset).</summary>
    public bool JudgesCreationOf(ModelKind kind) => _creations.ContainsKey(kind);

    /// <summary>The model kinds with a judgment for <paramref name="property"/>.</summary>
    public IEnumerable<ModelKind> KindsFor(string property)
    {
        if (_byProperty.TryGetValue(property, out var entries))
        {
            foreach (var entry in entries)
            {
                yield return entry.Key;
            }
        }
    }

    public void Judge(Setting setting, Verdicts verdicts)
    {
        if (!_byProperty.TryGetValue(setting.Property, out var entries))
        {
            return;
        }

        foreach (var entry in entries)
        {
            if (entry.Key == setting.Kind)
            {
                entry.Value(setting, verdicts);
            }
        }
    }

    /// <summary>Judges a new object as a whole; <paramref name="creation"/> reads its members through <see cref="Setting.Sibling"/>.</summary>
    public void JudgeCreation(Setting creation, Verdicts verdicts)
    {
        if (_creations.TryGetValue(creation.Kind, out var judgment))
        {
            judgment(creation, verdicts);
        }
    }

    public void Add(ModelKind kind, string property, Judgment judgment)
    {
        if (!_byProperty.TryGetValue(property, out var entries))
        {
            _byProperty[property] = entries = new List<KeyValuePair<ModelKind, Judgment>>();
        }

        entries.Add(new KeyValuePair<ModelKind, Judgment>(kind, judgment));
    }

    public void AddCreation(ModelKind kind, Judgment judgment) => _creations.Add(kind, judgment);

    private static JudgeTable Build()
    {
        var table = new JudgeTable();
        PodSecurityJudges.Register(table);
        WorkloadJudges.Register(table);
        RbacJudges.Register(table);
        NetworkJudges.Register(table);
        return table;
    }
}
