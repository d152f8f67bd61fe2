#!/usr/bin/env bash
# Whole-process lint timing: `secure-manifests lint` over one 10,000-document workload file, from process start to
# exit (startup, JIT, read, evaluate, format, write). Prints every run, the median, documents per second, peak memory
# of the median run, and the load average (the machine is shared: compare medians, not single runs).
# Usage: tests/perf/lint-process.sh [RUNS] [DOCUMENTS] [FORMAT]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
count=${2:-10000}
format=${3:-text}
dotnet build src/SecureManifests.Cli -c Release -v q -nologo >/dev/null
dotnet build tests/SecureManifests.Benchmarks -c Release -v q -nologo >/dev/null
tool=src/SecureManifests.Cli/bin/Release/net10.0/secure-manifests.dll
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet tests/SecureManifests.Benchmarks/bin/Release/net10.0/SecureManifests.Benchmarks.dll lint-workload "$work/workload.yaml" "$count"
echo "input: $count documents, $(( $(stat -c %s "$work/workload.yaml") / 1024 )) KiB; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
times=()
peaks=()
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  set +e
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -q -f "%M" -o "$work/peak" dotnet "$tool" lint "$work/workload.yaml" --format "$format" >"$work/out" 2>"$work/err"
  else
    dotnet "$tool" lint "$work/workload.yaml" --format "$format" >"$work/out" 2>"$work/err"
  fi
  code=$?
  set -e
  end=$(date +%s%N)
  # 0 and 1 are verdicts; anything else means the run itself failed and its time means nothing.
  if [ "$code" -gt 1 ]; then
    echo "run $i failed with exit $code:" >&2
    cat "$work/err" >&2
    exit 1
  fi
  ms=$(( (end - start) / 1000000 ))
  peak=$( [ -f "$work/peak" ] && echo "$(( $(cat "$work/peak") / 1024 )) MB" || echo "n/a")
  times+=("$ms")
  peaks+=("$ms $peak")
  echo "run $i: ${ms} ms, peak RSS ${peak}, $(tail -n 1 "$work/err")"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "whole process, $count documents, --format $format: median ${median} ms over $runs runs = $(( count * 1000 / median )) documents/s; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
