#nullable enable
using System;

namespace SecureManifests.Rules.Semantics;

/// <summary>The permission bits of secret volumes (SM2015).</summary>
internal static class FileModes
{
    /// <summary>What the API server uses when <c>defaultMode</c> is unset: 0644.</summary>
    public const int ApiDefault = 420;

    /// <summary>0027: group write, and read, write or execute for others.</summary>
    public const int BeyondOwnerAndGroupRead = 23;

    /// <summary>Whether a secret file with <paramref name="mode"/> (unset: 0644) is readable beyond its owner and group, or group-writable.</summary>
    public static bool IsTooOpenForSecrets(long? mode) => ((mode ?? ApiDefault) & BeyondOwnerAndGroupRead) != 0;

    /// <summary>A mode as octal text, as people write it: 0644.</summary>
    public static string Octal(long? mode) => "0" + Convert.ToString(mode ?? ApiDefault, 8);
}
