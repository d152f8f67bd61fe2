#!/usr/bin/env bash
# Whole-process start-up of the CLI: `secure-manifests --version` and `lint` of a small folder (one secure fixture per
# rule of tests/fixtures/rules), from process start to exit, for the native tool (installed from its packages by
# tests/tools/install-native-tool.sh into .tools/native) and the framework-dependent tool (`dotnet secure-manifests.dll`,
# the "any" package). The commands are interleaved in one loop, so a busy moment of the shared machine hits all of them
# alike; the figure is the median of RUNS runs per command, with the ratio native/managed.
# Given OTHER (a folder holding another secure-manifests.dll, e.g. an older build), it is timed in the same loop too.
# Usage: tests/perf/cli-startup.sh [RUNS] [OTHER]      (target: native lint of the small folder <= 150 ms)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}
other=${2:-}
dotnet build src/SecureManifests.Cli -c Release -m:1 -v q -nologo >/dev/null
[ -x .tools/native/secure-manifests ] || bash tests/tools/install-native-tool.sh >/dev/null
names=("native" "managed")
commands_of=(".tools/native/secure-manifests" "dotnet src/SecureManifests.Cli/bin/Release/net10.0/secure-manifests.dll")
if [ -n "$other" ]; then
  [ -f "$other/secure-manifests.dll" ] || { echo "$other/secure-manifests.dll does not exist" >&2; exit 2; }
  names+=("other")
  commands_of+=("dotnet $other/secure-manifests.dll")
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/small"
for fixture in tests/fixtures/rules/*/secure.yaml; do
  cp "$fixture" "$work/small/$(basename "$(dirname "$fixture")").yaml"
done
echo "lint input: $(find "$work/small" -type f | wc -l) files; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# time_ms TOOL-COMMAND ARGS...: the wall time of one run in ms; exits 0 and 1 are verdicts, anything else a failed run.
time_ms() {
  local tool=$1
  shift
  local start end code
  start=$(date +%s%N)
  set +e
  $tool "$@" >"$work/out" 2>"$work/err"
  code=$?
  set -e
  end=$(date +%s%N)
  if [ "$code" -gt 1 ]; then
    echo "$tool $* failed with exit $code:" >&2
    cat "$work/err" >&2
    exit 1
  fi
  echo $(( (end - start) / 1000000 ))
}

declare -A samples
commands=("version" "lint")
# One warm-up run each: the first start after a build pays for the disk cache, not for the tool.
for t in "${!names[@]}"; do
  time_ms "${commands_of[$t]}" --version >/dev/null
  time_ms "${commands_of[$t]}" lint "$work/small" --namespace perf >/dev/null
done
for i in $(seq "$runs"); do
  for t in "${!names[@]}"; do
    samples[$t,version]+="$(time_ms "${commands_of[$t]}" --version) "
    samples[$t,lint]+="$(time_ms "${commands_of[$t]}" lint "$work/small" --namespace perf) "
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A medians
for t in "${!names[@]}"; do
  for c in "${commands[@]}"; do
    medians[$t,$c]=$(echo "${samples[$t,$c]}" | median)
    echo "${names[$t]} (${commands_of[$t]}): $c: median ${medians[$t,$c]} ms over $runs runs (${samples[$t,$c]% })"
  done
done
for c in "${commands[@]}"; do
  awk -v a="${medians[0,$c]}" -v b="${medians[1,$c]}" -v c="$c" 'BEGIN { printf "%s: native/managed %.2f\n", c, a / b }'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
