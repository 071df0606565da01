package rules

import (
	"testing"

	"github.com/keysweep/keysweep/finding"
)

func TestClassifyPath(t *testing.T) {
	for p, want := range map[string]PathContext{
		"src/app/config.py":               ContextNone,
		"package-lock.json":               ContextLockfile,
		"web/yarn.lock":                   ContextLockfile,
		"vendor/github.com/x/y/a.go":      ContextVendored,
		"web/node_modules/x/index.js":     ContextVendored,
		"pkg/auth/token_test.go":          ContextTest,
		"tests/conftest.py":               ContextTest,
		"src/__tests__/api.spec.ts":       ContextTest,
		"app/src/test/java/AuthTest.java": ContextTest,
		"testdata/keys/server.pem":        ContextTest,
		"README.md":                       ContextDocs,
		"docs/setup.txt":                  ContextDocs,
		"contest/main.go":                 ContextNone,
		"latest/config.yml":               ContextNone,
	} {
		if got := ClassifyPath(p); got != want {
			t.Errorf("ClassifyPath(%q) = %q, want %q", p, got, want)
		}
	}
}

func TestContextLowersSeverityAndSkipsGenericInLockfiles(t *testing.T) {
	e := loadTestConfig(t, `
[[rules]]
id = "tok"
regex = 'tok_[a-z]{8}'
keywords = ["tok_"]
severity = "critical"
[[rules]]
id = "gen"
regex = 'sum = "(\w{8})"'
keywords = ["sum"]
tags = ["generic"]
`)
	text := "tok_abcdefgh\nsum = \"qwertyui\"\n"
	for path, want := range map[string][]finding.Severity{
		"main.go":           {finding.Critical, finding.High},
		"main_test.go":      {finding.High, finding.Medium},
		"package-lock.json": {finding.Critical},
	} {
		fs := scanText(e, path, text)
		var got []finding.Severity
		for _, f := range fs {
			got = append(got, f.Severity)
		}
		if len(got) != len(want) || got[0] != want[0] || (len(want) > 1 && got[1] != want[1]) {
			t.Errorf("%s: severities %v, want %v", path, got, want)
		}
	}
}
