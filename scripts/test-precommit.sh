#!/usr/bin/env bash
# Checks the pre-commit hooks (.pre-commit-hooks.yaml) with the real
# pre-commit framework: a throwaway repository uses this repository's hooks
# at HEAD; a clean commit must pass, commits adding a (fake, generated)
# GitHub token or AWS access key must be blocked with a readable message,
# "pre-commit run --all-files" must scan the committed files, and the manual
# keysweep-history hook must find what history holds. Installs Debian's
# pre-commit when missing.
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
      - id: keysweep-history
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

# An AWS access key, generated here: a key ID whose account field decodes,
# and a 40-character secret of the key's alphabet.
git reset -q --hard
aws_id=$(python3 -c 'import random; r=random.Random(7); print("AKIA" + "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16)))')
aws_secret=$(python3 -c 'import random; r=random.Random(8); print("".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(40)))')
printf '[default]\naws_access_key_id = %s\naws_secret_access_key = %s\n' "$aws_id" "$aws_secret" > credentials
git add credentials
if git commit -q -m aws >"$work/out" 2>&1; then
  cat "$work/out"; echo "test-precommit: FAIL: a commit adding an AWS key was not blocked"; exit 1
fi
grep -q "aws-secret-access-key" "$work/out" || { cat "$work/out"; echo "test-precommit: FAIL: the hook did not report the AWS key"; exit 1; }
{ grep -q "^credentials$" "$work/out" && grep -q "^  3:" "$work/out"; } || { cat "$work/out"; echo "test-precommit: FAIL: the message does not name the file and line"; exit 1; }
git reset -q --hard

# --all-files scans the files themselves: commit a token past the hook,
# then the run must find it.
echo "TOKEN=$token" > committed.txt
git add committed.txt
git commit -q --no-verify -m "slipped past the hook"
if pre-commit run --all-files keysweep >"$work/out" 2>&1; then
  cat "$work/out"; echo "test-precommit: FAIL: pre-commit run --all-files passed over a committed token"; exit 1
fi
grep -q "committed.txt" "$work/out" || { cat "$work/out"; echo "test-precommit: FAIL: --all-files did not report the file"; exit 1; }

# The manual history hook finds it in history once the file is gone.
git rm -q committed.txt
git commit -q --no-verify -m "remove it"
if pre-commit run --hook-stage manual keysweep-history >"$work/out" 2>&1; then
  cat "$work/out"; echo "test-precommit: FAIL: keysweep-history passed over a token in history"; exit 1
fi
grep -q "removed in" "$work/out" || { cat "$work/out"; echo "test-precommit: FAIL: keysweep-history did not report the removed token"; exit 1; }
echo "test-precommit: ok (clean commit passed; token and AWS key commits blocked; --all-files and history runs found the committed token)"
