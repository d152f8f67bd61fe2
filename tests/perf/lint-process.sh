#!/usr/bin/env bash
# Whole-process lint timing: `secure-manifests lint` over one 10,000-document workload file, from process start to
# exit (startup, read, evaluate, format, write), for the native tool (.tools/native, installed from its packages by
# tests/tools/install-native-tool.sh) and the framework-dependent tool, interleaved in one loop. Prints every run, the
# median, documents per second and peak memory of each, and the load average (the machine is shared: compare medians,
# not single runs). Target (issue 13): >= 12,000 documents/s for the native tool at 10,000 documents.
# Usage: tests/perf/lint-process.sh [RUNS] [DOCUMENTS] [FORMAT]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
count=${2:-10000}
format=${3:-text}
dotnet build src/SecureManifests.Cli -c Release -v q -nologo >/dev/null
dotnet build tests/SecureManifests.Benchmarks -c Release -v q -nologo >/dev/null
[ -x .tools/native/secure-manifests ] || bash tests/tools/install-native-tool.sh >/dev/null
names=("native" "managed")
commands_of=(".tools/native/secure-manifests" "dotnet src/SecureManifests.Cli/bin/Release/net10.0/secure-manifests.dll")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet tests/SecureManifests.Benchmarks/bin/Release/net10.0/SecureManifests.Benchmarks.dll lint-workload "$work/workload.yaml" "$count"
echo "input: $count documents, $(( $(stat -c %s "$work/workload.yaml") / 1024 )) KiB; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A times peaks
for i in $(seq "$runs"); do
  for t in "${!names[@]}"; do
    start=$(date +%s%N)
    set +e
    /usr/bin/time -q -f "%M" -o "$work/peak" ${commands_of[$t]} lint "$work/workload.yaml" --format "$format" >"$work/out" 2>"$work/err"
    code=$?
    set -e
    end=$(date +%s%N)
    # 0 and 1 are verdicts; anything else means the run itself failed and its time means nothing.
    if [ "$code" -gt 1 ]; then
      echo "${names[$t]} run $i failed with exit $code:" >&2
      cat "$work/err" >&2
      exit 1
    fi
    ms=$(( (end - start) / 1000000 ))
    times[$t]+="$ms "
    peaks[$t]+="$(( $(cat "$work/peak") / 1024 )) "
    echo "${names[$t]} run $i: ${ms} ms, peak RSS $(( $(cat "$work/peak") / 1024 )) MB, $(tail -n 1 "$work/err")"
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for t in "${!names[@]}"; do
  m=$(echo "${times[$t]}" | median)
  echo "${names[$t]}: $count documents, --format $format: median ${m} ms over $runs runs = $(( count * 1000 / m )) documents/s, median peak RSS $(echo "${peaks[$t]}" | median) MB"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
