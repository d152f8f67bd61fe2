#!/usr/bin/env bash
# Measures what the SecureManifests analyzers add to `dotnet build`.
#
# Generates a 500-file project that uses the SDK and raw k8s.Models heavily (every file builds a pod with
# raw models, an RBAC rule and an SDK app; every 10th file also has an insecure capability set), compiles it (rebuild of that
# project only, dependencies built once up front) with -p:RunAnalyzers=false and with the analyzers
# (-p:ReportAnalyzer=true), interleaving the two so machine load drifts affect both alike, and prints the
# median of 3 runs each and the overhead in percent (target: <= 3% above the floor, see below). The generated project turns off the
# .NET SDK's own CA analyzers, so the difference is the SecureManifests analyzers alone. A third build per run
# uses an empty analyzer instead of ours: the floor that the Roslyn analyzer driver costs when any analyzer runs.
# A fourth build per run turns the analyzers' syntax screens off (-p:SecureManifestsSyntaxScreen=false), so every
# candidate write is bound: the difference is what the screens save, and whether they pay for themselves.
# Then builds K8sClientOnly, a 500-file project of the shape of an operator or a web API: it references the SDK
# (and so KubernetesClient), calls `IKubernetes` and reads `k8s.Models` in every 10th file, has DTOs with
# property names the analyzers judge (Name, Image, Privileged, ...), but never builds a model or an SDK app.
# Its target: at most 20 ms of SecureManifests analyzer and generator time (ReportAnalyzer, median of the runs).
# Last, a 500-file project with no Kubernetes or SDK types: the analyzers bail out at compilation start.
#
# Every project references the [ManifestApp] generator and its analyzer too (SecureManifests.Generators), as the
# SDK package does; "ours" below is the sum of both assemblies' ReportAnalyzer times.
#
# Usage: tests/perf/analyzer-overhead.sh [files=500] [runs=3]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
files="${1:-500}"
runs="${2:-3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/sm-analyzer-perf.XXXXXX")"
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

write_project() { # dir, with_sdk
  local dir="$1" with_sdk="$2"
  mkdir -p "$dir"
  {
    echo '<Project Sdk="Microsoft.NET.Sdk">'
    echo '  <PropertyGroup>'
    echo '    <TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings>'
    echo '    <EnableNETAnalyzers>false</EnableNETAnalyzers><TreatWarningsAsErrors>false</TreatWarningsAsErrors>'
    echo '    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally><NoWarn>$(NoWarn);CS8618;CS1591</NoWarn>'
    echo '  </PropertyGroup>'
    echo '  <ItemGroup>'
    echo '    <CompilerVisibleProperty Include="SecureManifestsSyntaxScreen" />'
    if [ "$with_sdk" = yes ]; then
      echo "    <ProjectReference Include=\"$repo/src/SecureManifests/SecureManifests.csproj\" />"
    fi
    # -p:FloorAnalyzer=true swaps our analyzers for one that registers only an empty compilation-start action.
    echo "    <ProjectReference Condition=\"'\$(FloorAnalyzer)' != 'true'\" Include=\"$repo/analyzers/SecureManifests.Analyzers/SecureManifests.Analyzers.csproj\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />"
    echo "    <ProjectReference Condition=\"'\$(FloorAnalyzer)' != 'true'\" Include=\"$repo/analyzers/SecureManifests.Generators/SecureManifests.Generators.csproj\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />"
    echo "    <ProjectReference Condition=\"'\$(FloorAnalyzer)' == 'true'\" Include=\"$work/FloorAnalyzer/FloorAnalyzer.csproj\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />"
    echo '  </ItemGroup>'
    echo '</Project>'
  } > "$dir/$(basename "$dir").csproj"
  printf 'root = true\n[*.cs]\ndotnet_analyzer_diagnostic.category-SecureManifests.severity = warning\n' > "$dir/.editorconfig"
}

# The floor: an analyzer that does nothing but register an empty compilation-start action (what ours do in
# a project without Kubernetes types). Whatever it costs is the Roslyn analyzer driver's own price for running
# any analyzer at all, which no analyzer can go below.
write_floor_analyzer() { # dir
  local dir="$1"
  mkdir -p "$dir"
  cat > "$dir/FloorAnalyzer.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>netstandard2.0</TargetFramework><LangVersion>latest</LangVersion><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <IsRoslynComponent>true</IsRoslynComponent><EnableNETAnalyzers>false</EnableNETAnalyzers><NoWarn>$(NoWarn);RS1012;RS1036;RS2008</NoWarn>
  </PropertyGroup>
  <ItemGroup><PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="4.14.0" PrivateAssets="all" /></ItemGroup>
</Project>
XML
  cat > "$dir/FloorAnalyzer.cs" <<'CS'
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("FLOOR0001", "floor", "floor", "Floor", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(_ => { });
    }
}
CS
}

generate_kubernetes_file() { # index
  local i="$1"
  cat <<CS
using System.Collections.Generic;
using k8s.Models;
using SecureManifests;
using SecureManifests.Defaults;
using SecureManifests.Model;

namespace Generated;

public static class Workload$i
{
    private const string Registry = "registry.example.com/team$i";

    public static V1Pod Pod()
    {
        var tag = "1.$i.0";
        var pod = new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta { Name = "pod-$i", NamespaceProperty = "ns-$i", Labels = new Dictionary<string, string> { ["app"] = "a$i" } },
            Spec = new V1PodSpec
            {
                AutomountServiceAccountToken = false,
                ServiceAccountName = "sa-$i",
                HostNetwork = false,
                SecurityContext = new V1PodSecurityContext { RunAsNonRoot = true, RunAsUser = 10001, SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" } },
                Containers = new List<V1Container>
                {
                    new V1Container
                    {
                        Name = "main",
                        Image = \$"{Registry}/api:{tag}",
                        Ports = new List<V1ContainerPort> { new V1ContainerPort { Name = "http", ContainerPort = 8080 } },
                        Env = new List<V1EnvVar> { new V1EnvVar { Name = "LOG_LEVEL", Value = "info" }, new V1EnvVar { Name = "DB_PASSWORD_FILE", Value = "/run/secrets/db" } },
                        SecurityContext = new V1SecurityContext
                        {
                            AllowPrivilegeEscalation = false,
                            Privileged = false,
                            ReadOnlyRootFilesystem = true,
                            Capabilities = new V1Capabilities { Drop = new List<string> { "ALL" }, Add = new List<string> { "NET_BIND_SERVICE" } },
                        },
                        LivenessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/healthz", Port = 8080 } },
                    },
                },
                Volumes = new List<V1Volume> { new V1Volume { Name = "tmp", EmptyDir = new V1EmptyDirVolumeSource() } },
            },
        };
        pod.Spec.HostPID = false;
        pod.Spec.Containers[0].SecurityContext.RunAsUser = 10001 + $i;
        return pod;
    }

    public static V1PolicyRule Rule() => new V1PolicyRule { ApiGroups = new[] { "" }, Resources = new[] { "configmaps" }, Verbs = new[] { "get", "list", "watch" } };

$( [ $((i % 10)) -eq 0 ] && echo '    public static V1Capabilities Insecure() => new V1Capabilities { Drop = new List<string> { "ALL" }, Add = new List<string> { "SYS_ADMIN" } };' )

    public static App Sdk()
    {
        var app = new App("app-$i");
        var ns = app.AddNamespace("ns-$i");
        ns.AddDeployment("api-$i", \$"{Registry}/api:2.$i")
            .WithPort("http", 8080)
            .WithEnv("LOG_LEVEL", "info")
            .WithRunAsUser(10001)
            .WithSidecar("proxy", "envoy:1.31")
            .Allow(Relaxation.WritableRootFilesystem, "legacy app writes to /var/cache");
        ns.AddJob("job-$i", "tools:3.$i").WithEnv("MODE", "batch");
        return app;
    }
}
CS
}

generate_plain_file() { # index
  local i="$1"
  cat <<CS
namespace Plain;

public sealed class Service$i
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public bool Enabled { get; set; } = true;

    public int Add(string key, int value)
    {
        var settings = new Settings$i { Name = "s$i", Retries = 3, Enabled = true, Tags = new List<string> { "a", "b" } };
        _counts[key] = _counts.TryGetValue(key, out var current) ? current + value : value;
        Enabled = settings.Enabled && value > $i % 7;
        return _counts[key] + settings.Retries;
    }
}

public sealed class Settings$i
{
    public string Name { get; set; } = "";
    public int Retries { get; set; }
    public bool Enabled { get; set; }
    public List<string> Tags { get; set; } = new();
}
CS
}

# An operator or a web API: IKubernetes calls, k8s.Models read in every 10th file, CRD-like DTOs whose property
# names the analyzers judge (Name, Image, Privileged, Namespace), and no model or SDK object built anywhere.
generate_client_file() { # index
  local i="$1"
  cat <<CS
using k8s;
$( [ $((i % 10)) -eq 0 ] && echo 'using k8s.Models;' )
$( [ $((i % 50)) -eq 0 ] && echo 'using SecureManifests.Rules;' )

namespace Operator;

public sealed class WorkerSpec$i
{
    public string Name { get; set; } = "";
    public string Image { get; set; } = "";
    public string Namespace { get; set; } = "";
    public bool Privileged { get; set; }
    public int Replicas { get; set; }
    public List<string> Args { get; set; } = new();
}

public sealed class Watcher$i
{
    private const string DefaultImage = "registry.example.com/worker:1.$i";
    private readonly IKubernetes _client;
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public Watcher$i(IKubernetes client) => _client = client;

    public string Namespace { get; set; } = "team-$i";

    public WorkerSpec$i Desired(string name)
    {
        var spec = new WorkerSpec$i { Name = name, Image = DefaultImage, Namespace = Namespace, Privileged = false, Replicas = 2 };
        spec.Args = new List<string> { "--verbose", "--port=80$((i % 10))" };
        spec.Replicas = spec.Replicas + $i % 3;
        return spec;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var pods = await _client.CoreV1.ListNamespacedPodAsync(Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var pod in pods.Items)
        {
            var name = pod.Metadata.Name;
            _seen[name] = _seen.TryGetValue(name, out var count) ? count + 1 : 1;
        }

        return pods.Items.Count;
    }
$( [ $((i % 10)) -eq 0 ] && echo '
    public static string Describe(V1Pod pod) => pod.Metadata.Name + "/" + pod.Status?.Phase + "/" + (pod.Spec?.Containers?.Count ?? 0);' )
$( [ $((i % 50)) -eq 0 ] && echo '
    public static int Rules() => RuleCatalog.All.Count;' )
}
CS
}

echo "== generating $files files (SDK + k8s.Models), $files files (KubernetesClient calls, no objects) and $files files (no Kubernetes types) in $work"
write_floor_analyzer "$work/FloorAnalyzer"
write_project "$work/K8sHeavy" yes
write_project "$work/NoKubernetes" no
write_project "$work/K8sClientOnly" yes
for i in $(seq 1 "$files"); do
  generate_kubernetes_file "$i" > "$work/K8sHeavy/Workload$i.cs"
  generate_plain_file "$i" > "$work/NoKubernetes/Service$i.cs"
  generate_client_file "$i" > "$work/K8sClientOnly/Watcher$i.cs"
done

echo "== restoring and building dependencies once"
dotnet build "$work/K8sHeavy/K8sHeavy.csproj" -c Release -v:q -nologo > "$work/warmup.log" 2>&1 || { cat "$work/warmup.log"; exit 1; }
dotnet build "$work/NoKubernetes/NoKubernetes.csproj" -c Release -v:q -nologo > "$work/warmup2.log" 2>&1 || { cat "$work/warmup2.log"; exit 1; }
dotnet build "$work/K8sHeavy/K8sHeavy.csproj" -c Release -v:q -nologo -p:FloorAnalyzer=true > "$work/warmup3.log" 2>&1 || { cat "$work/warmup3.log"; exit 1; }
dotnet build "$work/K8sClientOnly/K8sClientOnly.csproj" -c Release -v:q -nologo > "$work/warmup4.log" 2>&1 || { cat "$work/warmup4.log"; exit 1; }

# One compile of the generated project only. The compiler runs in the build's own process tree
# (UseSharedCompilation=false), so the CPU time below is the compiler's and the analyzers' own, which
# other load on a shared machine disturbs far less than the wall-clock time. Both modes log at -v:d (the
# verbosity at which MSBuild prints the ReportAnalyzer table), so logging costs the same on both sides.
# Prints "wall cpu".
timed_build() { # project, log, extra args...
  local project="$1" log="$2"; shift 2
  local TIMEFORMAT='%R %U %S'
  { time dotnet build "$project" -c Release --no-dependencies --no-incremental --no-restore -nologo -p:UseSharedCompilation=false "$@" > "$log" 2>&1 ; } 2> "$log.time" || { cat "$log" >&2; exit 1; }
  awk '{ printf "%.3f %.3f", $1, $2 + $3 }' "$log.time"
}

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) printf "%.3f", a[(NR + 1) / 2]; else printf "%.3f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
percent() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.1f", (b - a) / a * 100 }'; }

# Our analyzer and generator times in one build log (-p:ReportAnalyzer=true at -v:d), in ms: one line per analyzer
# or generator type ("RawModelAnalyzer 12"), then "ours N", the sum of the SecureManifests.Analyzers and
# SecureManifests.Generators assemblies in the analyzer table and in the generator table. Roslyn prints times in
# seconds with three decimals, and "<0.001" below that (counted as 0).
analyzer_times() { # log
  sed -E 's/^ *[0-9]+>//' "$1" | awk '
    /Total analyzer execution time/ { section = "analyzer"; next }
    /Total generator execution time/ { section = "generator"; next }
    section != "" && NF >= 3 && ($1 ~ /^[0-9.]+$/ || $1 == "<0.001") {
      ms = ($1 == "<0.001") ? 0 : $1 * 1000
      if ($3 ~ /^SecureManifests\.(Analyzers|Generators),$/ && !seen[section "|" $3]++) { ours += ms }
      else if ($3 ~ /^SecureManifests\.(Analyzers|Generators)(\.[A-Za-z]+)+$/ && !seen[section "|" $3]++) { n = split($3, part, "."); times[part[n]] += ms }
    }
    END { for (t in times) printf "%s %.0f\n", t, times[t]; printf "ours %.0f\n", ours }' | sort
}

# The median over the runs' logs of each line of analyzer_times, "name median-ms" per line.
median_times() { # logs...
  local log
  for log in "$@"; do analyzer_times "$log"; done | sort -k1,1 -k2,2g | awk '
    { values[$1] = values[$1] " " $2; count[$1]++ }
    END { for (k in values) { n = split(substr(values[k], 2), v, " "); printf "%s %.0f\n", k, (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 } }' | sort
}

echo "== $runs interleaved rounds: K8sHeavy ($files files) four ways, then K8sClientOnly ($files files) with the analyzers"
wall_off=(); wall_on=(); cpu_off=(); cpu_on=(); wall_floor=(); cpu_floor=(); wall_bound=(); cpu_bound=(); client_logs=()
for r in $(seq 1 "$runs"); do
  read -r w_off c_off <<<"$(timed_build "$work/K8sHeavy/K8sHeavy.csproj" "$work/off-$r.log" -p:RunAnalyzers=false -v:d)"
  read -r w_floor c_floor <<<"$(timed_build "$work/K8sHeavy/K8sHeavy.csproj" "$work/floor-$r.log" -p:RunAnalyzers=true -p:FloorAnalyzer=true -p:ReportAnalyzer=true -v:d)"
  read -r w_on c_on <<<"$(timed_build "$work/K8sHeavy/K8sHeavy.csproj" "$work/on-$r.log" -p:RunAnalyzers=true -p:ReportAnalyzer=true -v:d)"
  read -r w_bound c_bound <<<"$(timed_build "$work/K8sHeavy/K8sHeavy.csproj" "$work/bound-$r.log" -p:RunAnalyzers=true -p:ReportAnalyzer=true -p:SecureManifestsSyntaxScreen=false -v:d)"
  read -r w_client c_client <<<"$(timed_build "$work/K8sClientOnly/K8sClientOnly.csproj" "$work/client-$r.log" -p:RunAnalyzers=true -p:ReportAnalyzer=true -v:d)"
  echo "   run $r: RunAnalyzers=false ${w_off}s wall, ${c_off}s cpu   empty analyzer ${w_floor}s wall, ${c_floor}s cpu   with analyzers ${w_on}s wall, ${c_on}s cpu   screens off ${w_bound}s wall, ${c_bound}s cpu   K8sClientOnly ${w_client}s wall, ours $(analyzer_times "$work/client-$r.log" | awk '$1 == "ours" { print $2 }') ms"
  wall_off+=("$w_off"); wall_on+=("$w_on"); cpu_off+=("$c_off"); cpu_on+=("$c_on"); wall_floor+=("$w_floor"); cpu_floor+=("$c_floor"); wall_bound+=("$w_bound"); cpu_bound+=("$c_bound")
  client_logs+=("$work/client-$r.log")
done
mw_off=$(median "${wall_off[@]}"); mw_on=$(median "${wall_on[@]}"); mw_floor=$(median "${wall_floor[@]}")
mc_off=$(median "${cpu_off[@]}"); mc_on=$(median "${cpu_on[@]}"); mc_floor=$(median "${cpu_floor[@]}")
mw_bound=$(median "${wall_bound[@]}"); mc_bound=$(median "${cpu_bound[@]}")
on_logs=(); bound_logs=()
for r in $(seq 1 "$runs"); do on_logs+=("$work/on-$r.log"); bound_logs+=("$work/bound-$r.log"); done
echo
echo "median without analyzers (-p:RunAnalyzers=false): ${mw_off}s wall, ${mc_off}s cpu"
echo "median empty analyzer    (-p:FloorAnalyzer=true): ${mw_floor}s wall, ${mc_floor}s cpu"
echo "median with analyzers    (-p:ReportAnalyzer=true): ${mw_on}s wall, ${mc_on}s cpu"
echo "median screens off       (-p:SecureManifestsSyntaxScreen=false): ${mw_bound}s wall, ${mc_bound}s cpu"
echo "floor (driver cost of any analyzer): $(percent "$mw_off" "$mw_floor")% wall, $(percent "$mc_off" "$mc_floor")% cpu"
echo "K8sHeavy overhead above the floor: $(percent "$mw_floor" "$mw_on")% wall, $(percent "$mc_floor" "$mc_on")% cpu (target <= 3%)"
echo "K8sHeavy overhead above RunAnalyzers=false: $(percent "$mw_off" "$mw_on")% wall, $(percent "$mc_off" "$mc_on")% cpu"
echo "K8sHeavy overhead above the floor with the screens off: $(percent "$mw_floor" "$mw_bound")% wall, $(percent "$mc_floor" "$mc_bound")% cpu"
echo
echo "== ReportAnalyzer, SecureManifests analyzers and generator, ms, median of $runs runs"
echo "K8sHeavy, screens on:"
median_times "${on_logs[@]}" | sed 's/^/   /'
echo "K8sHeavy, screens off:"
median_times "${bound_logs[@]}" | sed 's/^/   /'
echo "K8sClientOnly (KubernetesClient and the SDK referenced, no objects built):"
median_times "${client_logs[@]}" | sed 's/^/   /'
echo "K8sClientOnly ours: $(median_times "${client_logs[@]}" | awk '$1 == "ours" { print $2 }') ms (target <= 20 ms)"
echo "K8sHeavy total analyzer time, all analyzers (last run): $(grep -m1 -E 'Total analyzer execution time' "$work/on-$runs.log" | sed -E 's/^ *[0-9]*>? *//')"
# MSBuild prints each warning twice at -v:d (once with the node prefix "1>"): count them once.
echo "SecureManifests findings in K8sHeavy: $(grep -E 'warning SM[0-9]{4}' "$work/on-$runs.log" | sed -E 's/^ *[0-9]+>//; s/^ *//' | sort -u | wc -l) (expected: SM1005 + SM1006 in every 10th file)"
echo "SecureManifests findings in K8sClientOnly: $(grep -E '(warning|error) SM[0-9]{4}' "$work/client-$runs.log" | sed -E 's/^ *[0-9]+>//; s/^ *//' | sort -u | wc -l) (expected: 0)"

echo
echo "== ReportAnalyzer, NoKubernetes ($files files, no Kubernetes or SDK types)"
read -r pw_off pc_off <<<"$(timed_build "$work/NoKubernetes/NoKubernetes.csproj" "$work/plain-off.log" -p:RunAnalyzers=false -v:d)"
read -r pw_on pc_on <<<"$(timed_build "$work/NoKubernetes/NoKubernetes.csproj" "$work/plain.log" -p:RunAnalyzers=true -p:ReportAnalyzer=true -v:d)"
echo "one build each: RunAnalyzers=false ${pw_off}s wall, ${pc_off}s cpu; with analyzers ${pw_on}s wall, ${pc_on}s cpu"
analyzer_times "$work/plain.log" | sed 's/^/   /'
