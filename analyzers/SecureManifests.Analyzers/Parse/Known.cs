using System.Collections.Generic;

namespace SecureManifests.Analyzers.Parse;

/// <summary>
/// What the parse step knows of a value: its value, or nothing. Unknown values never give a diagnostic.
/// A known value is a string, a bool, a long, null, a list of strings (an unknown element is null), a
/// dictionary of strings, or <see cref="SetObject"/> for a nested source object that is set.
/// </summary>
internal readonly struct Known
{
    /// <summary>The value of a nested object (a hostPath, a secretKeyRef, ...) that is set to something other than null.</summary>
    public static readonly object SetObject = new();

    private readonly object? _value;

    private Known(bool isKnown, object? value)
    {
        IsKnown = isKnown;
        _value = value;
    }

    public static Known Unknown => default;

    public bool IsKnown { get; }

    public static Known Of(object? value) => new(true, value);

    public bool TryBool(out bool value)
    {
        value = IsKnown && _value is bool flag && flag;
        return IsKnown && _value is bool;
    }

    public bool TryInteger(out long value)
    {
        value = IsKnown && _value is long number ? number : 0;
        return IsKnown && _value is long;
    }

    /// <summary>A known string (or null).</summary>
    public bool TryString(out string? value)
    {
        value = IsKnown ? _value as string : null;
        return IsKnown && (_value is null || _value is string);
    }

    /// <summary>A known list; elements whose value is not known are null.</summary>
    public bool TryElements(out IReadOnlyList<string?> elements)
    {
        elements = IsKnown && _value is IReadOnlyList<string?> list ? list : System.Array.Empty<string?>();
        return IsKnown && _value is IReadOnlyList<string?>;
    }

    /// <summary>A known list whose every element is known.</summary>
    public bool TryAllStrings(out List<string> values)
    {
        values = new List<string>();
        if (!TryElements(out var elements))
        {
            return false;
        }

        foreach (var element in elements)
        {
            if (element is null)
            {
                return false;
            }

            values.Add(element);
        }

        return true;
    }

    public bool TryEntries(out IReadOnlyDictionary<string, string?> entries)
    {
        entries = IsKnown && _value is IReadOnlyDictionary<string, string?> map ? map : new Dictionary<string, string?>();
        return IsKnown && _value is IReadOnlyDictionary<string, string?>;
    }

    /// <summary>Whether a nested object is known to be set (true) or known to be null (false).</summary>
    public bool TryIsSet(out bool isSet)
    {
        isSet = IsKnown && _value is not null;
        return IsKnown;
    }
}
