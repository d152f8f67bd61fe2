#!/usr/bin/env bash
# Issue 11, deliverable 1: hostile inputs that used to hang `secure-manifests lint` (YamlDotNet's scanner is quadratic
# in flow-nesting depth, and after an undefined alias the depth limit stopped applying). Times the whole process per
# case and prints every run and the median; each case must be refused (exit 2) with one error line.
# Usage: tests/perf/reader-hostile.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
dotnet build src/SecureManifests.Cli -c Release -v q -nologo >/dev/null
tool=src/SecureManifests.Cli/bin/Release/net10.0/secure-manifests.dll
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
def write(name, text): open(f"{w}/{name}", "w").write(text)
# The issue's reproducer and its larger variants; 4 MB is about 2,000,000 levels.
write("alias-80k.yaml", "a: *x\nb: " + "[" * 80000 + "]" * 80000 + "\n")
write("alias-320k.yaml", "a: *x\nb: " + "[" * 320000 + "]" * 320000 + "\n")
write("alias-4mb.yaml", "a: *x\nb: " + "[" * 2000000 + "]" * 2000000 + "\n")
write("duplicate-key-320k.yaml", "a: 1\na: 2\nb: " + "[" * 320000 + "]" * 320000 + "\n")
write("deep-80k.yaml", "b: " + "[" * 80000 + "]" * 80000 + "\n")
write("deep-320k.yaml", "b: " + "[" * 320000 + "]" * 320000 + "\n")
write("deep-4mb.yaml", "b: " + "[" * 2000000 + "]" * 2000000 + "\n")
write("deep-mappings-4mb.yaml", "b: " + "{a: " * 1000000 + "1" + "}" * 1000000 + "\n")
PY
# The floor: a valid one-object file, so the refusals can be read against process start-up.
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: n}\ndata: {a: b}\n' >"$work/baseline.yaml"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for case in baseline alias-80k alias-320k alias-4mb duplicate-key-320k deep-80k deep-320k deep-4mb deep-mappings-4mb; do
  file="$work/$case.yaml"
  times=()
  for i in $(seq "$runs"); do
    start=$(date +%s%N)
    set +e
    dotnet "$tool" lint "$file" >"$work/out" 2>"$work/err"
    code=$?
    set -e
    end=$(date +%s%N)
    expected=2
    [ "$case" = baseline ] && expected=0
    if [ "$code" -ne "$expected" ]; then
      echo "$case: exit $code, expected $expected:" >&2
      cat "$work/err" >&2
      exit 1
    fi
    times+=("$(( (end - start) / 1000000 ))")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-20s %6d KiB  median %5d ms  runs: %s  | %s\n' "$case" "$(( $(stat -c %s "$file") / 1024 ))" "$median" "${times[*]}" \
    "$(head -n 1 "$work/err" | sed "s|$work/||")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
