using System.Text;
using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.CustomResources;
using SecureManifests.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary>
/// <c>secure-manifests import-crd</c> as a user runs it: the generator's C# as files, one per CRD, every file read
/// before any is written, unchanged files left alone, and one line per problem at the CRD's line.
/// </summary>
public sealed class ImportCrdCommandTests : IDisposable
{
    private static readonly string Widget = InlineCrd.Widget("{type: object, required: [size], properties: {size: {type: integer, minimum: 1}}}");

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Writes_the_generators_code_for_a_CRD_as_a_file_named_after_its_kind()
    {
        var crd = Write("crds/widget.yaml", Widget);

        var result = Tool.Run(_folder.FullPath, ["import-crd", "crds/widget.yaml", "--namespace", "Acme.Widgets", "--output", "Generated"]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Describe());
        Assert.Equal("wrote 1 of 1 C# files (0 unchanged) to Generated", Assert.Single(result.OutputLines));
        var expected = Assert.Single(CustomResourceEmitter.Emit(Widget, crd, "Acme.Widgets").Sources).Source;
        Assert.Equal(Encoding.UTF8.GetBytes(expected), File.ReadAllBytes(Path.Combine(_folder.FullPath, "Generated", "Widget.cs")));
        Assert.Contains("namespace Acme.Widgets", expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_namespace_the_types_go_in_the_groups_default()
    {
        Write("widget.yaml", Widget);

        var result = Tool.Run(_folder.FullPath, ["import-crd", "widget.yaml", "-o", "out"]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Describe());
        Assert.Contains($"namespace {CustomResourceEmitter.DefaultNamespace(null, "example.com")}", File.ReadAllText(Path.Combine(_folder.FullPath, "out", "Widget.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_run_rewrites_nothing_and_the_output_is_byte_identical()
    {
        Write("widget.yaml", Widget);
        var first = Tool.Run(_folder.FullPath, ["import-crd", "widget.yaml", "--output", "out"]);
        var file = Path.Combine(_folder.FullPath, "out", "Widget.cs");
        var bytes = File.ReadAllBytes(file);
        var stamp = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, stamp);

        var second = Tool.Run(_folder.FullPath, ["import-crd", "widget.yaml", "--output", "out"]);

        Assert.True(first.ExitCode == ExitCodes.Success, first.Describe());
        Assert.Equal("wrote 0 of 1 C# files (1 unchanged) to out", Assert.Single(second.OutputLines));
        Assert.Equal(bytes, File.ReadAllBytes(file));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(file));
    }

    [CrdFact]
    public void Every_shared_CRD_becomes_one_file_per_kind()
    {
        var result = Tool.Run(_folder.FullPath, ["import-crd", TestPaths.SharedCrds, "--namespace", "Platform.Crds", "--output", "crds"]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Describe());
        var files = Directory.GetFiles(Path.Combine(_folder.FullPath, "crds")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Directory.GetFiles(TestPaths.SharedCrds, "*.yaml", SearchOption.AllDirectories).Length, files.Count);
        Assert.Contains("Certificate.cs", files);
        Assert.Contains("HTTPRoute.cs", files);
        Assert.Contains("ServiceMonitor.cs", files);
        Assert.Contains("Rollout.cs", files);
    }

    [Fact]
    public void A_bad_CRD_is_one_line_at_its_line_and_nothing_is_written_not_even_the_good_files()
    {
        Write("a-good.yaml", Widget);
        Write("b-bad.yaml", Widget.Replace("  - name: v1\n", "  - name: v1\n    served: [\n", StringComparison.Ordinal));

        var result = Tool.Run(_folder.FullPath, ["import-crd", ".", "--output", "out"]);

        Assert.True(result.ExitCode == ExitCodes.UsageOrInputError, result.Describe());
        Assert.StartsWith("b-bad.yaml:", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains(": error: ", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("(SM0110)", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal("nothing written: fix the CRDs above first", result.ErrorLines[^1]);
        Assert.False(Directory.Exists(Path.Combine(_folder.FullPath, "out")));
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_v1beta1_CRD_is_refused_at_its_apiVersion_line()
    {
        Write("old.yaml", "# an old CRD\n" + Widget.Replace("apiextensions.k8s.io/v1", "apiextensions.k8s.io/v1beta1", StringComparison.Ordinal));

        var result = Tool.Run(_folder.FullPath, ["import-crd", "old.yaml", "--output", "out"]);

        Assert.True(result.ExitCode == ExitCodes.UsageOrInputError, result.Describe());
        Assert.StartsWith("old.yaml:2:", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("(SM0111)", result.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_no_CRD_is_an_error_since_it_was_named()
    {
        Write("service.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n");

        var result = Tool.Run(_folder.FullPath, ["import-crd", "service.yaml", "--output", "out"]);

        Assert.True(result.ExitCode == ExitCodes.UsageOrInputError, result.Describe());
        Assert.Equal("service.yaml:1:1: error: no CustomResourceDefinition (apiextensions.k8s.io/v1) in this file", result.ErrorLines[0]);
    }

    [Fact]
    public void The_same_CRD_twice_is_an_error_naming_both_files()
    {
        Write("one.yaml", Widget);
        Write("two.yaml", Widget);

        var result = Tool.Run(_folder.FullPath, ["import-crd", "one.yaml", "two.yaml", "--output", "out"]);

        Assert.True(result.ExitCode == ExitCodes.UsageOrInputError, result.Describe());
        Assert.Equal("two.yaml:1:1: error: Widget (example.com) is defined more than once: one.yaml, two.yaml", result.ErrorLines[0]);
    }

    [Fact]
    public void One_kind_in_two_groups_gets_a_file_per_group()
    {
        Write("one.yaml", Widget);
        Write("two.yaml", Widget.Replace("example.com", "example.org", StringComparison.Ordinal));

        var result = Tool.Run(_folder.FullPath, ["import-crd", "one.yaml", "two.yaml", "--output", "out"]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Describe());
        Assert.Equal(
            ["Widget.example.com.cs", "Widget.example.org.cs"],
            Directory.GetFiles(Path.Combine(_folder.FullPath, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "import-crd", "--output", "out" }, "import-crd needs at least one CRD file or folder")]
    [InlineData(new[] { "import-crd", "widget.yaml" }, "import-crd needs --output DIR, the folder the C# files are written to")]
    [InlineData(new[] { "import-crd", "-", "--output", "out" }, "import-crd reads files, not standard input: name the CRD files")]
    public void Usage_errors_are_one_line_and_exit_2(string[] args, string message)
    {
        Write("widget.yaml", Widget);

        var result = Tool.Run(_folder.FullPath, args);

        Assert.True(result.ExitCode == ExitCodes.UsageOrInputError, result.Describe());
        Assert.Contains(message, result.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_namespace_that_is_not_CSharp_is_refused()
    {
        Write("widget.yaml", Widget);

        var result = Tool.Run(_folder.FullPath, ["import-crd", "widget.yaml", "--namespace", "Acme.2Widgets", "--output", "out"]);

        Assert.True(result.ExitCode == ExitCodes.UsageOrInputError, result.Describe());
        Assert.Contains("'Acme.2Widgets' is not a C# namespace", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder.FullPath, "out")));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var result = Tool.Run(_folder.FullPath, ["import-crd", "nope.yaml", "--output", "out"]);

        Assert.True(result.ExitCode == ExitCodes.UsageOrInputError, result.Describe());
        Assert.Equal("nope.yaml:1:1: error: cannot read: no such file or folder", result.ErrorLines[0]);
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_folder.FullPath, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
