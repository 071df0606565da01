#!/usr/bin/env bash
# validate.sh checks SARIF logs with Microsoft's SARIF multitool, running the
# SARIF specification rules and the GitHub code scanning ingestion rules
# (--rule-kind "Gh;Sarif"), the same checks as the online SARIF validator.
#
#   bash sarif/validate.sh FILE.sarif...
#
# On first use it installs @microsoft/sarif-multitool with npm into
# $SARIF_TOOL_DIR (default: .cache/sarif-multitool in the repository root).
# It prints every error-level result and a count per file; with
# SARIF_VALIDATE_VERBOSE=1 it prints warnings and notes too.
#
# Exit status: 0 when no file has an error-level result, 1 when one does,
# 2 when a file could not be validated at all (missing file, no npm, the
# multitool failed).
#
# Environment:
#   SARIF_TOOL_DIR           where the multitool lives (default .cache/sarif-multitool)
#   SARIF_MULTITOOL_VERSION  the npm version to install (default 5.7.0)
#   SARIF_VALIDATE_VERBOSE   1 to print warnings and notes as well as errors
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tool_dir=${SARIF_TOOL_DIR:-$repo_root/.cache/sarif-multitool}
version=${SARIF_MULTITOOL_VERSION:-5.7.0}
verbose=${SARIF_VALIDATE_VERBOSE:-0}

die() {
	echo "validate.sh: $*" >&2
	exit 2
}

[ $# -gt 0 ] || die "usage: bash sarif/validate.sh FILE.sarif..."
command -v node >/dev/null || die "node is required (the multitool is installed with npm)"

case "$(uname -s)" in
Linux) platform=linux exe=Sarif.Multitool ;;
Darwin) platform=darwin exe=Sarif.Multitool ;;
MINGW* | MSYS* | CYGWIN*) platform=win32 exe=Sarif.Multitool.exe ;;
*) die "no SARIF multitool build for $(uname -s)" ;;
esac
# The npm package's own launcher runs the tool through a shell, which splits
# "Gh;Sarif" at the semicolon, so this script runs the platform binary itself.
bin=$tool_dir/node_modules/@microsoft/sarif-multitool-$platform/$exe

installed=$(node -p "require(process.argv[1]).version" \
	"$tool_dir/node_modules/@microsoft/sarif-multitool/package.json" 2>/dev/null || true)
if [ ! -f "$bin" ] || [ "$installed" != "$version" ]; then
	command -v npm >/dev/null || die "npm is required to install the SARIF multitool"
	echo "validate.sh: installing @microsoft/sarif-multitool@$version into $tool_dir" >&2
	mkdir -p "$tool_dir"
	npm install --prefix "$tool_dir" --no-audit --no-fund --loglevel=error \
		"@microsoft/sarif-multitool@$version" >&2 || die "npm install failed"
	[ -f "$bin" ] || die "npm installed no $bin"
fi
# The package's postinstall script only makes the binary executable; npm
# may have skipped it (npm 11 runs no install scripts unless allowed).
[ -x "$bin" ] || chmod u+x "$bin"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# summarize prints the results of one validator log: errors always, warnings
# and notes when verbose, then a count. Its exit status is 1 when there is an
# error-level result or an error notification, else 0.
summarize='
const [log, name, verbose] = process.argv.slice(1);
const sarif = JSON.parse(require("fs").readFileSync(log, "utf8"));
const counts = { error: 0, warning: 0, note: 0, none: 0 };
const show = (level, where, id, text) => {
  if (level === "error" || verbose === "1") console.log(`${where}: ${level} ${id}: ${text}`);
};
const format = (s, args) => s.replace(/\{(\d+)\}/g, (m, i) => (args[i] !== undefined ? args[i] : m));
for (const run of sarif.runs || []) {
  const rules = (run.tool && run.tool.driver && run.tool.driver.rules) || [];
  for (const r of run.results || []) {
    const rule = (r.ruleIndex !== undefined ? rules[r.ruleIndex] : undefined) || rules.find((x) => x.id === r.ruleId) || {};
    const level = r.level || (rule.defaultConfiguration && rule.defaultConfiguration.level) || "warning";
    const m = r.message || {};
    let text = m.text;
    if (text === undefined && rule.messageStrings && rule.messageStrings[m.id]) {
      text = format(rule.messageStrings[m.id].text, m.arguments || []);
    }
    const reg = (((r.locations || [])[0] || {}).physicalLocation || {}).region || {};
    counts[level] = (counts[level] || 0) + 1;
    show(level, `${name}(${reg.startLine || 0},${reg.startColumn || 0})`, r.ruleId, text || "");
  }
  for (const inv of run.invocations || []) {
    for (const n of [...(inv.toolExecutionNotifications || []), ...(inv.toolConfigurationNotifications || [])]) {
      const level = n.level || "warning";
      counts[level] = (counts[level] || 0) + 1;
      show(level, name, (n.descriptor && n.descriptor.id) || "multitool", (n.message && n.message.text) || "");
    }
  }
}
console.log(`${name}: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.note} note(s)`);
process.exit(counts.error > 0 ? 1 : 0);
'

status=0
for file in "$@"; do
	if [ ! -f "$file" ]; then
		echo "$file: no such file" >&2
		status=2
		continue
	fi
	abs=$(cd "$(dirname "$file")" && pwd)/$(basename "$file")

	# "validate" silently reports nothing for a log that the SARIF SDK's
	# object model cannot load (an unknown enum value, a string where a
	# number belongs); "rewrite" loads the log the same way and fails loudly.
	# File arguments go first: the tool's list options swallow what follows.
	if ! "$bin" rewrite "$abs" --output "$work/rewrite.sarif" --log ForceOverwrite >"$work/rewrite.txt" 2>&1; then
		echo "$file(0,0): error LOAD: the SARIF SDK cannot load this log:"
		grep -m 3 -E 'Exception|error' "$work/rewrite.txt" | sed 's/^/    /' || true
		echo "$file: 1 error(s), 0 warning(s), 0 note(s)"
		[ "$status" -ne 0 ] || status=1
		continue
	fi

	rm -f "$work/out.sarif"
	if ! "$bin" validate "$abs" --rule-kind "Gh;Sarif" --level "Error;Warning;Note" \
		--output "$work/out.sarif" --log ForceOverwrite >"$work/validate.txt" 2>&1 ||
		[ ! -s "$work/out.sarif" ]; then
		echo "$file: the SARIF multitool failed:" >&2
		cat "$work/validate.txt" >&2
		status=2
		continue
	fi
	if ! node -e "$summarize" "$work/out.sarif" "$file" "$verbose"; then
		[ "$status" -ne 0 ] || status=1
	fi
done
exit "$status"
