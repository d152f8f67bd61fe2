#!/usr/bin/env bash
# Cost of the SecureManifests build step in a consumer's `dotnet build` (a benchmark, not a timed test).
#   no-op:   an incremental build with nothing changed; time spent in our targets, from -clp:PerformanceSummary
#            (budget: <= 100 ms)
#   changed: a build after a source edit that changes the app; median wall time with the step minus median wall
#            time with -p:SecureManifestsEnabled=false, and the synth target's own time (budget: <= 1 s)
# The consumer is a fresh class library with one [ManifestApp] of 200 Deployments (plus their Services, accounts
# and policies), taking SecureManifests from a temporary feed under a run-unique version.
# Usage: tests/perf/build-step.sh [RUNS]      (default 5; prints every run and the medians)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
runs=${1:-5}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_UI_LANGUAGE=en
work=$(mktemp -d)
version="0.1.0-perf.$(date +%Y%m%d%H%M%S).$$"
cleanup() {
  rm -rf "$work" "${NUGET_PACKAGES:-$HOME/.nuget/packages}/securemanifests/$version"
}
[ "${KEEP:-0}" = 1 ] && echo "keeping $work" || trap cleanup EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

echo "packing SecureManifests $version ..."
dotnet pack src/SecureManifests -c Release -o "$work/feed" "-p:Version=$version" -nodeReuse:false -v q -nologo >/dev/null

cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="perf" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="perf"><package pattern="SecureManifests" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"
mkdir -p "$work/Fleet"
cat > "$work/Fleet/Fleet.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="SecureManifests" Version="$version" />
  </ItemGroup>
</Project>
XML
write_app() { # $1: a value baked into the app, so an edit changes both the assembly and the YAML
  cat > "$work/Fleet/FleetApp.cs" <<CS
using SecureManifests;

namespace Fleet;

[ManifestApp]
public sealed class FleetApp : App
{
    public const string Revision = "$1";

    public FleetApp() : base("fleet")
    {
        var ns = AddNamespace("fleet");
        for (var i = 0; i < 200; i++)
        {
            var name = "svc-" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
            ns.AddDeployment(name, "ghcr.io/acme/" + name + ":1.0.0")
                .WithPort("http", 8080)
                .WithEnv("REVISION", Revision)
                .WithResources(cpu: "50m", memory: "64Mi", memoryLimit: "128Mi")
                .Expose();
        }
    }
}
CS
}

build() { dotnet build "$work/Fleet" -nodeReuse:false -nologo -tl:off "$@"; }

write_app 0
echo "first build (restore, compile, synth) ..."
build -v q >/dev/null
files=$(find "$work/Fleet/bin/Debug/net10.0/manifests" -name '*.yaml' | wc -l)
echo "the app writes $files YAML files"

# Our targets' total from the performance summary of one build. SecureManifestsSynthesize runs the synth through
# CallTarget, so its time already includes _SecureManifestsRun and _SecureManifestsFindApps; those are not added.
step_ms() {
  grep -E '^\s+[0-9]+ ms\s+(SecureManifestsSynthesize|SecureManifestsVerify|_SecureManifestsSettings)\s+[0-9]+ calls' |
    awk '{s += $1} END {print s + 0}'
}

echo "no-op builds:"
noop=()
for i in $(seq "$runs"); do
  ms=$(build -v q -clp:PerformanceSummary | step_ms)
  noop+=("$ms"); echo "  run $i: ${ms} ms in SecureManifests targets"
done

echo "changed builds, step enabled:"
with=(); synth=()
for i in $(seq "$runs"); do
  write_app "on-$i"
  start=$(now_ms); out=$(build -v q -clp:PerformanceSummary); end=$(now_ms)
  with+=($((end - start))); synth+=("$(echo "$out" | step_ms)")
  echo "  run $i: ${with[-1]} ms wall, ${synth[-1]} ms in SecureManifests targets"
done

echo "changed builds, step disabled (-p:SecureManifestsEnabled=false):"
without=()
for i in $(seq "$runs"); do
  write_app "off-$i"
  start=$(now_ms); build -v q -p:SecureManifestsEnabled=false >/dev/null; end=$(now_ms)
  without+=($((end - start))); echo "  run $i: ${without[-1]} ms wall"
done

# The synth host alone, exactly as the target starts it: what a changed build adds, without the noise of
# comparing two whole builds on a shared machine.
echo "synth host alone (the target's command line):"
bin="$work/Fleet/bin/Debug/net10.0"
cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
host="$cache/securemanifests/$version/tools/net10.0/any/SecureManifests.SynthHost.dll"
alone=()
for i in $(seq "$runs"); do
  start=$(now_ms)
  dotnet exec --depsfile "$bin/Fleet.deps.json" --runtimeconfig "$bin/Fleet.runtimeconfig.json" \
    --additionalprobingpath "$cache" "$host" --assembly "$bin/Fleet.dll" --output "$work/alone" >/dev/null
  end=$(now_ms)
  alone+=($((end - start))); echo "  run $i: ${alone[-1]} ms"
done

noop_median=$(printf '%s\n' "${noop[@]}" | median)
with_median=$(printf '%s\n' "${with[@]}" | median)
without_median=$(printf '%s\n' "${without[@]}" | median)
synth_median=$(printf '%s\n' "${synth[@]}" | median)
alone_median=$(printf '%s\n' "${alone[@]}" | median)
echo
echo "200 workloads, $files files, medians over $runs runs:"
echo "  no-op build, time in SecureManifests targets: ${noop_median} ms (budget 100 ms)"
echo "  changed build, SecureManifests targets:       ${synth_median} ms (budget 1000 ms)"
echo "  synth host alone:                             ${alone_median} ms"
echo "  changed build wall time: ${with_median} ms with the step, ${without_median} ms without: +$((with_median - without_median)) ms"
