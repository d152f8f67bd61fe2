#!/usr/bin/env bash
# Peak memory of `secure-manifests lint` on many small objects (issue 11): generates the inputs into a temp folder,
# lints each in the three formats side by side, and prints the median peak RSS (from /usr/bin/time -v) and the median
# documents/s of RUNS runs per cell, with json/text and sarif/text ratios and the load average (the machine is
# shared: compare medians). Output goes to /dev/null, so the figures are the tool's, not a pipe's. Not a timed test.
# Inputs:
#   pods-100k      100,000 Pods with labels, a namespace, resources and a security context (about 60 MB)
#   tiny-1m        1,000,000 tiny Pods: name, one container, no namespace (about 116 MB; many findings each)
#   configmaps-1m  1,000,000 ConfigMaps (no finding but SM4001 and the labels rule)
# Usage: tests/perf/lint-memory.sh [RUNS] [INPUT,...]     (default: 3 pods-100k,tiny-1m)
#        TOOL=path/to/secure-manifests.dll tests/perf/lint-memory.sh ...   measures that build (no build step)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
inputs=${2:-pods-100k,tiny-1m}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "${TOOL:-}" ]; then
  if ! dotnet build src/SecureManifests.Cli -c Release -v q -nologo -m:1 >"$work/build" 2>&1; then
    cat "$work/build" >&2
    exit 1
  fi
  TOOL=src/SecureManifests.Cli/bin/Release/net10.0/secure-manifests.dll
fi

generate() {
  case "$1" in
    pods-100k) awk 'BEGIN { for (i = 0; i < 100000; i++) {
        if (i > 0) print "---"
        printf "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-%d\n  namespace: team-%d\n  labels:\n", i, i % 20
        printf "    app.kubernetes.io/name: web-%d\n    app.kubernetes.io/instance: web-%d\n    tier: frontend\n", i, i
        printf "spec:\n  serviceAccountName: web\n  securityContext:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n"
        printf "  containers:\n  - name: web\n    image: registry.example.com/shop/web:1.%d.0\n", i % 50
        printf "    ports:\n    - name: http\n      containerPort: 8080\n"
        printf "    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi\n      limits:\n        memory: 256Mi\n"
        printf "    securityContext:\n      allowPrivilegeEscalation: false\n      readOnlyRootFilesystem: true\n"
        printf "      capabilities:\n        drop: [ALL]\n" } }' ;;
    tiny-1m) awk 'BEGIN { for (i = 0; i < 1000000; i++) {
        printf "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p%07d\nspec:\n  containers:\n  - name: c\n    image: nginx\n", i } }' ;;
    configmaps-1m) awk 'BEGIN { for (i = 0; i < 1000000; i++) {
        printf "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c%07d\ndata:\n  level: info\n", i } }' ;;
    *) echo "unknown input '$1'; use pods-100k, tiny-1m or configmaps-1m" >&2; exit 2 ;;
  esac
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "tool: $TOOL; $runs runs per cell; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-14s %8s %-6s %12s %10s\n' input MiB format "peak RSS MB" "docs/s"
for input in ${inputs//,/ }; do
  generate "$input" >"$work/$input.yaml"
  size=$(( $(stat -c %s "$work/$input.yaml") / 1048576 ))
  documents=$(grep -c '^kind: ' "$work/$input.yaml")
  declare -A peak=()
  for format in text json sarif; do
    peaks=()
    rates=()
    for _ in $(seq "$runs"); do
      start=$(date +%s%N)
      set +e
      /usr/bin/time -v -o "$work/time" dotnet "$TOOL" lint "$work/$input.yaml" --format "$format" >/dev/null 2>"$work/err"
      code=$?
      set -e
      end=$(date +%s%N)
      # 0 and 1 are verdicts; anything else means the run failed and its figures mean nothing.
      if [ "$code" -gt 1 ]; then
        echo "$input --format $format failed with exit $code:" >&2
        tail -n 5 "$work/err" >&2
        exit 1
      fi
      peaks+=("$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$work/time")")
      rates+=("$(( documents * 1000 / ((end - start) / 1000000) ))")
    done
    peak[$format]=$(printf '%s\n' "${peaks[@]}" | median)
    rate=$(printf '%s\n' "${rates[@]}" | median)
    printf '%-14s %8s %-6s %12s %10s   (runs: %s MB)\n' "$input" "$size" "$format" "${peak[$format]}" "$rate" "${peaks[*]}"
  done
  awk -v t="${peak[text]}" -v j="${peak[json]}" -v s="${peak[sarif]}" -v i="$input" \
    'BEGIN { printf "%-14s json/text %.2fx, sarif/text %.2fx\n", i, j / t, s / t }'
  rm -f "$work/$input.yaml"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
