package dockerfile

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
	"github.com/keysweep/keysweep/rules/rulestest"
)

// engine returns the built-in catalog's engine, compiled once.
func engine(t testing.TB) *rules.Engine { return rulestest.Engine(t) }

// TestCatalogExamples runs every example of the check's catalog rules: each
// positive example yields its rule, no negative one does.
func TestCatalogExamples(t *testing.T) {
	specs, err := rules.CheckRules(rules.CheckDockerfile)
	if err != nil {
		t.Fatal(err)
	}
	if len(specs) < 6 {
		t.Fatalf("%d dockerfile rules in the catalog, want at least 6", len(specs))
	}
	c := NewCheck(engine(t))
	for _, spec := range specs {
		t.Run(spec.ID, func(t *testing.T) {
			if len(spec.Examples) < 2 || len(spec.NegativeExamples) < 1 {
				t.Fatalf("%d examples and %d negative examples", len(spec.Examples), len(spec.NegativeExamples))
			}
			name := spec.ExamplePath
			if name == "" {
				name = "Dockerfile"
			}
			run := func(text string) []finding.Finding {
				// A fresh folder: no .dockerignore beside the Dockerfile.
				p := filepath.ToSlash(filepath.Join(t.TempDir(), name))
				loc := finding.Location{Kind: finding.KindFile, Path: p, Key: name}
				fs, err := c.Check(context.Background(), []byte(text), loc)
				if err != nil {
					t.Fatalf("example does not parse: %v", err)
				}
				return fs
			}
			has := func(fs []finding.Finding) bool {
				return slices.ContainsFunc(fs, func(f finding.Finding) bool { return f.RuleID == spec.ID })
			}
			for i, ex := range spec.Examples {
				if fs := run(ex); !has(fs) {
					t.Errorf("example %d not found (found %v)", i+1, ids(fs))
				}
			}
			for i, ex := range spec.NegativeExamples {
				if fs := run(ex); has(fs) {
					t.Errorf("negative example %d found: %v", i+1, messages(fs))
				}
			}
		})
	}
}

func ids(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.RuleID)
	}
	return out
}

func messages(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.RuleID+": "+f.Message)
	}
	return out
}
