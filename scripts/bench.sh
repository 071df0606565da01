#!/usr/bin/env bash
# Scans one tree (keysweep scan) and one repository's history (keysweep git)
# with keysweep and, when it is installed, gitleaks, and prints the best of
# three wall times of each, their ratio, and the history scans' peak memory.
#
#   BENCH_TREE=/path/to/tree BENCH_REPO=/path/to/repo bash scripts/bench.sh
#
# Without BENCH_TREE, a 117 MiB tree of 3,400 generated Python-like files
# with planted fake secrets is written to .cache/bench-corpus; without
# BENCH_REPO, a generated history of 5,000 commits (.cache/bench-history).
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

# History: keysweep git against gitleaks git on one repository, with peak
# memory. BENCH_REPO names a repository (a clone of a real project, say);
# without it, a generated history of 5,000 commits with planted fake
# secrets is written to .cache/bench-history.
repo=${BENCH_REPO:-}
if [ -z "$repo" ]; then
  repo=.cache/bench-history
  if [ ! -d "$repo/.git" ]; then
    rm -rf "$repo"
    git init -q "$repo"
    go run ./rules/rulestest/genhistory -commits 5000 | git -C "$repo" fast-import --quiet
    git -C "$repo" checkout -q main
    # Pack as a server packs a clone (fresh deltas, newer versions as
    # bases), not as fast-import left it.
    git -C "$repo" repack -q -adf --window=250 --depth=50
  fi
fi
commits=$(git -C "$repo" rev-list --all | wc -l)
echo
echo "repository: $repo ($commits commits), $(nproc) CPUs"

# peak_kb CMD...: the peak resident memory of one run, in KiB (GNU time).
peak_kb() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M -o .cache/bench-time "$@" >/dev/null 2>&1 || true
    tail -1 .cache/bench-time
  else
    echo "?"
  fi
}

ksg_t=$(best_of_3 "$keysweep" git --format json -o .cache/bench-keysweep-git.json "$repo")
echo "keysweep git:       ${ksg_t}s, peak $(peak_kb "$keysweep" git --format json -o .cache/bench-keysweep-git.json "$repo") KiB"
"$keysweep" git --format json -o .cache/bench-keysweep-git.json "$repo" 2>&1 | tail -1 || true
if command -v gitleaks >/dev/null 2>&1; then
  glg_t=$(best_of_3 gitleaks git "$repo" --no-banner --report-format json --report-path .cache/bench-gitleaks-git.json)
  echo "gitleaks git:       ${glg_t}s, peak $(peak_kb gitleaks git "$repo" --no-banner --report-format json --report-path .cache/bench-gitleaks-git.json) KiB"
  echo "gitleaks findings:  $(grep -c '"RuleID"' .cache/bench-gitleaks-git.json || true) (one per commit that carries a secret)"
  echo "keysweep git is $(awk -v g="$glg_t" -v k="$ksg_t" 'BEGIN { printf "%.1f", g / k }')x faster than gitleaks git on this repository"
fi
