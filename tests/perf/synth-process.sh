#!/usr/bin/env bash
# Whole-process synth timing: 1,000 Deployments (+ Service, ServiceAccount, NetworkPolicy each) from process
# start to files on disk. Prints every run and the median. Usage: tests/perf/synth-process.sh [RUNS] [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
count=${2:-1000}
dotnet build tests/SecureManifests.Benchmarks -c Release -v q -nologo >/dev/null
dll=tests/SecureManifests.Benchmarks/bin/Release/net10.0/SecureManifests.Benchmarks.dll
out=$(mktemp -d)
times=()
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  dotnet "$dll" synth-process "$out/manifests" "$count" >/dev/null
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
files=$(find "$out/manifests" -type f | wc -l)
echo "whole process, $count Deployments, $files files: median ${median} ms over $runs runs"
rm -rf "$out"
