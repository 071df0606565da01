package main

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/rules"
	"github.com/keysweep/keysweep/verify"
)

var update = flag.Bool("update", false, "rewrite generated files (the README's rule table)")

const (
	rulesBegin = "<!-- rules:begin -->\n"
	rulesEnd   = "<!-- rules:end -->"
)

// TestGeneratedRuleDocs checks that the README's summary and
// docs/rules.md's table are the catalog's, and docs/verification.md's
// endpoint table the verifiers'; `make docs` (go test -run
// TestGeneratedRuleDocs -update) regenerates them.
func TestGeneratedRuleDocs(t *testing.T) {
	e, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	checkGenerated(t, "../../README.md", rulesSummary(e.Rules()))
	checkGenerated(t, "../../docs/rules.md", rulesMarkdown(e.Rules()))
	checkGenerated(t, "../../docs/verification.md", endpointsMarkdown(verify.NewRegistry()))
}

// checkGenerated compares the part of a file between the rules markers
// with want, and rewrites it with -update.
func checkGenerated(t *testing.T, path, want string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	i, j := strings.Index(text, rulesBegin), strings.Index(text, rulesEnd)
	if i < 0 || j < i {
		t.Fatalf("%s has no %q … %q section", path, rulesBegin, rulesEnd)
	}
	if got := text[i+len(rulesBegin) : j]; got == want {
		return
	}
	if !*update {
		t.Fatalf("%s is stale: run `make docs`", path)
	}
	text = text[:i+len(rulesBegin)] + want + text[j:]
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
