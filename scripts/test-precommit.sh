#!/usr/bin/env bash
# Checks the pre-commit hook (.pre-commit-hooks.yaml) with the real
# pre-commit framework: a throwaway repository uses this repository's hook
# at HEAD; a clean commit must pass and a commit adding a (fake, generated)
# GitHub token must be blocked. Installs Debian's pre-commit when missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

if ! command -v pre-commit >/dev/null 2>&1; then
  echo "test-precommit: installing Debian's pre-commit"
  (apt-get install -y -q pre-commit || (apt-get update -q && apt-get install -y -q pre-commit)) >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit-home"
repo="$work/repo"
git init -q "$repo"
cd "$repo"
git config user.email dev@test.invalid
git config user.name Dev
cat > .pre-commit-config.yaml <<CONFIG
repos:
  - repo: $root
    rev: $(git -C "$root" rev-parse HEAD)
    hooks:
      - id: keysweep
CONFIG
pre-commit install >/dev/null

echo "hello" > a.txt
git add a.txt .pre-commit-config.yaml
git commit -q -m clean >/dev/null || { echo "test-precommit: FAIL: a clean commit was blocked"; exit 1; }

# A checksum-valid, plainly fake token, made here so none is committed.
token=$(python3 - <<'PY'
import zlib
a = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
r = "fakefakefakefakefakefakefake42"
n = zlib.crc32(r.encode())
s = ""
for _ in range(6):
    s = a[n % 62] + s
    n //= 62
print("ghp_" + r + s)
PY
)
echo "TOKEN=$token" >> a.txt
git add a.txt
if git commit -q -m leak >"$work/out" 2>&1; then
  cat "$work/out"
  echo "test-precommit: FAIL: a commit adding a token was not blocked"
  exit 1
fi
grep -q "github-pat" "$work/out" || { cat "$work/out"; echo "test-precommit: FAIL: the hook did not report the token"; exit 1; }
echo "test-precommit: ok (clean commit passed, leaking commit blocked)"
