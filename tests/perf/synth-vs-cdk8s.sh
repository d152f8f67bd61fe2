#!/usr/bin/env bash
# Whole-process synth against cdk8s (issue 13, target: ours at <= 0.35x cdk8s's time).
# Installs cdk8s, cdk8s-plus-33 and constructs from npm into a temporary folder (a package restore, the only network
# use), writes the equivalent cdk8s app (N Deployments, each exposed by a Service, over ten namespaces) and times both
# from process start to YAML on disk, interleaved in one loop so a busy moment of the shared machine hits both alike.
# Ours is the benchmark workload (tests/SecureManifests.Benchmarks LargeApp: each Deployment also gets its
# ServiceAccount and NetworkPolicy, and every object is checked) in the single-file layout.
# Prints every run, the medians and the ratio ours/cdk8s.
# With r2r as third argument it also times the same app with every assembly ReadyToRun-compiled (dotnet publish
# -p:PublishReadyToRun=true, about two minutes of crossgen first): what is left when no method is JIT-compiled at start.
# Usage: tests/perf/synth-vs-cdk8s.sh [RUNS] [N] [r2r]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
count=${2:-1000}
r2r=${3:-}
dotnet build tests/SecureManifests.Benchmarks -c Release -m:1 -v q -nologo >/dev/null
dll=$PWD/tests/SecureManifests.Benchmarks/bin/Release/net10.0/SecureManifests.Benchmarks.dll
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ "$r2r" = r2r ]; then
  # The benchmarks reference the CLI, which is native (self-contained) once a runtime is named: not what is timed here.
  dotnet publish tests/SecureManifests.Benchmarks -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -p:ValidateExecutableReferencesMatchSelfContained=false \
    -o "$work/r2r" -m:1 -v q -nologo >/dev/null
fi

(cd "$work" && npm init -y >/dev/null &&
  npm install --no-audit --no-fund --loglevel=error --save-exact cdk8s@2.70.106 cdk8s-plus-33@2.5.57 constructs@10.8.1 >/dev/null)
cat > "$work/main.js" <<'JS'
// N Deployments, each exposed by a Service, over ten namespaces: the same workload as our LargeApp.
const { App, Chart } = require("cdk8s");
const kplus = require("cdk8s-plus-33");
const [outdir, count] = [process.argv[2], Number(process.argv[3])];
const app = new App({ outdir });
const chart = new Chart(app, "large");
for (let i = 0; i < count; i++) {
  const deployment = new kplus.Deployment(chart, `service-${i}`, {
    metadata: { namespace: `team-${i % 10}` },
    containers: [{ image: `ghcr.io/acme/service-${i}:1.0.${i}`, portNumber: 8080 }],
  });
  deployment.exposeViaService({ ports: [{ port: 8080 }] });
}
app.synth();
JS

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
elapsed_ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
ours=() theirs=() ready=()
for i in $(seq "$runs"); do
  rm -rf "$work/ours" "$work/theirs" "$work/ready"
  ours+=("$(elapsed_ms dotnet "$dll" synth-process "$work/ours" "$count" single-file)")
  theirs+=("$(elapsed_ms node "$work/main.js" "$work/theirs" "$count")")
  if [ "$r2r" = r2r ]; then
    ready+=("$(elapsed_ms dotnet "$work/r2r/SecureManifests.Benchmarks.dll" synth-process "$work/ready" "$count" single-file)")
  fi
done
# Objects written (a document's top-level kind), the kustomization that our layout adds left out.
count_objects() { find "$1" -name '*.yaml' ! -name kustomization.yaml -exec cat {} + | grep -c '^kind:' || true; }
ours_objects=$(count_objects "$work/ours")
theirs_objects=$(count_objects "$work/theirs")
m_ours=$(median "${ours[@]}")
m_theirs=$(median "${theirs[@]}")
echo "ours:  $count Deployments, $ours_objects objects: median ${m_ours} ms over $runs runs (${ours[*]})"
echo "cdk8s: $count Deployments, $theirs_objects objects: median ${m_theirs} ms over $runs runs (${theirs[*]})"
awk -v a="$m_ours" -v b="$m_theirs" 'BEGIN { printf "ratio ours/cdk8s: %.2f (target <= 0.35)\n", a / b }'
if [ "$r2r" = r2r ]; then
  m_ready=$(median "${ready[@]}")
  echo "ours, every assembly ReadyToRun: median ${m_ready} ms over $runs runs (${ready[*]})"
  awk -v a="$m_ready" -v b="$m_theirs" 'BEGIN { printf "ratio ours ReadyToRun/cdk8s: %.2f\n", a / b }'
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
