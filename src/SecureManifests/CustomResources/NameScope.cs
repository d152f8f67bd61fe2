using System.Collections.Generic;
using System.Globalization;

namespace SecureManifests.CustomResources;

/// <summary>
/// The names already used in one C# scope (a namespace's types, a class's members): a name that is taken gets a
/// number (<c>Foo</c>, <c>Foo2</c>, ...), so <c>foo</c> and <c>Foo</c>, or a property named like its class, never clash.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;

    public NameScope(IEnumerable<string> reserved) => _taken = new HashSet<string>(reserved, System.StringComparer.Ordinal);

    /// <summary>Members of <see cref="object"/> that a property must not hide (CS0108), with what a class's own code defines.</summary>
    public static IEnumerable<string> ObjectMembers { get; } = ["Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals"];

    public string Claim(string name)
    {
        if (_taken.Add(name))
        {
            return name;
        }

        for (var n = 2; ; n++)
        {
            var numbered = name + n.ToString(CultureInfo.InvariantCulture);
            if (_taken.Add(numbered))
            {
                return numbered;
            }
        }
    }
}
