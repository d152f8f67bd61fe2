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

    private readonly AnalyzerConfigOptionsProvider _provider;
    private readonly ConcurrentDictionary<SyntaxTree, SecretNamePattern> _secretNames = new();

    public AnalyzerOptionsCache(AnalyzerConfigOptionsProvider provider) => _provider = provider;

    public SecretNamePattern SecretNamesFor(SyntaxTree tree) =>
        _secretNames.GetOrAdd(tree, t => ReadSecretNames(_provider.GetOptions(t)));

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
