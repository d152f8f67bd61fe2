extern alias sdk;

using SecureManifests.Analyzers.Tests.Infrastructure;

namespace SecureManifests.Analyzers.Tests.Sdk;

/// <summary>
/// The definition checks dismiss constructor calls of types that cannot be App, by the type's name. Every way of
/// reaching App's constructor under another name must still be checked: subclasses (in this file or in another
/// part of a partial class), their <c>: base(...)</c> calls, aliases and target-typed <c>new()</c>.
/// </summary>
public sealed class DefinitionScreenTests
{
    [Fact]
    public Task App_is_checked_through_a_subclass_its_base_call_an_alias_and_target_typed_new() =>
        Verify.AnalyzerAsync("""
            using Application = SecureManifests.App;

            class ShopApp : App
            {
                public ShopApp() : base({|SM0106:"Shop"|}) { }

                public ShopApp(string name) : base(name) { }
            }

            partial class PartialApp
            {
                public PartialApp() : base({|SM0106:"Partial App"|}) { }
            }

            partial class PartialApp : ShopApp
            {
            }

            interface IShop
            {
            }

            partial class OtherPart : IShop
            {
                public OtherPart() : base({|SM0106:"Other Part"|}) { }
            }

            partial class OtherPart : ShopApp
            {
            }

            class C
            {
                void M()
                {
                    var a = new ShopApp({|SM0106:"Shop"|});
                    var b = new Application({|SM0106:"Shop"|});
                    App c = new({|SM0106:"Shop"|});
                    var fine = new System.Uri("https://example.com/Shop");
                }
            }
            """);

    [Fact]
    public void Neither_the_SDK_nor_KubernetesClient_subclasses_App_or_a_judged_model()
    {
        // The screens trust these two assemblies not to (TypeFamily reads every other assembly that could).
        var app = typeof(sdk::SecureManifests.App);
        var client = typeof(k8s.Models.V1Container).Assembly.GetExportedTypes().Where(t => t.IsClass).ToList();
        // The model family: the k8s.Models types the analyzers judge.
        var models = client.Where(t => t.Namespace == "k8s.Models" && ModelTypes.TryGetKindBySimpleName(t.Name, out _)).ToHashSet();
        var sdkTypes = app.Assembly.GetTypes().Where(t => t.IsClass && t != app);

        Assert.Empty(sdkTypes.Where(t => app.IsAssignableFrom(t) || (t.BaseType is { } b && models.Contains(b))).Select(t => t.FullName));
        Assert.Empty(client.Where(t => t.BaseType is { } b && models.Contains(b)).Select(t => t.FullName));
    }
}
