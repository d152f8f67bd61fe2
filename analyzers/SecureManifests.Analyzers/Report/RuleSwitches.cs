using System.Threading;
using Microsoft.CodeAnalysis;

namespace SecureManifests.Analyzers.Report;

/// <summary>
/// Whether a rule can be reported in a syntax tree: its severity configured for that tree (.editorconfig, global
/// config), else the compilation's, else the catalogue's default (opt-in rules are off). The screens need not bind for
/// a rule that is off, and the reporter does not report it: the driver would drop it, but only after it had worked
/// out, for each tree with a diagnostic, whether the tree is generated code (a walk over all of the tree's tokens).
/// </summary>
internal sealed class RuleSwitches
{
    private readonly Compilation _compilation;

    public RuleSwitches(Compilation compilation) => _compilation = compilation;

    public bool IsEnabled(SyntaxTree tree, string id, CancellationToken cancellationToken)
    {
        if (_compilation.Options.SyntaxTreeOptionsProvider is { } provider
            && (provider.TryGetDiagnosticValue(tree, id, cancellationToken, out var severity)
                || provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out severity)))
        {
            return severity != ReportDiagnostic.Suppress;
        }

        return _compilation.Options.SpecificDiagnosticOptions.TryGetValue(id, out var option)
            ? option != ReportDiagnostic.Suppress
            : Descriptors.For(id).IsEnabledByDefault;
    }
}
