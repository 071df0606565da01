#!/usr/bin/env bash
# Scans one tree with keysweep and, when it is installed, gitleaks, and
# prints the best of three wall times of each and their ratio.
#
#   BENCH_TREE=/path/to/tree bash scripts/bench.sh
#
# Without BENCH_TREE, a 117 MiB tree of 3,400 generated Python-like files
# with planted fake secrets is written to .cache/bench-corpus.
set -euo pipefail
cd "$(dirname "$0")/.."

tree=${BENCH_TREE:-}
if [ -z "$tree" ]; then
  tree=.cache/bench-corpus
  [ -d "$tree" ] || go run ./rules/rulestest/gencorpus -out "$tree" -size 117 -files 3400
fi
mkdir -p .cache
keysweep=${KEYSWEEP:-./bin/keysweep}
[ -x "$keysweep" ] || make build

# best_of_3 CMD...: prints the fastest of three runs, in seconds.
best_of_3() {
  local best="" start end t
  for _ in 1 2 3; do
    start=$EPOCHREALTIME
    "$@" >/dev/null 2>&1 || true
    end=$EPOCHREALTIME
    t=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
    if [ -z "$best" ] || awk -v t="$t" -v b="$best" 'BEGIN { exit !(t < b) }'; then best=$t; fi
  done
  echo "$best"
}

files=$(find "$tree" -type f | wc -l)
bytes=$(du -sb "$tree" | cut -f1)
echo "tree: $tree ($files files, $((bytes / 1048576)) MiB), $(nproc) CPUs"

read_t=$(best_of_3 sh -c "find '$tree' -type f -print0 | xargs -0 cat > /dev/null")
echo "reading the files:  ${read_t}s"

ks_t=$(best_of_3 "$keysweep" scan --format json -o .cache/bench-keysweep.json "$tree")
echo "keysweep scan:      ${ks_t}s  ($(awk -v b="$bytes" -v t="$ks_t" 'BEGIN { printf "%.0f", b / 1048576 / t }') MiB/s)"
"$keysweep" scan --format json -o .cache/bench-keysweep.json "$tree" 2>&1 | tail -1 || true

if command -v gitleaks >/dev/null 2>&1; then
  # Never give gitleaks --report-path /dev/null: it deletes the path first.
  gl_t=$(best_of_3 gitleaks dir "$tree" --no-banner --report-format json --report-path .cache/bench-gitleaks.json)
  echo "gitleaks dir:       ${gl_t}s"
  echo "keysweep is $(awk -v g="$gl_t" -v k="$ks_t" 'BEGIN { printf "%.1f", g / k }')x faster than gitleaks on this tree"
else
  echo "gitleaks not installed: go install github.com/zricethezav/gitleaks/v8@latest to compare"
fi
