package suite_test

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/keysweep/keysweep/analyzers/suite"
	"github.com/keysweep/keysweep/rules"
)

func TestValid(t *testing.T) {
	if err := analysis.Validate(suite.Analyzers()); err != nil {
		t.Fatal(err)
	}
	if err := analysis.Validate(suite.New()); err != nil {
		t.Fatal(err)
	}
}

// TestRulesInCatalog: every rule the analyzers report by name is a "go"
// rule of the catalog, and every "go" rule is reported by one.
func TestRulesInCatalog(t *testing.T) {
	specs, err := rules.CheckRules(rules.CheckGo)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range specs {
		ids = append(ids, s.ID)
	}
	slices.Sort(ids)
	want := slices.Sorted(slices.Values(suite.Rules()))
	if !slices.Equal(ids, want) {
		t.Errorf("catalog go rules %v, analyzers report %v", ids, want)
	}
}
