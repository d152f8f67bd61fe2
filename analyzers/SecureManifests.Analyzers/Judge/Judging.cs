using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SecureManifests.Analyzers.Parse;

namespace SecureManifests.Analyzers.Judge;

/// <summary>The shapes most judgments take: a known bool, string or number that is the unsafe one, or a source object that is set.</summary>
internal static class Judging
{
    public static void IfBool(Setting setting, bool unsafeValue, string ruleId, Verdicts verdicts)
    {
        if (setting.Scalar().TryBool(out var value) && value == unsafeValue)
        {
            var safe = unsafeValue ? "false" : "true";
            verdicts.Add(ruleId, setting, setting.Property + " = " + (unsafeValue ? "true" : "false") + "; set " + setting.Property + " to " + safe,
                FixSuggestion.Replace(safe));
        }
    }

    public static void IfString(Setting setting, Func<string, bool> isUnsafe, string ruleId, Verdicts verdicts, FixSuggestion? fix = null)
    {
        if (setting.Scalar().TryString(out var value) && value is not null && isUnsafe(value))
        {
            verdicts.Add(ruleId, setting, Describe(setting, Quote(value)), fix);
        }
    }

    public static void IfInteger(Setting setting, Func<long, bool> isUnsafe, string ruleId, Verdicts verdicts, FixSuggestion? fix = null)
    {
        if (setting.Scalar().TryInteger(out var value) && isUnsafe(value))
        {
            verdicts.Add(ruleId, setting, Describe(setting, value.ToString(CultureInfo.InvariantCulture)), fix);
        }
    }

    /// <summary>A nested source object (hostPath, nfs, secretKeyRef, ...) set to anything but null.</summary>
    public static void IfSet(Setting setting, string ruleId, Verdicts verdicts)
    {
        if (setting.Object().TryIsSet(out var isSet) && isSet)
        {
            verdicts.Add(ruleId, setting, setting.Property + " is set");
        }
    }

    /// <summary>The known string of member <paramref name="property"/> next to <paramref name="setting"/>; null when unset or unknown.</summary>
    public static string? SiblingString(Setting setting, string property, out bool known)
    {
        var sibling = setting.Sibling(property);
        if (sibling is null)
        {
            known = setting.HasKnownMembers;
            return null;
        }

        known = sibling.Scalar().TryString(out var value);
        return value;
    }

    /// <summary>
    /// The known list of member <paramref name="property"/> next to <paramref name="setting"/>: null (known) when the
    /// initializer does not set it; false when it is not known.
    /// </summary>
    public static bool TrySiblingStrings(Setting setting, string property, out List<string>? values)
    {
        values = null;
        var sibling = setting.Sibling(property);
        if (sibling is null)
        {
            return setting.HasKnownMembers;
        }

        if (!sibling.Elements().TryAllStrings(out var strings))
        {
            return false;
        }

        values = strings;
        return true;
    }

    public static string Describe(Setting setting, string value) => setting.Property + " = " + value;

    public static string Quote(string value) => "\"" + value + "\"";

    public static string List(IEnumerable<string> values) => "{ " + string.Join(", ", values.Select(Quote)) + " }";
}
