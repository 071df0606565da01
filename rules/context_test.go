package rules

import (
	"testing"

	"github.com/keysweep/keysweep/finding"
)

func TestClassifyPath(t *testing.T) {
	for p, want := range map[string]PathContext{
		"src/app/config.py":                       ContextNone,
		"package-lock.json":                       ContextLockfile,
		"web/yarn.lock":                           ContextLockfile,
		"vendor/github.com/x/y/a.go":              ContextVendored,
		"web/node_modules/x/index.js":             ContextVendored,
		"pkg/auth/token_test.go":                  ContextTest,
		"tests/conftest.py":                       ContextTest,
		"src/__tests__/api.spec.ts":               ContextTest,
		"app/src/test/java/AuthTest.java":         ContextTest,
		"testdata/keys/server.pem":                ContextTest,
		"README.md":                               ContextDocs,
		"docs/setup.txt":                          ContextDocs,
		"contest/main.go":                         ContextNone,
		"golang.org/x/crypto@v0.31.0/ssh/keys.go": ContextVendored,
		"/root/go/pkg/mod/github.com/a/b@v1.2.3-0.20240101-abcdef/x.go": ContextVendored,
		"node_modules/.pnpm/react@18.2.0/node_modules/react/index.js":   ContextVendored,
		"openpgp/keys_test_data.go":                                     ContextTest,
		"testutils/g101_samples.go":                                     ContextTest,
		"frontend/parser/testfiles/ADD/Dockerfile":                      ContextTest,
		"users/alice@example.com/notes.txt":                             ContextNone,
		"latest/config.yml":                                             ContextNone,
	} {
		if got := ClassifyPath(p); got != want {
			t.Errorf("ClassifyPath(%q) = %q, want %q", p, got, want)
		}
	}
}

func TestContextLowersSeverityAndSkipsGenericInLockfilesAndDependencies(t *testing.T) {
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
		// A dependency's code: its generic matches are not the user's
		// to fix; a key of a known format still is worth knowing.
		"vendor/x/main.go":              {finding.High},
		"golang.org/x/y@v1.0.0/main.go": {finding.High},
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
