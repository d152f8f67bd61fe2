#!/usr/bin/env bash
# The per-object synth against the filesystem floor, whole process, every measurement interleaved in one loop so load
# and cache state fall on all of them alike. Per run:
#   ours, fresh:        synth-process (N Deployments, per-object layout) into a folder that does not exist
#   floor, fresh:       filesystem-floor (C, see filesystem-floor.c) creating the same files, same sizes, renamed in
#   ours, rewrite:      synth of RenamedLargeApp over that tree: the same paths, different bytes in every file
#   floor, rewrite:     the same files staged beside an existing tree, exchanged with it, the old tree deleted
#   ours, unchanged:    the same synth again: nothing to write
#   render only:        the same synth without an output folder (start-up, define, check, render): what ours costs
#                       besides the filesystem, so "render only + floor" is what a perfect writer would take
# Prints the median of each and the ratios the issue sets targets for (full rewrite <= 1.15x the floor, unchanged
# re-synth <= 0.3x the full synth).
# Given OTHER, the Benchmarks dll of another build (e.g. `git worktree add /tmp/old ab8a96e` and
# `dotnet build /tmp/old/tests/SecureManifests.Benchmarks -c Release`), it also times that build's re-synth over its
# own unchanged output in the same loop, and prints ours/other: the unchanged re-synth against the code before it.
# Usage: tests/perf/filesystem-floor.sh [RUNS] [N] [OTHER]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
count=${2:-1000}
other=${3:-}
command -v cc >/dev/null || { echo "filesystem-floor.sh: needs a C compiler (cc) for the floor" >&2; exit 2; }
dotnet build tests/SecureManifests.Benchmarks -c Release -v q -nologo >/dev/null
dll=tests/SecureManifests.Benchmarks/bin/Release/net10.0/SecureManifests.Benchmarks.dll
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -pthread -o "$work/floor" tests/perf/filesystem-floor.c
threads=$(nproc)

synth() { dotnet "$dll" synth-process "$1" "$count" per-object ${2:-} >/dev/null; }
other_synth() { dotnet "$other" synth-process "$work/other" "$count" per-object >/dev/null; }
render() { dotnet "$dll" render-process "$count" >/dev/null; }
floor() { "$work/floor" "$work/list" "$1" "$threads"; }
ms() { local start end; start=$(date +%s%N); "$@"; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

# The floor writes exactly what our synth writes: the same relative paths with the same sizes.
synth "$work/reference" renamed
find "$work/reference" -type f -printf '%s %P\n' | sort -k2 > "$work/list"
files=$(wc -l < "$work/list")

fresh=() floor_fresh=() rewrite=() floor_rewrite=() unchanged=() rendered=() other_unchanged=()
if [ -n "$other" ]; then
  dotnet "$other" synth-process "$work/other" "$count" per-object >/dev/null
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# ext4 does not reuse an inode for a minute or more after its file was deleted, so creating thousands of files soon
# after deleting thousands costs far more than on a quiet file system: whichever of a pair runs right after the
# deletes pays for them. Odd runs time ours first, even runs the floor first, so each pays as often.
for run in $(seq "$runs"); do
  rm -rf "$work/ours" "$work/floor-tree"
  if (( run % 2 )); then
    fresh+=("$(ms synth "$work/ours")")
    floor_fresh+=("$(ms floor "$work/floor-tree")")
    rewrite+=("$(ms synth "$work/ours" renamed)")
    floor_rewrite+=("$(ms floor "$work/floor-tree")")
  else
    floor_fresh+=("$(ms floor "$work/floor-tree")")
    fresh+=("$(ms synth "$work/ours")")
    floor_rewrite+=("$(ms floor "$work/floor-tree")")
    rewrite+=("$(ms synth "$work/ours" renamed)")
  fi
  unchanged+=("$(ms synth "$work/ours" renamed)")
  rendered+=("$(ms render)")
  if [ -n "$other" ]; then
    other_unchanged+=("$(ms other_synth)")
  fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
diff -r "$work/reference" "$work/ours" >/dev/null || { echo "filesystem-floor.sh: the synth's output differs from the reference" >&2; exit 1; }

m_fresh=$(median "${fresh[@]}") m_floor_fresh=$(median "${floor_fresh[@]}")
m_rewrite=$(median "${rewrite[@]}") m_floor_rewrite=$(median "${floor_rewrite[@]}")
m_unchanged=$(median "${unchanged[@]}") m_rendered=$(median "${rendered[@]}")
echo "$count Deployments, per-object layout, $files files; floor in C with $threads threads; medians of $runs runs (ms)"
echo "ours, fresh folder:     $m_fresh (${fresh[*]})"
echo "floor, fresh folder:    $m_floor_fresh (${floor_fresh[*]})"
echo "ours, full rewrite:     $m_rewrite (${rewrite[*]})"
echo "floor, full rewrite:    $m_floor_rewrite (${floor_rewrite[*]})"
echo "ours, unchanged:        $m_unchanged (${unchanged[*]})"
echo "render only, no output: $m_rendered (${rendered[*]})"
echo "full rewrite, ours / floor:                 $(ratio "$m_rewrite" "$m_floor_rewrite") (target 1.15)"
echo "full rewrite, ours / (render only + floor): $(ratio "$m_rewrite" $((m_rendered + m_floor_rewrite))) (target 1.15)"
echo "fresh folder, ours / (render only + floor): $(ratio "$m_fresh" $((m_rendered + m_floor_fresh)))"
echo "unchanged / full rewrite:                   $(ratio "$m_unchanged" "$m_rewrite") (target 0.30)"
echo "unchanged / render only:                    $(ratio "$m_unchanged" "$m_rendered")"
if [ -n "$other" ]; then
  m_other=$(median "${other_unchanged[@]}")
  echo "other build, unchanged: $m_other (${other_unchanged[*]})"
  echo "unchanged, ours / other build:              $(ratio "$m_unchanged" "$m_other") (target 0.30)"
fi
