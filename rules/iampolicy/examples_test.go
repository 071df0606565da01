package iampolicy

import (
	"context"
	"slices"
	"testing"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
	"github.com/keysweep/keysweep/rules/rulestest"
)

// testEngine is the built-in catalog's engine, compiled once.
func testEngine(t testing.TB) *rules.Engine { return rulestest.Engine(t) }

// TestCatalogExamples runs every example of every "iam" rule through the
// file check: each positive example yields its rule, no negative one does.
func TestCatalogExamples(t *testing.T) {
	specs, err := rules.CheckRules(rules.CheckIAM)
	if err != nil {
		t.Fatal(err)
	}
	if len(specs) < 10 {
		t.Fatalf("%d iam rules, want at least 10", len(specs))
	}
	check := NewFileCheck(testEngine(t))
	for _, spec := range specs {
		t.Run(spec.ID, func(t *testing.T) {
			path := spec.ExamplePath
			if path == "" {
				path = "policy.json"
			}
			run := func(text string) []finding.Finding {
				loc := finding.Location{Kind: finding.KindFile, Path: path, Key: path}
				fs, err := check.Check(context.Background(), []byte(text), loc)
				if err != nil {
					t.Fatalf("example %q: %v", text, err)
				}
				return fs
			}
			has := func(fs []finding.Finding) bool {
				return slices.ContainsFunc(fs, func(f finding.Finding) bool { return f.RuleID == spec.ID })
			}
			for _, ex := range spec.Examples {
				if fs := run(ex); !has(fs) {
					t.Errorf("example not reported: %s\ngot %v", ex, fs)
				}
			}
			for _, ex := range spec.NegativeExamples {
				if fs := run(ex); has(fs) {
					t.Errorf("negative example reported: %s\ngot %v", ex, fs)
				}
			}
		})
	}
}
