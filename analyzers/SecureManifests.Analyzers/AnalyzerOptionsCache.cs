using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureManifests.Analyzers;

/// <summary>The .editorconfig rule options of each syntax tree, parsed once per tree and compilation.</summary>
internal sealed class AnalyzerOptionsCache
{
    private readonly AnalyzerConfigOptionsProvider _provider;
    private readonly ConcurrentDictionary<SyntaxTree, SecretNamePattern> _secretNames = new();

    public AnalyzerOptionsCache(AnalyzerConfigOptionsProvider provider) => _provider = provider;

    public SecretNamePattern SecretNamesFor(SyntaxTree tree) =>
        _secretNames.GetOrAdd(tree, t => SecretNamePattern.From(_provider.GetOptions(t)));
}
