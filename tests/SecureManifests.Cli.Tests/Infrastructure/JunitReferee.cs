namespace SecureManifests.Cli.Tests.Infrastructure;

/// <summary>
/// Validates JUnit XML against the Jenkins xUnit plugin's <c>junit-10.xsd</c> with <c>tests/referees/validate-junit.mjs</c>
/// (libxml2's XSD validator, as xmllint-wasm), the schema GitLab's and Jenkins' readers accept.
/// </summary>
public static class JunitReferee
{
    /// <summary>Validates <paramref name="xml"/>; returns the exit code (0 valid, 1 invalid) and the referee's output.</summary>
    /// <exception cref="InvalidOperationException">The referee could not judge (node or its packages missing).</exception>
    public static (int ExitCode, string Output) Validate(string xml) => NodeReferee.Validate("validate-junit.mjs", xml);
}
