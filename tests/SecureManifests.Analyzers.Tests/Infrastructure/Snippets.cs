namespace SecureManifests.Analyzers.Tests.Infrastructure;

/// <summary>Wraps statements in a method so a test can show only the code that matters.</summary>
internal static class Snippets
{
    public static string InMethod(string body) => "class C\n{\n    void M()\n    {\n" + body + "\n    }\n}\n";
}
