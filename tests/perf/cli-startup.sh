#!/usr/bin/env bash
# Whole-process start-up of the CLI: `secure-manifests --version` and `lint` of a small folder (one secure fixture per
# rule of tests/fixtures/rules), from process start to exit, run with `dotnet secure-manifests.dll` as an installed
# tool starts. The commands are interleaved in one loop, so a busy moment of the shared machine hits all of them
# alike; the figure is the median of RUNS runs per command.
# Given a second built tool (OTHER, the folder holding another secure-manifests.dll, e.g. a copy of an older build),
# it is timed in the same loop, so before/after figures come from the same minutes.
# Usage: tests/perf/cli-startup.sh [RUNS] [OTHER]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}
other=${2:-}
dotnet build src/SecureManifests.Cli -c Release -m:1 -v q -nologo >/dev/null
tools=("src/SecureManifests.Cli/bin/Release/net10.0")
if [ -n "$other" ]; then
  [ -f "$other/secure-manifests.dll" ] || { echo "$other/secure-manifests.dll does not exist" >&2; exit 2; }
  tools+=("$other")
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/small"
for fixture in tests/fixtures/rules/*/secure.yaml; do
  cp "$fixture" "$work/small/$(basename "$(dirname "$fixture")").yaml"
done
echo "lint input: $(find "$work/small" -type f | wc -l) files; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# time_ms TOOL ARGS...: the wall time of one run in ms; exits 0 and 1 are verdicts, anything else is a failed run.
time_ms() {
  local tool=$1
  shift
  local start end code
  start=$(date +%s%N)
  set +e
  dotnet "$tool/secure-manifests.dll" "$@" >"$work/out" 2>"$work/err"
  code=$?
  set -e
  end=$(date +%s%N)
  if [ "$code" -gt 1 ]; then
    echo "dotnet $tool/secure-manifests.dll $* failed with exit $code:" >&2
    cat "$work/err" >&2
    exit 1
  fi
  echo $(( (end - start) / 1000000 ))
}

declare -A samples
commands=("version" "lint")
# One warm-up run each: the first start after a build pays for the disk cache, not for the tool.
for t in "${!tools[@]}"; do
  time_ms "${tools[$t]}" --version >/dev/null
  time_ms "${tools[$t]}" lint "$work/small" --namespace perf >/dev/null
done
for i in $(seq "$runs"); do
  for t in "${!tools[@]}"; do
    samples[$t,version]+="$(time_ms "${tools[$t]}" --version) "
    samples[$t,lint]+="$(time_ms "${tools[$t]}" lint "$work/small" --namespace perf) "
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for t in "${!tools[@]}"; do
  for c in "${commands[@]}"; do
    echo "${tools[$t]}: $c: median $(echo "${samples[$t,$c]}" | median) ms over $runs runs (${samples[$t,$c]% })"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
