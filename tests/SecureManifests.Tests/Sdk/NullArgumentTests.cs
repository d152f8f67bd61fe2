using System.Reflection;
using k8s.Models;
using SecureManifests.Defaults;
using SecureManifests.Model;

namespace SecureManifests.Tests.Sdk;

/// <summary>
/// Every public SDK method and constructor, called with null for one of its non-nullable reference parameters,
/// fails with a definition error that names the object and the argument. Apps often pass values computed at run time
/// (an environment variable that is not set): a bare ArgumentNullException from deep inside says neither which object
/// nor which call. The methods are found by reflection, so a new method is covered the day it is added.
/// </summary>
public class NullArgumentTests
{
    private static readonly NullabilityInfoContext Nullability = new();

    // Each public SDK type with instance methods, and how to make a fresh one with the object reference it reports.
    private static readonly Dictionary<Type, Func<(object Receiver, string Reference)>> Receivers = new()
    {
        [typeof(App)] = () => (new App("demo"), "App demo"),
        [typeof(Namespace)] = () => (Fresh().Ns, "Namespace demo"),
        [typeof(Deployment)] = () => (Fresh().Api, "Deployment demo/api"),
        [typeof(StatefulSet)] = () => (Fresh().Ns.AddStatefulSet("db", "ghcr.io/acme/db:1.0.0"), "StatefulSet demo/db"),
        [typeof(DaemonSet)] = () => (Fresh().Ns.AddDaemonSet("agent", "ghcr.io/acme/agent:1.0.0"), "DaemonSet demo/agent"),
        [typeof(Job)] = () => (Fresh().Ns.AddJob("migrate", "ghcr.io/acme/migrate:1.0.0"), "Job demo/migrate"),
        [typeof(CronJob)] = () => (Fresh().Ns.AddCronJob("report", "0 3 * * *", "ghcr.io/acme/report:1.0.0"), "CronJob demo/report"),
        [typeof(Container)] = () => (SidecarOf(Fresh().Api), "Deployment demo/api"),
        [typeof(ConfigMap)] = () => (Fresh().Ns.AddConfigMap("settings"), "ConfigMap demo/settings"),
        [typeof(Role)] = () => (Fresh().Ns.AddRole("reader"), "Role demo/reader"),
        [typeof(ClusterRole)] = () => (new App("demo").AddClusterRole("viewer"), "ClusterRole viewer"),
        [typeof(Ingress)] = () => (Fresh().Ns.AddIngress("web", "shop.example.com", "web-tls"), "Ingress demo/web"),
        [typeof(HttpRoute)] = () => (Fresh().Ns.AddHttpRoute("web", new GatewayReference("gateway-system", "public"), []), "HTTPRoute demo/web"),
        [typeof(Service)] = () => (Fresh().Api.Expose("http"), "Service demo/api"),
        [typeof(ScopedDefaults)] = () => (new App("demo").Defaults, "App demo"),
    };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var (method, parameter) in NullableCases())
        {
            data.Add(Describe(method, parameter));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_null_argument_names_the_object_and_the_argument(string call)
    {
        var (method, parameter) = NullableCases().Single(c => Describe(c.Method, c.Parameter) == call);
        var (receiver, reference) = method.IsStatic || method is ConstructorInfo
            ? (null, method.DeclaringType!.Name)
            : Receivers[ReceiverType(method)]();
        var arguments = method.GetParameters().Select(p => p == parameter ? null : SampleFor(p)).ToArray();

        var error = Assert.Throws<ManifestDefinitionException>(() => Invoke(method, receiver, arguments));

        Assert.StartsWith(reference + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains(parameter.Name!, error.Field, StringComparison.Ordinal);
        Assert.Contains("must not be null", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cases_cover_the_surface()
    {
        // A guard against the reflection silently finding nothing (for example after a rename of the namespace).
        var cases = NullableCases().ToList();
        Assert.True(cases.Count > 100, $"only {cases.Count} null cases found");
        Assert.Contains(cases, c => c.Method.Name == "WithEnv" && c.Parameter.Name == "value");
        Assert.Contains(cases, c => c.Method.Name == "AllowFrom" && c.Parameter.Name == "source");
    }

    private static IEnumerable<(MethodBase Method, ParameterInfo Parameter)> NullableCases()
    {
        var types = typeof(App).Assembly.GetExportedTypes()
            .Where(t => t.Namespace is "SecureManifests" or "SecureManifests.Model" or "SecureManifests.Defaults")
            .Where(t => Receivers.ContainsKey(t) || t.IsAbstract || IsBuiltFromStatics(t));
        foreach (var type in types.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && m.DeclaringType!.Namespace!.StartsWith("SecureManifests", StringComparison.Ordinal))
                .Cast<MethodBase>()
                .Concat(type.GetConstructors().Where(_ => !type.IsAbstract));
            foreach (var method in methods.OrderBy(m => m.ToString(), StringComparer.Ordinal))
            {
                if (method.IsStatic == false && method is MethodInfo && !Receivers.ContainsKey(ReceiverType(method)))
                {
                    continue;
                }

                foreach (var parameter in method.GetParameters())
                {
                    if (IsNonNullableReference(parameter) && parameter.GetCustomAttribute<System.Runtime.CompilerServices.CallerFilePathAttribute>() is null)
                    {
                        yield return (method, parameter);
                    }
                }
            }
        }
    }

    private static bool IsBuiltFromStatics(Type type) =>
        type == typeof(Probe) || type == typeof(LifecycleHandler) || type == typeof(Topology) || type == typeof(ResourceProfile) || type == typeof(CustomObject) ||
        type == typeof(GatewayReference);

    // The concrete type whose fresh instance receives the call: the declaring type, or for the generic workload bases
    // the Deployment (every workload kind shares their code).
    private static Type ReceiverType(MethodBase method)
    {
        var declaring = method.DeclaringType!;
        if (declaring.IsGenericType || declaring == typeof(Workload) || declaring == typeof(ManifestObject))
        {
            return typeof(Deployment);
        }

        return declaring;
    }

    private static bool IsNonNullableReference(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (type.IsGenericParameter)
        {
            // Add<T>(T kubernetesObject): T is a Kubernetes object, so a reference.
            return type.GetGenericParameterConstraints().Any(c => c.IsInterface);
        }

        if (type.IsValueType)
        {
            return false;
        }

        return Nullability.Create(parameter).WriteState == NullabilityState.NotNull;
    }

    private static object? Invoke(MethodBase method, object? receiver, object?[] arguments)
    {
        var target = method;
        if (method is MethodInfo { DeclaringType.IsGenericTypeDefinition: true } open)
        {
            // The workload bases are generic in their own type: call the method as the concrete receiver inherits it.
            target = receiver!.GetType().GetMethods().Single(m => m.MetadataToken == open.MetadataToken && m.Module == open.Module);
        }

        if (target is MethodInfo { IsGenericMethodDefinition: true } generic)
        {
            target = generic.MakeGenericMethod(typeof(V1ConfigMap));
        }

        try
        {
            return method is ConstructorInfo constructor ? constructor.Invoke(arguments) : target.Invoke(receiver, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private static object? SampleFor(ParameterInfo parameter)
    {
        var type = parameter.ParameterType.IsGenericParameter ? typeof(V1ConfigMap) : parameter.ParameterType;
        if (parameter.HasDefaultValue)
        {
            return parameter.DefaultValue;
        }

        if (type == typeof(string))
        {
            return "x";
        }

        if (type.IsArray)
        {
            return Array.CreateInstance(type.GetElementType()!, 0);
        }

        if (type.IsValueType)
        {
            return Activator.CreateInstance(type);
        }

        if (typeof(Delegate).IsAssignableFrom(type))
        {
            var argument = type.GetGenericArguments().Single();
            return typeof(NullArgumentTests).GetMethod(nameof(Ignore), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(argument).CreateDelegate(type);
        }

        var fresh = Fresh();
        return type switch
        {
            _ when type == typeof(ConfigMap) => fresh.Ns.AddConfigMap("other"),
            _ when type == typeof(SecretReference) => fresh.Ns.AddExternalSecret("creds", "x"),
            _ when type == typeof(Workload) => fresh.Ns.AddDeployment("web", "ghcr.io/acme/web:1.0.0").WithPort("http", 8080),
            _ when type == typeof(Service) => fresh.Api.Expose("http"),
            _ when type == typeof(Role) => fresh.Ns.AddRole("reader"),
            _ when type == typeof(ClusterRole) => fresh.App.AddClusterRole("viewer"),
            _ when type == typeof(Probe) => Probe.Tcp("http"),
            _ when type == typeof(GatewayReference) => new GatewayReference("gateway-system", "public"),
            _ when type == typeof(LifecycleHandler) => LifecycleHandler.Sleep(TimeSpan.FromSeconds(1)),
            _ when type == typeof(Topology) => Topology.Zone,
            _ when type == typeof(ResourceProfile) => ResourceProfile.Standard,
            _ when type == typeof(PercentOrAbsolute) => PercentOrAbsolute.Absolute(1),
            _ when type == typeof(IReadOnlyCollection<Verb>) => new[] { Verb.Get },
            _ when type.IsAssignableFrom(typeof(V1ConfigMap)) => new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "raw" } },
            _ when type.IsAssignableFrom(typeof(List<string>)) => new List<string>(),
            _ => throw new InvalidOperationException($"no sample value for {type} ({parameter.Member.DeclaringType?.Name}.{parameter.Member.Name}({parameter.Name})): add one"),
        };
    }

    private static void Ignore<T>(T value)
    {
        _ = value;
    }

    private static (App App, Namespace Ns, Deployment Api) Fresh()
    {
        var app = new App("demo");
        var ns = app.AddNamespace("demo");
        return (app, ns, ns.AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithPort("http", 8080));
    }

    private static Container SidecarOf(Deployment deployment)
    {
        Container? sidecar = null;
        deployment.WithSidecar("proxy", "ghcr.io/acme/proxy:1.0.0", c => sidecar = c);
        return sidecar!;
    }

    private static string Describe(MethodBase method, ParameterInfo parameter) =>
        $"{method.DeclaringType!.Name}.{(method is ConstructorInfo ? "ctor" : method.Name)}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))}) {parameter.Name}";
}
