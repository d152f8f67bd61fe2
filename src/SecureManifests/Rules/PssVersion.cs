using System.Globalization;

namespace SecureManifests.Rules;

/// <summary>
/// A Pod Security Standards policy version (<c>pod-security.kubernetes.io/enforce-version</c>),
/// <c>v1.0</c> to <see cref="Latest"/>. PSS checks change with the version, so every check reads it.
/// </summary>
public readonly struct PssVersion : IEquatable<PssVersion>, IComparable<PssVersion>
{
    /// <summary>The newest version the checks know (and the default).</summary>
    public static readonly PssVersion Latest = new(Semantics.PodSecurityVersions.LatestMinor);

    /// <summary>The oldest version, v1.0.</summary>
    public static readonly PssVersion Oldest = new(0);

    private PssVersion(int minor) => Minor = minor;

    /// <summary>The minor version: 37 for v1.37.</summary>
    public int Minor { get; }

    /// <summary>The version v1.<paramref name="minor"/>; minor must be within 0 and <see cref="Latest"/>.</summary>
    public static PssVersion V1(int minor)
    {
        if (minor < 0 || minor > Latest.Minor)
        {
            throw new ArgumentOutOfRangeException(nameof(minor), minor, "PSS versions run from v1.0 to v1.37.");
        }

        return new PssVersion(minor);
    }

    /// <summary>Parses <c>v1.N</c>, <c>1.N</c> or <c>latest</c>.</summary>
    /// <exception cref="FormatException">The text is not a known version; the message names the accepted forms.</exception>
    public static PssVersion Parse(string text)
    {
        if (TryParse(text, out var version))
        {
            return version;
        }

        throw new FormatException(
            $"'{text}' is not a Pod Security Standards version: use v1.0 to v1.{Latest.Minor} or latest.");
    }

    /// <summary>Parses <c>v1.N</c>, <c>1.N</c> or <c>latest</c> without throwing.</summary>
    public static bool TryParse(string? text, out PssVersion version)
    {
        version = Latest;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (span.Length > 0 && (span[0] == 'v' || span[0] == 'V'))
        {
            span = span[1..];
        }

        if (!span.StartsWith("1.", StringComparison.Ordinal) ||
            !int.TryParse(span[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var minor) ||
            minor > Latest.Minor)
        {
            return false;
        }

        version = new PssVersion(minor);
        return true;
    }

    /// <summary>Whether this version is <paramref name="minor"/> or newer (v1.minor).</summary>
    public bool IsAtLeast(int minor) => Minor >= minor;

    /// <inheritdoc />
    public bool Equals(PssVersion other) => Minor == other.Minor;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PssVersion other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Minor;

    /// <inheritdoc />
    public int CompareTo(PssVersion other) => Minor.CompareTo(other.Minor);

    /// <summary>The version as <c>v1.N</c>.</summary>
    public override string ToString() => "v1." + Minor.ToString(CultureInfo.InvariantCulture);

    /// <summary>Equality.</summary>
    public static bool operator ==(PssVersion left, PssVersion right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(PssVersion left, PssVersion right) => !left.Equals(right);

    /// <summary>Older than.</summary>
    public static bool operator <(PssVersion left, PssVersion right) => left.Minor < right.Minor;

    /// <summary>Newer than.</summary>
    public static bool operator >(PssVersion left, PssVersion right) => left.Minor > right.Minor;

    /// <summary>Older than or equal.</summary>
    public static bool operator <=(PssVersion left, PssVersion right) => left.Minor <= right.Minor;

    /// <summary>Newer than or equal.</summary>
    public static bool operator >=(PssVersion left, PssVersion right) => left.Minor >= right.Minor;
}
