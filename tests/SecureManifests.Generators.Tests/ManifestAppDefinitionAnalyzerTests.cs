namespace SecureManifests.Generators.Tests;

/// <summary>SM0101-SM0105: each fires on the class name of a [ManifestApp] class it describes, and only there.</summary>
public sealed class ManifestAppDefinitionAnalyzerTests
{
    [Fact]
    public async Task A_valid_app_and_unmarked_classes_report_nothing()
    {
        await AnalyzerTest.VerifyAsync("""
            using SecureManifests;

            [ManifestApp]
            public sealed class ShopApp : App
            {
                public ShopApp() : base("shop") { }
            }

            public static class Outer
            {
                [ManifestApp]
                public class Nested : App { public Nested() : base("nested") { } }
            }

            internal abstract class NotMarked : App { protected NotMarked(string name) : base(name) { } }
            """);
    }

    [Fact]
    public async Task SM0101_fires_on_an_internal_app_and_on_an_app_nested_in_an_internal_class()
    {
        await AnalyzerTest.VerifyAsync("""
            using SecureManifests;

            [ManifestApp]
            internal sealed class {|SM0101:Hidden|} : App { public Hidden() : base("hidden") { } }

            internal static class Outer
            {
                [ManifestApp]
                public sealed class {|SM0101:Inner|} : App { public Inner() : base("inner") { } }
            }
            """);
    }

    [Fact]
    public async Task SM0102_fires_without_a_public_parameterless_constructor()
    {
        await AnalyzerTest.VerifyAsync("""
            using SecureManifests;

            [ManifestApp]
            public sealed class {|SM0102:NeedsName|} : App { public NeedsName(string name) : base(name) { } }

            [ManifestApp]
            public sealed class {|SM0102:Hidden|} : App { internal Hidden() : base("hidden") { } }

            [ManifestApp]
            public sealed class Both : App
            {
                public Both() : base("both") { }

                public Both(string name) : base(name) { }
            }
            """);
    }

    [Fact]
    public async Task SM0103_fires_on_the_second_app_with_the_same_constant_name()
    {
        await AnalyzerTest.VerifyAsync("""
            using SecureManifests;

            public static class Names
            {
                public const string Shop = "shop";
            }

            [ManifestApp]
            public sealed class ShopApp : App { public ShopApp() : base("shop") { } }

            [ManifestApp]
            public sealed class {|SM0103:ShopAgain|} : App { public ShopAgain() : base(Names.Shop) { } }

            [ManifestApp]
            public sealed class Other : App { public Other() : base("other") { } }
            """);
    }

    [Fact]
    public async Task SM0103_stays_silent_when_names_differ_or_are_computed()
    {
        await AnalyzerTest.VerifyAsync("""
            using SecureManifests;

            [ManifestApp]
            public sealed class First : App { public First() : base(System.Environment.MachineName) { } }

            [ManifestApp]
            public sealed class Second : App { public Second() : base(System.Environment.MachineName) { } }

            [ManifestApp]
            public sealed class Third : App { public Third() : base("third") { } }
            """);
    }

    [Fact]
    public async Task SM0104_fires_on_abstract_and_generic_apps()
    {
        await AnalyzerTest.VerifyAsync("""
            using SecureManifests;

            [ManifestApp]
            public abstract class {|SM0104:Base|} : App { protected Base() : base("base") { } }

            [ManifestApp]
            public sealed class {|SM0104:Generic|}<T> : App { public Generic() : base("generic") { } }
            """);
    }

    [Fact]
    public async Task SM0105_fires_on_a_class_that_is_not_an_app()
    {
        await AnalyzerTest.VerifyAsync("""
            using SecureManifests;

            [ManifestApp]
            public sealed class {|SM0105:Settings|} { }

            public class MyApp : App { public MyApp() : base("mine") { } }

            [ManifestApp]
            public sealed class Derived : MyApp { }
            """);
    }

    [Fact]
    public async Task A_partial_app_is_judged_once()
    {
        await AnalyzerTest.VerifyAsync("""
            using SecureManifests;

            [ManifestApp]
            internal sealed partial class {|SM0101:Split|} : App { }

            internal sealed partial class Split { public Split() : base("split") { } }
            """);
    }
}
