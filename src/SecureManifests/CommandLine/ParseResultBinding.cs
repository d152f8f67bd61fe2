using System.CommandLine;

namespace SecureManifests.CommandLine;

/// <summary>
/// Binds a parsed option to the setting it stands for, only when the user gave it: defaults stay where the options
/// types define them (<see cref="Synthesis.SynthOptions"/>, the CLI's lint options), and a later source of settings
/// can tell a given flag from an untouched one.
/// </summary>
internal static class ParseResultBinding
{
    /// <summary>
    /// Calls <paramref name="apply"/> with the value of <paramref name="option"/> when it was given with a value. An
    /// empty value counts as not given: only the MSBuild dialect lets one through (an unset property, see
    /// <see cref="SettingDialect.MsBuild"/>); on a command line the option's parser refuses it.
    /// </summary>
    public static void IfGiven<T>(this ParseResult result, Option<T> option, Action<T> apply)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(apply);
        if (result.GetResult(option) is { Implicit: false, Tokens: [.., { Value.Length: > 0 }] } && result.GetValue(option) is { } value)
        {
            apply(value);
        }
    }

    /// <summary>Whether a flag (an option without a value, such as <c>--check</c>) was given.</summary>
    public static bool Has(this ParseResult result, Option<bool> flag)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.GetResult(flag) is { Implicit: false } && result.GetValue(flag);
    }
}
