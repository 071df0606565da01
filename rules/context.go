package rules

import (
	"path"
	"regexp"
	"strings"

	"github.com/keysweep/keysweep/finding"
)

// PathContext is what a file's place says about a finding in it.
type PathContext string

// The path contexts. A finding in a test, documentation or vendored file is
// reported one severity lower, not silenced: test fixtures and README
// examples leak real keys too. Generic rules do not run in lockfiles, whose
// integrity sums look like secrets and hold none.
const (
	ContextNone     PathContext = ""
	ContextTest     PathContext = "test"
	ContextDocs     PathContext = "documentation"
	ContextVendored PathContext = "vendored"
	ContextLockfile PathContext = "lockfile"
)

var (
	lockfiles = map[string]bool{
		"package-lock.json": true, "npm-shrinkwrap.json": true, "yarn.lock": true, "pnpm-lock.yaml": true,
		"bun.lock": true, "go.sum": true, "cargo.lock": true, "poetry.lock": true, "pipfile.lock": true,
		"uv.lock": true, "pdm.lock": true, "gemfile.lock": true, "composer.lock": true, "packages.lock.json": true,
		"mix.lock": true, "pubspec.lock": true, "podfile.lock": true, "flake.lock": true, "gradle.lockfile": true,
	}
	vendoredDirs = map[string]bool{
		"vendor": true, "node_modules": true, "third_party": true, "third-party": true, "thirdparty": true,
		"bower_components": true, "site-packages": true, "dist-packages": true, ".venv": true,
	}
	testDirs = map[string]bool{
		"test": true, "tests": true, "__tests__": true, "testdata": true, "test-data": true, "test_data": true,
		"fixtures": true, "__fixtures__": true, "spec": true, "specs": true, "mocks": true, "__mocks__": true,
		"e2e": true, "testing": true, "testutil": true, "testutils": true, "testfiles": true, "test-fixtures": true,
		"_test": true,
	}
	docDirs = map[string]bool{
		"docs": true, "doc": true, "documentation": true, "examples": true, "example": true, "samples": true,
	}
	testFile = regexp.MustCompile(`(?i)(?:_test\.go|_test_?data\.go|^test_[^/]*\.py|_test\.py|\.(?:test|spec)\.[cm]?[jt]sx?|Tests?\.(?:java|kt|cs|swift)|_spec\.rb|_test\.rb)$`)
	docFile  = regexp.MustCompile(`(?i)\.(?:md|markdown|mdx|rst|adoc|asciidoc)$`)
	// moduleDir is a folder of one version of a dependency, as Go's
	// module cache (golang.org/x/crypto@v0.31.0) and pnpm's store
	// (react@18.2.0) lay them out.
	moduleDir = regexp.MustCompile(`^[^@/]+@v?\d+\.\d+\.\d+`)
)

// ClassifyPath tells what kind of file a slash path names. Lockfiles and
// vendored trees win over tests, tests over documentation.
func ClassifyPath(p string) PathContext {
	if p == "" {
		return ContextNone
	}
	low := strings.ToLower(p)
	base := path.Base(low)
	if lockfiles[base] {
		return ContextLockfile
	}
	dirs := strings.Split(path.Dir(low), "/")
	for _, d := range dirs {
		if vendoredDirs[d] || moduleDir.MatchString(d) {
			return ContextVendored
		}
	}
	if testFile.MatchString(path.Base(p)) {
		return ContextTest
	}
	for _, d := range dirs {
		if testDirs[d] {
			return ContextTest
		}
	}
	if docFile.MatchString(base) {
		return ContextDocs
	}
	for _, d := range dirs {
		if docDirs[d] {
			return ContextDocs
		}
	}
	return ContextNone
}

// lower returns the severity one step below s (not below Low unless s is
// Info already).
func lower(s finding.Severity) finding.Severity {
	if s <= finding.Low {
		return s
	}
	return s - 1
}

// applyContext lowers the severity of a finding in a test, documentation or
// vendored file, and says so in its message and details.
func applyContext(f *finding.Finding, ctx PathContext) {
	if ctx != ContextTest && ctx != ContextDocs && ctx != ContextVendored {
		return
	}
	f.Severity = lower(f.Severity)
	f.Message += " (in a " + string(ctx) + " file: severity lowered)"
	if f.Details == nil {
		f.Details = map[string]string{}
	}
	f.Details["path_context"] = string(ctx)
}
