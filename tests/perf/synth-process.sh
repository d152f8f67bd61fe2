#!/usr/bin/env bash
# Whole-process synth timing: N Deployments (+ Service, ServiceAccount, NetworkPolicy each) from process start to
# files on disk, for each output layout. Prints every run and the median per layout.
# Usage: tests/perf/synth-process.sh [RUNS] [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
count=${2:-1000}
dotnet build tests/SecureManifests.Benchmarks -c Release -v q -nologo >/dev/null
dll=tests/SecureManifests.Benchmarks/bin/Release/net10.0/SecureManifests.Benchmarks.dll
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for layout in single-file per-namespace per-object; do
  times=()
  for i in $(seq "$runs"); do
    rm -rf "$out/manifests"
    start=$(date +%s%N)
    dotnet "$dll" synth-process "$out/manifests" "$count" "$layout" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  files=$(find "$out/manifests" -type f | wc -l)
  echo "$layout: $count Deployments, $files files: median ${median} ms over $runs runs (${times[*]})"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
