using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using k8s.Models;
using SecureManifests.Rules.Semantics;
using SecureManifests.Tests.Infrastructure;

namespace SecureManifests.Tests.Rules;

/// <summary>
/// The rule semantics are the one definition of every value set: no enforcement point writes a value of theirs
/// again, and the sets that mirror KubernetesClient's model stay complete when the model grows.
/// </summary>
public sealed partial class RuleSemanticsTests
{
    /// <summary>Literals that are words of C# or of many APIs, not members of a value set.</summary>
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal) { "", "*", "<null>", "x", "/", "." };

    // Values equal to a semantics value by coincidence, not the same fact: the apiVersion the admission policies are
    // written in (DeprecatedApis names it too, as the replacement of v1beta1).
    private static readonly HashSet<string> Coincidences = new(StringComparer.Ordinal) { "admissionregistration.k8s.io/v1" };

    [Fact]
    public void No_value_of_the_shared_sets_is_written_again_in_the_analyzers_the_engine_checks_or_the_admission_CEL()
    {
        var root = TestPaths.RepositoryRoot;
        var semantics = Path.Combine(root, "src", "SecureManifests", "Rules", "Semantics");

        // Kind names are identifiers every check may name (a roleRef's kind, a CronJob owner), not members of a set.
        var kinds = Literals(Path.Combine(semantics, "KindScopes.cs")).ToHashSet(StringComparer.Ordinal);
        var values = Directory.GetFiles(semantics, "*.cs")
            .SelectMany(Literals)
            .Where(v => !CommonWords.Contains(v) && !Coincidences.Contains(v) && !kinds.Contains(v) && !v.Contains(' ', StringComparison.Ordinal) && !v.Contains('\'', StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("NET_BIND_SERVICE", values);
        Assert.Contains("cluster-admin", values);

        var consumers = Directory.GetFiles(Path.Combine(root, "analyzers"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(root, "src", "SecureManifests", "Rules", "Checks"), "*.cs"))
            .Concat(Directory.GetFiles(Path.Combine(root, "src", "SecureManifests", "Admission"), "*.cs"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var copies = consumers
            .SelectMany(f => Literals(f).Where(values.Contains).Select(v => Path.GetRelativePath(root, f) + ": \"" + v + "\""))
            .ToList();
        Assert.True(copies.Count == 0, "values of the rule semantics written again:\n" + string.Join("\n", copies));
    }

    [Fact]
    public void Every_volume_source_of_the_model_is_known_by_its_field_name()
    {
        var sources = typeof(V1Volume).GetProperties()
            .Where(p => p.Name != nameof(V1Volume.Name))
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(sources, VolumeSources.All);
        foreach (var property in typeof(V1Volume).GetProperties())
        {
            Assert.Equal(property.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name, VolumeSources.FieldOf(property.Name));
        }
    }

    [Fact]
    public void Restricted_forbids_every_volume_source_but_the_allowed_ones_and_hostPath_is_left_to_SM1003()
    {
        Assert.All(VolumeSources.RestrictedAllowed, s => Assert.False(VolumeSources.IsForbiddenByRestricted(s)));
        Assert.False(VolumeSources.IsForbiddenByRestricted(VolumeSources.HostPath));
        Assert.True(VolumeSources.IsForbiddenByRestricted("nfs"));
        Assert.Equal(VolumeSources.All.Count - VolumeSources.RestrictedAllowed.Count - 1, VolumeSources.All.Count(VolumeSources.IsForbiddenByRestricted));
    }

    [Theory]
    [InlineData("nginx", true)]
    [InlineData("nginx:", true)]
    [InlineData("nginx:latest", true)]
    [InlineData("nginx@foo", true)]
    [InlineData("nginx:latest@md5:x", true)]
    [InlineData("registry.example.com:5000/nginx", true)]
    [InlineData("nginx:1.27", false)]
    [InlineData("registry.example.com:5000/nginx:1.27", false)]
    [InlineData("nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    [InlineData("nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    public void An_image_is_mutable_unless_a_version_tag_or_a_real_digest_pins_it(string image, bool mutable) =>
        Assert.Equal(mutable, ImageReference.Parse(image).IsMutable);

    [Theory]
    [InlineData("batch", "deployments", "create", false)]
    [InlineData("apps", "deployments", "create", true)]
    [InlineData("", "pods", "create", true)]
    [InlineData("*", "*", "create", true)]
    [InlineData("", "pods", "get", false)]
    public void Workload_creation_matches_resources_in_their_own_api_group(string group, string resource, string verb, bool granted) =>
        Assert.Equal(granted, RbacRisks.PodCreatingResourcesGranted(new PolicyRuleLists([group], [resource], [verb])).Count > 0);

    [Theory]
    [InlineData("", "secrets", "get", true)]
    [InlineData("example.com", "secrets", "get", false)]
    [InlineData("*", "secrets", "list", true)]
    [InlineData("", "secrets", "create", false)]
    public void Secret_reads_match_only_core_secrets(string group, string resource, string verb, bool granted) =>
        Assert.Equal(granted, RbacRisks.SecretReadVerbsAllowed(new PolicyRuleLists([group], [resource], [verb])).Count > 0);

    [Theory]
    [InlineData("pods/exec", true)]
    [InlineData("*/exec", true)]
    [InlineData("*", true)]
    [InlineData("pods/log", false)]
    [InlineData("pods", false)]
    public void Exec_access_follows_subresource_wildcards(string resource, bool granted) =>
        Assert.Equal(granted, RbacRisks.ExecSubresourcesGranted(new PolicyRuleLists([""], [resource], ["create"])).Contains("pods/exec"));

    [Theory]
    [InlineData(null, true)]
    [InlineData(420, true)]
    [InlineData(256, false)]
    [InlineData(288, false)]
    [InlineData(292, true)]
    [InlineData(304, true)]
    public void Secret_modes_beyond_owner_and_group_read_are_too_open_and_unset_is_0644(int? mode, bool tooOpen) =>
        Assert.Equal(tooOpen, FileModes.IsTooOpenForSecrets(mode));

    /// <summary>
    /// The string literals of a file's code. Comments are not code, and C# names are not values: the parameter names
    /// the SDK checks look arguments up by (and the definition checks name), and the model properties the judges register for.
    /// </summary>
    private static IEnumerable<string> Literals(string file)
    {
        var code = CSharpNameLookup().Replace(LineComment().Replace(File.ReadAllText(file), string.Empty), "()");
        return StringLiteral().Matches(code).Select(m => m.Groups["text"].Value);
    }

    [GeneratedRegex(@"(?m)^\s*//[^\r\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"(Argument\(\w+|table\.Add\(\w+(\.\w+)?), ""\w+""|\(""\w+"", DefinitionValue\.")]
    private static partial Regex CSharpNameLookup();

    [GeneratedRegex(@"(?<![@$\w])""(?<text>(?:[^""\\\r\n]|\\.)*)""")]
    private static partial Regex StringLiteral();
}
