using k8s.Models;

namespace SecureManifests.Model;

/// <summary>A count of pods, either absolute or a percentage of the desired replicas (rolling-update bounds).</summary>
public sealed class PercentOrAbsolute
{
    private PercentOrAbsolute(int value, bool isPercent)
    {
        Value = value;
        IsPercent = isPercent;
    }

    public int Value { get; }

    public bool IsPercent { get; }

    /// <summary>A percentage of the desired replicas, 0-100.</summary>
    public static PercentOrAbsolute Percent(int percent)
    {
        if (percent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "a percentage is 0-100");
        }

        return new PercentOrAbsolute(percent, isPercent: true);
    }

    /// <summary>A number of pods, not negative.</summary>
    public static PercentOrAbsolute Absolute(int pods)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pods);
        return new PercentOrAbsolute(pods, isPercent: false);
    }

    /// <inheritdoc />
    public override string ToString() => IsPercent ? $"{Value}%" : Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal IntOrString ToModel() => IsPercent ? (IntOrString)ToString() : (IntOrString)Value;
}
