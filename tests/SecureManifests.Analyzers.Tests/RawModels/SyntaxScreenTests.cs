using SecureManifests.Analyzers.Tests.Infrastructure;
using static SecureManifests.Analyzers.Tests.Infrastructure.Snippets;

namespace SecureManifests.Analyzers.Tests.RawModels;

/// <summary>
/// The syntax screens that spare the analyzers a bind must never hide a finding: values that look safe or
/// unknown in part, but that the compiler knows to be unsafe, are still reported.
/// </summary>
public sealed class SyntaxScreenTests
{
    [Fact]
    public Task Interpolated_images_are_resolved_through_const_fields_and_locals_assigned_once() =>
        Verify.AnalyzerAsync("""
            class C
            {
                const string Registry = "registry.example.com/team";
                void M()
                {
                    var tag = "latest";
                    var pinned = "1.2.3";
                    var a = new V1Container { Name = "a", {|SM2001:Image = $"{Registry}/api:{tag}"|} };
                    var b = new V1Container { Name = "b", {|SM2001:Image = $"{Registry}/api"|} };
                    var c = new V1Container { Name = "c", Image = $"{Registry}/api:{pinned}" };
                    var d = new V1Container { Name = "d", {|SM2001:Image = $"{Registry}:{tag}"|} };
                }
            }
            """);

    [Fact]
    public Task Constant_arithmetic_is_folded_not_trusted() =>
        Verify.AnalyzerAsync(InMethod("""
            var sc = new V1SecurityContext { {|SM1009:RunAsUser = 1 - 1|}, RunAsNonRoot = !false };
            var port = new V1ContainerPort { {|SM2011:ContainerPort = 20 + 2|} };
            """));

    [Fact]
    public Task A_lambda_parameter_does_not_hide_the_const_field_of_the_same_name_outside_the_lambda() =>
        Verify.AnalyzerAsync("""
            class C
            {
                const bool Yes = true;
                void M()
                {
                    System.Func<bool, bool> identity = Yes => Yes;
                    var sc = new V1SecurityContext { {|SM1001:Privileged = Yes|} };
                }
            }
            """);

    [Fact]
    public Task Collections_from_locals_assigned_once_are_followed_and_from_calls_are_not() =>
        Verify.AnalyzerAsync("""
            class C
            {
                static List<string> Load() => new List<string> { "SYS_ADMIN" };
                void M(List<string> fromCaller)
                {
                    var added = new List<string> { "SYS_ADMIN" };
                    var a = new V1Capabilities { Drop = new[] { "ALL" }, {|SM1005:{|SM1006:Add = added|}|} };
                    var b = new V1Capabilities { Drop = new[] { "ALL" }, Add = Load() };
                    var c = new V1Capabilities { Drop = fromCaller, Add = fromCaller };
                }
            }
            """);

    [Fact]
    public Task Sdk_calls_with_known_unsafe_values_behind_locals_and_sums_are_reported() =>
        Verify.AnalyzerAsync(InMethod("""
            var app = new App("shop");
            var ns = app.AddNamespace("shop");
            var tag = "latest";
            var secret = "hunter2";
            ns.AddDeployment("api", {|SM2001:$"registry.example.com/api:{tag}"|})
                .WithRunAsUser({|SM1009:1 - 1|})
                .WithPort("ssh", {|SM2011:20 + 2|})
                .WithEnv("DB_PASSWORD", {|SM2005:secret|});
            ns.AddJob("job", "tools:3.1").WithEnv("LOG_LEVEL", "info").WithPort("http", 8080).WithRunAsUser(10001);
            """));

    [Fact]
    public Task A_target_typed_capabilities_initializer_without_Drop_is_still_found_once() =>
        Verify.AnalyzerAsync(InMethod("""
            V1Capabilities caps = {|SM1006:new() { Add = new[] { "CHOWN" } }|};
            V1ContainerPort port = new() { Name = "http", ContainerPort = 8080 };
            """));

    [Fact]
    public Task Interpolated_images_with_holes_syntax_cannot_resolve_are_bound_unless_the_known_tail_pins_a_tag() =>
        Verify.AnalyzerAsync("""
            static class Consts
            {
                public const string Registry = "registry.example.com/team";
                public const string Tag = "latest";
            }

            class C
            {
                void M()
                {
                    var a = new V1Container { Name = "a", {|SM2001:Image = $"{Consts.Registry}/api:{Consts.Tag}"|} };
                    var b = new V1Container { Name = "b", {|SM2001:Image = $"{Consts.Registry}/api"|} };
                    var c = new V1Container { Name = "c", {|SM2001:Image = $"{Consts.Registry}:latest"|} };
                    var d = new V1Container { Name = "d", Image = $"{Consts.Registry}/api:1.0" };
                    var app = new App("shop");
                    var ns = app.AddNamespace("shop");
                    ns.AddDeployment("e", {|SM2001:$"{Consts.Registry}/api"|});
                    ns.AddDeployment("f", $"{Consts.Registry}/api:2.0");
                }
            }
            """);

    [Fact]
    public Task An_image_whose_known_end_fixes_a_mutable_tag_is_found_whatever_the_unknown_registry() =>
        Verify.AnalyzerAsync("""
            class C
            {
                string Registry { get; set; } = "ghcr.io/acme";

                void M(string registry, string tag)
                {
                    var a = new V1Container { Name = "a", {|SM2001:Image = $"{registry}/api:latest"|} };
                    var b = new V1Container { Name = "b" };
                    {|SM2001:b.Image = $"{Registry}/api"|};
                    var c = new V1Container { Name = "c", {|SM2001:Image = registry + "/tools"|} };
                    var d = new V1Container { Name = "d", Image = $"{registry}/api:{tag}" };
                    var e = new V1Container { Name = "e", Image = registry + "/api:" + tag };
                    var f = new V1Container { Name = "f", Image = $"{Registry}/api:1.4.2" };
                    var g = new V1Container { Name = "g", {|SM2001:Image = $"{registry}:latest"|} };
                }
            }
            """);
}
