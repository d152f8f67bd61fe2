using SecureManifests.Analyzers.Tests.Infrastructure;
using static SecureManifests.Analyzers.Tests.Infrastructure.Snippets;

namespace SecureManifests.Analyzers.Tests.RawModels;

/// <summary>
/// The screens dismiss a creation, or the members of an initializer, by the name of the type written there when
/// that type cannot be a model. Every way of writing a model without its name must still be reported: aliases
/// (local and global), target-typed <c>new()</c>, subclasses, type parameters, <c>var</c>, <c>with</c>, extension methods.
/// </summary>
public sealed class TypeScreenTests
{
    [Fact]
    public Task A_local_alias_of_a_model_is_judged_in_initializers_and_constructor_arguments() =>
        Verify.AnalyzerAsync("""
            using Capabilities = k8s.Models.V1Capabilities;
            using Context = k8s.Models.V1SecurityContext;

            class C
            {
                void M()
                {
                    var a = new Context { {|SM1001:Privileged = true|} };
                    var added = new List<string> { "SYS_ADMIN" };
                    var b = new Capabilities { Drop = new[] { "ALL" }, {|SM1005:{|SM1006:Add = added|}|} };
                }
            }
            """);

    [Fact]
    public Task A_global_alias_in_another_file_is_judged() =>
        Verify.AnalyzerWithGlobalUsingsAsync(
            "global using Context = k8s.Models.V1SecurityContext;\n",
            InMethod("""
                var a = new Context { {|SM1001:Privileged = true|} };
                V1SecurityContext b = a with { {|SM1001:Privileged = true|} };
                """));

    [Fact]
    public Task A_target_typed_new_is_judged_by_the_declared_type_and_by_its_target() =>
        Verify.AnalyzerAsync("""
            class C
            {
                V1SecurityContext Field = new() { {|SM1001:Privileged = true|} };
                V1SecurityContext? Property { get; } = new() { {|SM1001:Privileged = true|} };

                V1Container M()
                {
                    V1SecurityContext local = new() { {|SM1001:Privileged = true|} };
                    var container = new V1Container { Name = "a", Image = "registry.example.com/a:1.0" };
                    container.SecurityContext = new() { {|SM1001:Privileged = true|} };
                    return Wrap(new() { {|SM1001:Privileged = true|} });
                }

                static V1Container Wrap(V1SecurityContext context) => new V1Container { Name = "b", Image = "registry.example.com/b:1.0", SecurityContext = context };
            }
            """);

    [Fact]
    public Task A_subclass_of_a_model_in_source_is_judged_through_its_base() =>
        Verify.AnalyzerAsync("""
            record HardenedContext : V1SecurityContext
            {
            }

            record StricterContext : HardenedContext
            {
            }

            class C
            {
                void M()
                {
                    var a = new HardenedContext { {|SM1001:Privileged = true|} };
                    var b = new StricterContext { {|SM1001:Privileged = true|} };
                }
            }
            """);

    [Fact]
    public Task A_type_parameter_constrained_to_a_model_is_judged() =>
        Verify.AnalyzerAsync("""
            class C
            {
                static T Make<T>() where T : V1SecurityContext, new() => new T { {|SM1001:Privileged = true|} };
            }
            """);

    [Fact]
    public Task Writes_through_var_and_extension_methods_are_judged_without_any_model_name() =>
        Verify.AnalyzerAsync("""
            static class Hardening
            {
                public static V1Container Loosen(this V1Container container)
                {
                    container.SecurityContext = new() { {|SM1001:Privileged = true|} };
                    return container;
                }
            }

            class C
            {
                static V1Pod Load() => new V1Pod();

                void M()
                {
                    var pod = Load();
                    {|SM1002:pod.Spec.HostNetwork = true|};
                    pod.Spec.Containers[0].Loosen();
                }
            }
            """);

    [Fact]
    public Task A_type_with_model_property_names_that_is_no_model_is_not_reported() =>
        Verify.AnalyzerAsync("""
            sealed class WorkerSpec
            {
                public string Name { get; set; } = "";
                public string Image { get; set; } = "";
                public bool Privileged { get; set; }
            }

            class C
            {
                private readonly Dictionary<string, int> _seen = new(System.StringComparer.Ordinal);

                WorkerSpec M(string name) => new WorkerSpec { Name = name, Image = "nginx:latest", Privileged = true };
            }
            """);
}
