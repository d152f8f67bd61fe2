namespace SecureManifests.Cli.Tests.Infrastructure;

/// <summary>
/// Validates SARIF against the official SARIF 2.1.0 JSON schema with <c>tests/referees/validate-sarif.mjs</c>
/// (ajv over the <c>sarif-2.1.0.json</c> that Microsoft ships in <c>@microsoft/sarif-multitool-linux</c>).
/// </summary>
public static class SarifReferee
{
    /// <summary>Validates <paramref name="sarif"/>; returns the exit code (0 valid, 1 invalid) and the referee's output.</summary>
    /// <exception cref="InvalidOperationException">The referee could not judge (node or its packages missing).</exception>
    public static (int ExitCode, string Output) Validate(string sarif) => NodeReferee.Validate("validate-sarif.mjs", sarif);
}
