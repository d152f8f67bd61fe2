using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SecureManifests.Analyzers.Tests.Infrastructure;
using static SecureManifests.Analyzers.Tests.Infrastructure.Snippets;

namespace SecureManifests.Analyzers.Tests.Configuration;

/// <summary>#pragma, [SuppressMessage] (with a required justification) and .editorconfig severities.</summary>
public sealed class SuppressionTests
{
    [Fact]
    public Task Pragma_suppresses_the_rule() =>
        Verify.AnalyzerAsync(InMethod("""
            #pragma warning disable SM1001 // the node agent needs device access
            var sc = new V1SecurityContext { Privileged = true };
            #pragma warning restore SM1001
            var other = new V1SecurityContext { {|SM1001:Privileged = true|} };
            """));

    [Fact]
    public Task SuppressMessage_with_a_justification_suppresses_silently() =>
        Verify.AnalyzerAsync("""
            class C
            {
                [System.Diagnostics.CodeAnalysis.SuppressMessage("SecureManifests", "SM1001", Justification = "GPU driver installer")]
                void M() { var sc = new V1SecurityContext { Privileged = true }; }
            }
            """);

    [Fact]
    public Task SuppressMessage_without_a_justification_is_reported_under_SM0001() =>
        Verify.AnalyzerAsync("""
            using System.Diagnostics.CodeAnalysis;
            class C
            {
                [{|#0:SuppressMessage("SecureManifests", "SM1001")|}]
                void M() { var sc = new V1SecurityContext { Privileged = true }; }

                [{|#1:SuppressMessage("SecureManifests", "SM1019:writable-root-filesystem", Justification = " ")|}]
                void N() { var sc = new V1SecurityContext { ReadOnlyRootFilesystem = false }; }

                [SuppressMessage("Performance", "CA1822")]
                void O() { }
            }
            """,
            new DiagnosticResult(Descriptors.SuppressionWithoutJustification).WithLocation(0).WithArguments("SM1001"),
            new DiagnosticResult(Descriptors.SuppressionWithoutJustification).WithLocation(1).WithArguments("SM1019:writable-root-filesystem"));

    [Fact]
    public Task EditorConfig_severity_overrides_the_catalogue() =>
        Verify.AnalyzerAsync(
            InMethod("""
                var sc = new V1SecurityContext { {|#0:Privileged = true|}, ReadOnlyRootFilesystem = false };
                """),
            "dotnet_diagnostic.SM1001.severity = warning\ndotnet_diagnostic.SM1019.severity = none\n",
            new DiagnosticResult("SM1001", DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("(unnamed)", "Privileged = true; set Privileged to false"));
}
