#!/usr/bin/env bash
# Entry script of keysweep's GitHub Action (action.yml): picks the commits
# the triggering event brings, fetches the history it needs on a shallow
# checkout, runs `keysweep git` over them with SARIF output, and records
# the outcome in $GITHUB_OUTPUT (exit-code, sarif, range). It exits with
# keysweep's exit code: 0 clean, 1 findings at or above fail-on, 2 error or
# incomplete scan.
#
# Which commits:
#   pull_request, pull_request_target  base.sha..head.sha (the PR's commits)
#   merge_group                        base_sha..head_sha
#   push                               before..after (the pushed commits); on
#                                      the first push of a branch (before is
#                                      all zeros, or no longer fetchable after
#                                      a force push), the commits not on the
#                                      default branch; on the default branch
#                                      itself, all of its history
#   anything else (schedule,           every ref's full history
#   workflow_dispatch, ...)
#
# Environment (action.yml sets it from the event and the inputs):
#   KEYSWEEP_BIN        the keysweep binary (default: keysweep on PATH)
#   KEYSWEEP_SARIF      where to write the SARIF log (default $RUNNER_TEMP/keysweep.sarif)
#   KEYSWEEP_REMOTE     the remote to fetch missing history from (default origin)
#   EVENT_BEFORE, EVENT_AFTER        push: github.event.before / .after
#   PR_BASE_SHA, PR_HEAD_SHA         pull_request: github.event.pull_request.{base,head}.sha
#   MG_BASE_SHA, MG_HEAD_SHA         merge_group: github.event.merge_group.{base,head}_sha
#   DEFAULT_BRANCH                   github.event.repository.default_branch
#   INPUT_ARGS, INPUT_CONFIG, INPUT_BASELINE, INPUT_FAIL_ON, INPUT_VERIFY  the action's inputs
#   GITHUB_EVENT_NAME, GITHUB_SHA, GITHUB_REF, GITHUB_WORKSPACE, GITHUB_OUTPUT,
#   GITHUB_STEP_SUMMARY, RUNNER_TEMP  as GitHub Actions sets them
set -euo pipefail

ks=${KEYSWEEP_BIN:-keysweep}
sarif=${KEYSWEEP_SARIF:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/keysweep.sarif}
remote=${KEYSWEEP_REMOTE:-origin}
out=${GITHUB_OUTPUT:-/dev/null}
summary=${GITHUB_STEP_SUMMARY:-/dev/null}
scanned=""
temp_ref=""

# shellcheck disable=SC2317 # finish runs from the EXIT trap.
finish() {
  local code=$?
  if [ -n "$temp_ref" ]; then git update-ref -d "$temp_ref" 2>/dev/null || true; fi
  {
    echo "exit-code=$code"
    echo "range=$scanned"
    if [ -s "$sarif" ]; then echo "sarif=$sarif"; else echo "sarif="; fi
  } >>"$out"
  exit "$code"
}
trap finish EXIT

log() { echo "keysweep-action: $*" >&2; }
is_zero() { [ -z "${1//0/}" ]; }
has_commit() { git cat-file -e "$1^{commit}" 2>/dev/null; }
is_shallow() { [ "$(git rev-parse --is-shallow-repository)" = true ]; }
fetch() { git fetch --no-tags --quiet "$remote" "$@"; }

# ensure_commit SHA: fetches SHA when the checkout lacks it (on a shallow
# checkout, only that commit: deepen_until_related fetches what is needed).
ensure_commit() {
  has_commit "$1" && return 0
  if is_shallow; then
    fetch --depth=1 "$1" || return 1
  else
    fetch "$1" || return 1
  fi
  has_commit "$1"
}

# deepen_until_related BASE HEAD: on a shallow checkout, fetches more
# history, doubling each time, until BASE and HEAD have a common ancestor
# present (so that BASE..HEAD is exactly the new commits, diffed against
# their real parents), or the repository is complete.
deepen_until_related() {
  local base=$1 head=$2 n=16
  while is_shallow; do
    if git merge-base "$base" "$head" >/dev/null 2>&1; then return 0; fi
    if [ "$n" -gt 4096 ]; then
      log "no common ancestor within 4096 commits: fetching the whole history"
      fetch --unshallow "$base" "$head"
      return 0
    fi
    log "shallow checkout: fetching $n more commits of history"
    fetch --deepen="$n" "$base" "$head"
    n=$((n * 2))
  done
}

unshallow() {
  if is_shallow; then
    log "shallow checkout: fetching the whole history"
    fetch --unshallow
  fi
}

# head_ref SHA: a revision naming SHA that --branch accepts: HEAD when it
# is checked out, else a temporary ref removed on exit.
head_ref() {
  if [ "$(git rev-parse HEAD 2>/dev/null)" = "$1" ]; then
    echo HEAD
    return
  fi
  temp_ref=refs/keysweep/action-head
  git update-ref "$temp_ref" "$1"
  echo "$temp_ref"
}

# first_push HEAD: the selection for a branch that is new to the remote:
# what is not on the default branch, or all of HEAD's history when the
# branch is the default branch (or there is none).
first_push() {
  local head=$1 branch=${GITHUB_REF#refs/heads/} default=${DEFAULT_BRANCH:-}
  if [ -n "$default" ] && [ "$branch" != "$default" ]; then
    local tracking="refs/remotes/$remote/$default" depth=()
    is_shallow && depth=(--depth=1)
    if fetch "${depth[@]}" "+refs/heads/$default:$tracking" 2>/dev/null; then
      range_selection "$(git rev-parse "$tracking")" "$head"
      return
    fi
    log "cannot fetch the default branch $default: scanning all of $head's history"
  fi
  unshallow
  sel=(--branch "$(head_ref "$head")")
  scanned="$head"
}

# range_selection BASE HEAD: BASE..HEAD, with the history it needs.
range_selection() {
  local base=$1 head=$2
  deepen_until_related "$base" "$head"
  sel=(--range "$base..$head")
  scanned="$base..$head"
}

cd "${GITHUB_WORKSPACE:-.}"
git rev-parse --git-dir >/dev/null 2>&1 || { log "${GITHUB_WORKSPACE:-.} is not a git checkout (use actions/checkout first)"; exit 2; }

event=${GITHUB_EVENT_NAME:-}
base="" head=""
case "$event" in
  pull_request | pull_request_target) base=${PR_BASE_SHA:-} head=${PR_HEAD_SHA:-} ;;
  merge_group) base=${MG_BASE_SHA:-} head=${MG_HEAD_SHA:-} ;;
  push) base=${EVENT_BEFORE:-} head=${EVENT_AFTER:-${GITHUB_SHA:-}} ;;
esac

sel=()
if [ -z "$head" ]; then
  # Not a change event: a full scan of every ref's history.
  unshallow
  scanned="all refs"
elif is_zero "$head"; then
  log "the push deletes ${GITHUB_REF:-a ref}: nothing to scan"
  exit 0
else
  ensure_commit "$head" || { log "cannot fetch $head"; exit 2; }
  if [ -z "$base" ] || is_zero "$base"; then
    first_push "$head"
  elif ! ensure_commit "$base"; then
    log "the previous tip $base is gone (a force push?): scanning what is not on the default branch"
    first_push "$head"
  else
    range_selection "$base" "$head"
  fi
fi

if [ "${sel[0]:-}" = --range ] && [ "$(git rev-list --count "${sel[1]}")" = 0 ]; then
  log "no new commits in ${sel[1]}: nothing to scan"
  echo "keysweep: no new commits in \`${sel[1]}\`" >>"$summary"
  exit 0
fi

flags=(--format sarif --output "$sarif" --fail-on "${INPUT_FAIL_ON:-any}")
[ -n "${INPUT_CONFIG:-}" ] && flags+=(--config "$INPUT_CONFIG")
[ -n "${INPUT_BASELINE:-}" ] && flags+=(--baseline "$INPUT_BASELINE")
[ "${INPUT_VERIFY:-false}" = true ] && flags+=(--verify)
extra=()
# Arguments are split on white space, never evaluated by the shell.
[ -n "${INPUT_ARGS:-}" ] && read -r -a extra <<<"$INPUT_ARGS"

rm -f "$sarif"
log "keysweep git ${sel[*]} ${flags[*]} ${extra[*]}"
set +e
"$ks" git "${sel[@]}" "${flags[@]}" "${extra[@]}" .
code=$?
set -e
case $code in
  0) verdict="no findings" ;;
  1) verdict="findings at or above fail-on (${INPUT_FAIL_ON:-any})" ;;
  *) verdict="error or incomplete scan (exit $code)" ;;
esac
echo "keysweep scanned \`$scanned\`: $verdict" >>"$summary"
exit "$code"
