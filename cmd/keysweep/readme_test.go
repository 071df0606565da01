package main

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/rules"
)

var update = flag.Bool("update", false, "rewrite generated files (the README's rule table)")

const (
	rulesBegin = "<!-- rules:begin -->\n"
	rulesEnd   = "<!-- rules:end -->"
)

// TestREADMERuleTable checks that the README's rule table is the catalog's;
// `make docs` (go test -run TestREADMERuleTable -update) regenerates it.
func TestREADMERuleTable(t *testing.T) {
	const path = "../../README.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	i, j := strings.Index(readme, rulesBegin), strings.Index(readme, rulesEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q … %q section", rulesBegin, rulesEnd)
	}
	e, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	want := rulesMarkdown(e.Rules())
	if got := readme[i+len(rulesBegin) : j]; got != want {
		if !*update {
			t.Fatal("README.md's rule table is stale: run `make docs`")
		}
		readme = readme[:i+len(rulesBegin)] + want + readme[j:]
		if err := os.WriteFile(path, []byte(readme), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
