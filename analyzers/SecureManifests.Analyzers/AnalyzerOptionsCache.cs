using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Analyzers;

/// <summary>The .editorconfig rule options of each syntax tree, parsed once per tree and compilation.</summary>
internal sealed class AnalyzerOptionsCache
{
    /// <summary>The .editorconfig key that replaces the secret-name markers of SM2005 with a case-insensitive regex.</summary>
    public const string SecretNamePatternKey = "secure_manifests.secret_name_pattern";

    /// <summary>
    /// The MSBuild property (made visible to the compiler with <c>CompilerVisibleProperty</c>) that turns the syntax
    /// screens off: <c>tests/perf/analyzer-overhead.sh</c> measures what they save by building both ways.
    /// </summary>
    public const string SyntaxScreenProperty = "build_property.SecureManifestsSyntaxScreen";

    private readonly AnalyzerConfigOptionsProvider _provider;
    private readonly ConcurrentDictionary<SyntaxTree, SecretNamePattern> _secretNames = new();
    private readonly System.Func<SyntaxTree, SecretNamePattern> _readSecretNames;

    public AnalyzerOptionsCache(AnalyzerConfigOptionsProvider provider)
    {
        _provider = provider;
        // Made once: a lambda at the call would allocate a delegate for every write the analyzers look at.
        _readSecretNames = tree => ReadSecretNames(_provider.GetOptions(tree));
        ScreensEnabled = !(provider.GlobalOptions.TryGetValue(SyntaxScreenProperty, out var screen)
            && string.Equals(screen, "false", System.StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether safe code may be dismissed from syntax before binding (on unless a measurement turns it off).</summary>
    public bool ScreensEnabled { get; }

    public SecretNamePattern SecretNamesFor(SyntaxTree tree) =>
        _secretNames.GetOrAdd(tree, _readSecretNames);

    private static SecretNamePattern ReadSecretNames(AnalyzerConfigOptions options)
    {
        if (!options.TryGetValue(SecretNamePatternKey, out var pattern) || string.IsNullOrWhiteSpace(pattern))
        {
            return SecretNamePattern.Default;
        }

        // An invalid pattern must not take the analyzer down (AD0001); the spec's markers still apply.
        return SecretNamePattern.TryCreate(pattern) ?? SecretNamePattern.Default;
    }
}
