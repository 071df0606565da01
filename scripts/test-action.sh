#!/usr/bin/env bash
# Runs the GitHub Action's entry script (scripts/action-run.sh) as the
# action would, with GITHUB_* variables set, on throwaway repositories: a
# bare "origin" and shallow clones of it, as actions/checkout makes them.
# Checks the SARIF it would upload, its outputs and its exit code for a
# push, the first push of a branch, a push whose base equals its head, a
# pull request (whose head is not in the checkout), a clean push, fail-on
# none, the first push of the default branch and a scheduled full scan.
# The upload step is not run: nothing leaves this machine.
#
# Usage: scripts/test-action.sh [KEYSWEEP_BINARY] (default bin/keysweep)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ks=$(cd "$(dirname "${1:-$root/bin/keysweep}")" && pwd)/$(basename "${1:-bin/keysweep}")
[ -x "$ks" ] || { echo "test-action: $ks is not built (make build)"; exit 2; }

work=$(mktemp -d)
if [ -n "${KEEP:-}" ]; then echo "test-action: keeping $work"; else trap 'rm -rf "$work"' EXIT; fi
export GIT_CONFIG_GLOBAL="$work/gitconfig" GIT_CONFIG_NOSYSTEM=1
git config --global user.email dev@test.invalid
git config --global user.name Dev
git config --global init.defaultBranch main
git config --global protocol.file.allow always

# Checksum-valid, plainly fake GitHub tokens, made here so none is committed.
token() {
  python3 - "$1" <<'PY'
import sys, zlib
a = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
r = ("fake" * 8)[:28] + sys.argv[1]
n = zlib.crc32(r.encode())
s = ""
for _ in range(6):
    s = a[n % 62] + s
    n //= 62
print("ghp_" + r + s)
PY
}

# origin: main = m1 (clean), m2 (old.txt: token A);
# feature (from m2) = f1 (feature.txt: token B), then 40 clean commits;
# clean (from m2) = c1 (clean).
origin="$work/origin.git"
git init -q --bare "$origin"
git -C "$origin" config uploadpack.allowAnySHA1InWant true
seed="$work/seed"
git clone -q "$origin" "$seed" 2>/dev/null
cd "$seed"
echo hello >readme.txt && git add . && git commit -q -m m1
echo "TOKEN=$(token A1)" >old.txt && git add . && git commit -q -m m2
m2=$(git rev-parse HEAD)
git push -q origin main
git checkout -q -b feature
echo "TOKEN=$(token B2)" >feature.txt && git add . && git commit -q -m f1
for i in $(seq 1 40); do echo "$i" >>count.txt && git add . && git commit -q -m "f$i"; done
f=$(git rev-parse HEAD)
git push -q origin feature
git checkout -q -b clean "$m2"
echo fine >clean.txt && git add . && git commit -q -m c1
c1=$(git rev-parse HEAD)
git push -q origin clean
main=$(git rev-parse main)

fail=0
failed() { echo "test-action: FAIL: $*"; fail=1; }

# checkout NAME REF DEPTH: a clone of origin at REF, as actions/checkout
# makes it (DEPTH 0: the whole history of every branch).
checkout() {
  local dir="$work/$1"
  if [ "$3" = 0 ]; then
    git clone -q "file://$origin" "$dir"
    git -C "$dir" checkout -q "$2"
  else
    git clone -q --depth "$3" --branch "$2" "file://$origin" "$dir"
  fi
  echo "$dir"
}

# run NAME DIR VAR=VALUE...: runs the entry script in DIR with the event
# variables given; leaves its exit code in $code and its outputs in $outf.
run() {
  local name=$1 dir=$2
  shift 2
  outf="$work/$name.out"
  sarif="$work/$name.sarif"
  : >"$outf"
  set +e
  env -i PATH="$PATH" HOME="$work" GIT_CONFIG_GLOBAL="$GIT_CONFIG_GLOBAL" GIT_CONFIG_NOSYSTEM=1 \
    GITHUB_ACTIONS=true GITHUB_WORKSPACE="$dir" GITHUB_OUTPUT="$outf" \
    GITHUB_STEP_SUMMARY="$work/$name.summary" RUNNER_TEMP="$work" \
    KEYSWEEP_BIN="$ks" KEYSWEEP_SARIF="$sarif" DEFAULT_BRANCH=main INPUT_FAIL_ON=any "$@" \
    bash "$root/scripts/action-run.sh" >"$work/$name.log" 2>&1
  code=$?
  set -e
}

output() { sed -n "s/^$1=//p" "$outf" | tail -1; }

# expect NAME CODE FILES...: the exit code, the exit-code output, and the
# files of the SARIF's results (none listed: an empty run; "-": no SARIF).
expect() {
  local name=$1 want=$2
  shift 2
  [ "$code" = "$want" ] || failed "$name: exit $code, want $want"
  [ "$(output exit-code)" = "$want" ] || failed "$name: exit-code output $(output exit-code), want $want"
  if [ "${1:-}" = - ]; then
    if [ -n "$(output sarif)" ] || [ -e "$sarif" ]; then failed "$name: a SARIF log was written for nothing scanned"; fi
  else
    [ "$(output sarif)" = "$sarif" ] || failed "$name: sarif output $(output sarif), want $sarif"
    local got
    got=$(python3 - "$sarif" <<'PY' || echo "invalid SARIF"
import json, sys
log = json.load(open(sys.argv[1]))
assert log["version"] == "2.1.0", "not SARIF 2.1.0"
run = log["runs"][0]
assert run["tool"]["driver"]["name"] == "keysweep", "not keysweep's log"
files = sorted({l["physicalLocation"]["artifactLocation"]["uri"] for r in run.get("results", []) for l in r["locations"]})
print(" ".join(files))
PY
)
    [ "$got" = "$*" ] || failed "$name: findings in [$got], want [$*]"
  fi
  if [ "$fail" = 1 ]; then sed 's/^/    /' "$work/$name.log"; fi
}

# A push of the feature branch's 41 commits onto m2, on a depth-1 checkout:
# the script deepens until it reaches m2, and reports token B, not the
# older token A.
dir=$(checkout push feature 1)
run push "$dir" GITHUB_EVENT_NAME=push GITHUB_REF=refs/heads/feature GITHUB_SHA="$f" EVENT_BEFORE="$m2" EVENT_AFTER="$f"
expect push 1 feature.txt
[ "$(output range)" = "$m2..$f" ] || failed "push: range output $(output range)"
grep -q "fetching" "$work/push.log" || failed "push: a depth-1 checkout was not deepened"
grep -q "findings at or above" "$work/push.summary" || failed "push: no step summary"

# The first push of the branch: before is all zeros; what is not on main.
dir=$(checkout first feature 1)
run first "$dir" GITHUB_EVENT_NAME=push GITHUB_REF=refs/heads/feature GITHUB_SHA="$f" \
  EVENT_BEFORE=0000000000000000000000000000000000000000 EVENT_AFTER="$f"
expect first 1 feature.txt
[ "$(output range)" = "$main..$f" ] || failed "first: range output $(output range), want $main..$f"

# A push whose base is its head (a re-run, a tag on a known commit): nothing
# to scan, no SARIF, success.
dir=$(checkout same feature 1)
run same "$dir" GITHUB_EVENT_NAME=push GITHUB_REF=refs/heads/feature GITHUB_SHA="$f" EVENT_BEFORE="$f" EVENT_AFTER="$f"
expect same 0 -

# A pull request, checked out (as actions/checkout does a PR's merge
# commit) without its head: the script fetches head and enough history.
dir=$(checkout pr main 1)
run pr "$dir" GITHUB_EVENT_NAME=pull_request GITHUB_REF=refs/pull/1/merge GITHUB_SHA="$main" PR_BASE_SHA="$main" PR_HEAD_SHA="$f"
expect pr 1 feature.txt

# A clean push: a SARIF log with no results, exit 0.
dir=$(checkout clean clean 1)
run clean "$dir" GITHUB_EVENT_NAME=push GITHUB_REF=refs/heads/clean GITHUB_SHA="$c1" EVENT_BEFORE="$m2" EVENT_AFTER="$c1"
expect clean 0

# fail-on none: the finding is uploaded, the check passes; args are passed on.
dir=$(checkout none feature 1)
run none "$dir" GITHUB_EVENT_NAME=push GITHUB_REF=refs/heads/feature GITHUB_SHA="$f" EVENT_BEFORE="$m2" EVENT_AFTER="$f" \
  INPUT_FAIL_ON=none INPUT_ARGS="--min-confidence low --workers 2"
expect none 0 feature.txt
grep -q -- "--workers 2" "$work/none.log" || failed "none: args were not passed to keysweep"

# The first push of the default branch: all of its history, made whole.
dir=$(checkout initial main 1)
run initial "$dir" GITHUB_EVENT_NAME=push GITHUB_REF=refs/heads/main GITHUB_SHA="$main" \
  EVENT_BEFORE=0000000000000000000000000000000000000000 EVENT_AFTER="$main"
expect initial 1 old.txt
[ "$(git -C "$dir" rev-parse --is-shallow-repository)" = false ] || failed "initial: the checkout was not unshallowed"

# A scheduled run on a full checkout: every branch's history.
dir=$(checkout nightly main 0)
run nightly "$dir" GITHUB_EVENT_NAME=schedule GITHUB_REF=refs/heads/main GITHUB_SHA="$main"
expect nightly 1 feature.txt old.txt

# A bad baseline path is an error (exit 2), not a pass.
dir=$(checkout bad feature 1)
run bad "$dir" GITHUB_EVENT_NAME=push GITHUB_REF=refs/heads/feature GITHUB_SHA="$f" EVENT_BEFORE="$m2" EVENT_AFTER="$f" \
  INPUT_BASELINE=missing.sarif
if [ "$code" != 2 ] || [ "$(output exit-code)" != 2 ]; then failed "bad: exit $code, want 2"; fi

[ "$fail" = 0 ] || exit 1
echo "test-action: ok (push, first push, base = head, pull request, clean push, fail-on none, first push of main, scheduled scan, bad baseline)"
