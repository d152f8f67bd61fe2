using System.Text;

namespace SecureManifests.Rules;

/// <summary>
/// Renders the docs pages under <c>docs/rules/</c> from the catalogue, so the pages can never drift
/// from the rules. Output uses <c>\n</c> line ends and no culture-dependent text: byte-identical everywhere.
/// </summary>
internal static class RuleDocumentation
{
    /// <summary>The file name of the index page.</summary>
    public const string IndexFileName = "README.md";

    /// <summary>The file name of the page of <paramref name="rule"/>.</summary>
    public static string FileName(RuleDescriptor rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Id + ".md";
    }

    /// <summary>Renders the page of one rule.</summary>
    public static string RenderPage(RuleDescriptor rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var md = new StringBuilder();
        md.Append("# ").Append(rule.Id).Append(": ").Append(rule.Title).Append('\n');
        md.Append('\n');
        md.Append("| | |\n|---|---|\n");
        md.Append("| ID | `").Append(rule.Id).Append("` |\n");
        md.Append("| Name | `").Append(rule.Name).Append("` |\n");
        md.Append("| Category | ").Append(rule.Category).Append(" |\n");
        md.Append("| Default severity | ").Append(rule.DefaultSeverity.ToString()).Append(" |\n");
        md.Append("| Level | ").Append(LevelText(rule.Level)).Append(" |\n");
        md.Append("| Profiles | ").Append(ProfilesText(rule)).Append(" |\n");
        md.Append("| Checked by | ").Append(WhereText(rule.EnforcedBy)).Append(" |\n");
        md.Append('\n');
        md.Append("## What it flags\n\n").Append(rule.Flags).Append('\n');
        md.Append('\n');
        md.Append("Example message: ").Append(rule.MessageFormat.Replace("{0}", "api", StringComparison.Ordinal)).Append('\n');
        md.Append('\n');
        md.Append("## Why it matters\n\n").Append(rule.Rationale).Append('\n');
        if (rule.References.Length > 0)
        {
            md.Append("\nMaps to:\n\n");
            foreach (var reference in rule.References)
            {
                md.Append("- ").Append(reference).Append('\n');
            }
        }

        md.Append('\n');
        md.Append("## How to fix\n\n");
        md.Append("In C#:\n\n```csharp\n").Append(rule.RemediationCSharp).Append("\n```\n\n");
        md.Append("In YAML:\n\n```yaml\n").Append(rule.RemediationYaml).Append("\n```\n");
        md.Append('\n');
        md.Append("## How to waive it\n\n");
        md.Append("Waive the rule for one object only, and always with a reason; the reason stays in the output for reviewers.\n\n");
        md.Append("In YAML, annotate the object (for workloads, the workload's or the pod template's metadata):\n\n");
        md.Append("```yaml\nmetadata:\n  annotations:\n    ").Append(rule.WaiverAnnotation)
            .Append(": \"<why this is acceptable here>\"\n```\n\n");
        md.Append("An annotation with an empty reason waives nothing and is itself reported as a finding of ")
            .Append(rule.Id).Append(".\n\n");
        md.Append("In C#, suppress the analyzer diagnostic where the object is defined:\n\n");
        md.Append("```csharp\n[SuppressMessage(\"SecureManifests\", \"").Append(rule.Id)
            .Append("\", Justification = \"<why this is acceptable here>\")]\n```\n\n");
        md.Append("To change the severity for a whole project, use `.editorconfig`: `dotnet_diagnostic.")
            .Append(rule.Id).Append(".severity = warning`.\n");
        return md.ToString();
    }

    /// <summary>Renders the index page listing every rule.</summary>
    public static string RenderIndex(IReadOnlyList<RuleDescriptor> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var md = new StringBuilder();
        md.Append("# SecureManifests rules\n\n");
        md.Append("Generated from the rule catalogue (`src/SecureManifests/Rules/RuleCatalog*.cs`); do not edit by hand. ");
        md.Append("Regenerate with `SECUREMANIFESTS_UPDATE_DOCS=1 dotnet test tests/SecureManifests.Tests --filter FullyQualifiedName~RuleDocs`.\n\n");
        md.Append("Profiles: `baseline` = Level Baseline; `restricted` = Baseline + Restricted; ");
        md.Append("`secure` (default) = Baseline + Restricted + Secure; `all` = every rule, opt-in ones too.\n");
        string? category = null;
        foreach (var rule in rules)
        {
            if (rule.Category != category)
            {
                category = rule.Category;
                md.Append("\n## ").Append(category).Append("\n\n");
                md.Append("| ID | Name | Title | Level | Severity | Checked by |\n|---|---|---|---|---|---|\n");
            }

            md.Append("| [").Append(rule.Id).Append("](").Append(FileName(rule)).Append(") | `").Append(rule.Name)
                .Append("` | ").Append(rule.Title).Append(" | ").Append(LevelText(rule.Level)).Append(" | ")
                .Append(rule.DefaultSeverity.ToString()).Append(" | ").Append(WhereText(rule.EnforcedBy)).Append(" |\n");
        }

        return md.ToString();
    }

    private static string LevelText(RuleLevel level) => level switch
    {
        RuleLevel.Baseline => "Baseline (Pod Security Standards)",
        RuleLevel.Restricted => "Restricted (Pod Security Standards)",
        RuleLevel.Secure => "Secure (SecureManifests default)",
        _ => "Opt-in",
    };

    private static string ProfilesText(RuleDescriptor rule)
    {
        var names = new List<string>(4);
        foreach (var profile in new[] { RuleProfile.Baseline, RuleProfile.Restricted, RuleProfile.Secure, RuleProfile.All })
        {
            if (rule.IsInProfile(profile))
            {
                names.Add("`" + profile.ToString().ToLowerInvariant() + "`");
            }
        }

        return string.Join(", ", names) + (rule.Level == RuleLevel.OptIn ? " (or include it by ID)" : string.Empty);
    }

    private static string WhereText(RuleEnforcementPoints where)
    {
        var parts = new List<string>(3);
        if ((where & RuleEnforcementPoints.Analyzer) != 0)
        {
            parts.Add("analyzer");
        }

        if ((where & RuleEnforcementPoints.Synth) != 0)
        {
            parts.Add("synth");
        }

        if ((where & RuleEnforcementPoints.Lint) != 0)
        {
            parts.Add("lint");
        }

        return string.Join(", ", parts);
    }
}
