package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
)

var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// sharedIdentifiers is the catalog file of identifiers that rules of
// other files list as companions (an OAuth client ID).
const sharedIdentifiers = "data/identifiers.toml"

// TestCatalogFiles checks each data file on its own (with the global
// allowlists and the shared identifiers), so that one broken file names
// itself: metadata complete, every positive example found, no negative
// example found.
func TestCatalogFiles(t *testing.T) {
	names, err := CatalogFiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		t.Run(strings.TrimSuffix(strings.TrimPrefix(name, "data/"), ".toml"), func(t *testing.T) {
			cfg, err := CatalogFile(name)
			if err != nil {
				t.Fatal(err)
			}
			e := catalogEngine(t, name)
			for _, spec := range cfg.Rules {
				checkMetadata(t, spec)
				checkExamples(t, e, spec)
			}
		})
	}
}

// TestCatalogExamplesTogether runs every example against the whole catalog,
// where de-duplication between rules also plays.
func TestCatalogExamplesTogether(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	names, _ := CatalogFiles()
	for _, name := range names {
		cfg, err := CatalogFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, spec := range cfg.Rules {
			checkExamples(t, e, spec)
		}
	}
	t.Logf("%d rules", len(e.Rules()))
}

func checkMetadata(t *testing.T, r RuleSpec) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("rule %q: %s", r.ID, fmt.Sprintf(format, args...))
	}
	if !kebab.MatchString(r.ID) {
		fail("id must be kebab-case")
	}
	if r.Title == "" || r.Description == "" || r.Remediation == "" {
		fail("needs title, description and remediation")
	}
	if r.Severity == "" || r.Confidence == "" {
		fail("needs severity and confidence")
	}
	if len(r.References) == 0 {
		fail("needs at least one reference")
	}
	if r.Regex != "" && len(r.Keywords) == 0 && r.NoKeywords == "" {
		fail("has no keywords: add some, or say why in noKeywords")
	}
	if r.Check == CheckAWS || r.Check == CheckGo {
		// Their examples are accounts and Go packages: the sweep's and
		// the analyzers' tests hold them.
		return
	}
	if len(r.Examples) < 2 || len(r.NegativeExamples) < 1 {
		fail("needs at least two examples and one negative example (has %d and %d)", len(r.Examples), len(r.NegativeExamples))
	}
}

func checkExamples(t *testing.T, e *Engine, r RuleSpec) {
	t.Helper()
	if r.Check != "" {
		return // tested by the check's own package (see CheckRules)
	}
	if r.SkipReport {
		// A rule that only serves as another's part reports nothing by
		// itself: check its examples with a reporting copy of it alone.
		spec := r
		spec.SkipReport = false
		set := newRuleSet()
		set.add("skipReport copy", spec)
		var err error
		if e, err = set.compile(""); err != nil {
			t.Fatal(err)
		}
	}
	path := r.ExamplePath
	if path == "" {
		path = "example.txt"
	}
	scan := func(text string) []finding.Finding {
		loc := finding.Location{Kind: finding.KindFile, Path: path, Key: path}
		if r.Regex == "" { // a path-only rule's examples are paths
			loc.Path, loc.Key = text, text
			return e.ScanPath(loc)
		}
		return e.Scan(Chunk{Data: []byte(text), Location: loc}).Findings
	}
	has := func(fs []finding.Finding) bool {
		return slices.ContainsFunc(fs, func(f finding.Finding) bool { return f.RuleID == r.ID })
	}
	for i, ex := range r.Examples {
		if fs := scan(ex); !has(fs) {
			t.Errorf("rule %q: example %d not found (found %v)", r.ID, i+1, ruleIDs(fs))
		}
	}
	for i, ex := range r.NegativeExamples {
		if fs := scan(ex); has(fs) {
			t.Errorf("rule %q: negative example %d found", r.ID, i+1)
		}
	}
}

func ruleIDs(fs []finding.Finding) []string {
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.RuleID)
	}
	return ids
}

// catalogEngine compiles some of the catalog's files with the shared
// identifiers and the global allowlists: each file is checked on its own,
// so that a broken one names itself.
func catalogEngine(t *testing.T, files ...string) *Engine {
	t.Helper()
	allow, err := CatalogFile("data/allowlist.toml")
	if err != nil {
		t.Fatal(err)
	}
	set := newRuleSet()
	if !slices.Contains(files, sharedIdentifiers) {
		files = append(slices.Clip(files), sharedIdentifiers)
	}
	for _, name := range files {
		cfg, err := CatalogFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range cfg.Rules {
			set.add(name, r)
		}
	}
	set.addAllowlists("data/allowlist.toml", allow)
	e, err := set.compile("")
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestClientSecretsPairTheirIDs: every rule that lists the shared OAuth
// client ID as a companion folds a client ID set on the line above its
// first example (or the example's own) into its finding.
func TestClientSecretsPairTheirIDs(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	const id = "7d3e9a1c5b2f48e6a0c4d8b1f3e5a7c9"
	names, _ := CatalogFiles()
	paired := 0
	for _, name := range names {
		cfg, err := CatalogFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, spec := range cfg.Rules {
			if !slices.ContainsFunc(spec.Companions, func(q RequiredSpec) bool { return q.ID == "oauth-client-id" }) {
				continue
			}
			paired++
			fs := scanText(e, "app.env", "CLIENT_ID="+id+"\n"+spec.Examples[0]+"\n")
			i := slices.IndexFunc(fs, func(f finding.Finding) bool { return f.RuleID == spec.ID })
			// (An example may set its own client ID: the nearest is folded.)
			if i < 0 || fs[i].Parts["oauth-client-id"] == "" {
				t.Errorf("%s: findings %v, want the client ID folded into its finding", spec.ID, ruleIDs(fs))
			}
		}
	}
	if paired < 20 {
		t.Errorf("only %d rules pair the client ID", paired)
	}
}
