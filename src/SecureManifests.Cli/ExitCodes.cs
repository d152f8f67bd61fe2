namespace SecureManifests.Cli;

/// <summary>The tool's exit codes (a public contract: CI scripts branch on them).</summary>
internal static class ExitCodes
{
    /// <summary>No finding at or above <c>--fail-on</c>, every input read.</summary>
    public const int Success = 0;

    /// <summary>At least one finding at or above <c>--fail-on</c>.</summary>
    public const int Findings = 1;

    /// <summary>A usage error, or an input that could not be read (the readable ones are still reported).</summary>
    public const int UsageOrInputError = 2;
}
