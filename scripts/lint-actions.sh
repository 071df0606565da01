#!/usr/bin/env bash
# Lints keysweep's GitHub Actions files with actionlint (which checks
# every `run:` script with shellcheck when that is installed; it is
# installed from Debian's packages when missing): the repository's
# workflows, the example workflows in docs/workflows, the cron recipe in
# deploy/github-actions, and action.yml, as the equivalent workflow that
# TestActionManifest writes (actionlint lints workflows, not action
# metadata). The action's shell scripts get shellcheck too.
#
# ACTIONLINT is the command that runs actionlint (default: actionlint).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
actionlint=${ACTIONLINT:-actionlint}
go=${GO:-go}

if ! command -v shellcheck >/dev/null 2>&1; then
  echo "lint-actions: installing Debian's shellcheck"
  (apt-get install -y -q shellcheck || (apt-get update -q && apt-get install -y -q shellcheck)) >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
KEYSWEEP_ACTION_WORKFLOW="$work/action-equivalent.yml" \
  $go test ./cmd/keysweep -run '^TestActionManifest$' -count=1 >/dev/null
[ -s "$work/action-equivalent.yml" ] || { echo "lint-actions: TestActionManifest wrote no equivalent workflow"; exit 1; }

files=(.github/workflows/*.yml docs/workflows/*.yml deploy/github-actions/*.yml "$work/action-equivalent.yml")
$actionlint -shellcheck shellcheck "${files[@]}"
shellcheck scripts/action-run.sh scripts/test-action.sh scripts/lint-actions.sh
echo "lint-actions: ok (${#files[@]} workflow files, action.yml, and the action's scripts)"
