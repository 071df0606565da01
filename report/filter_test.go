package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
)

const fp1 = "0123456789abcdef0123456789abcdef"

func TestParseIgnoreFile(t *testing.T) {
	ig, err := ParseIgnoreFile(".keysweepignore", strings.NewReader("# comment\n\n"+fp1+" rotated, kept as fixture\n"+strings.Repeat("f", 32)+"   # test key\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ig.Entries) != 2 || ig.Entries[0].Reason != "rotated, kept as fixture" || ig.Entries[1].Reason != "test key" || ig.Entries[1].Line != 4 {
		t.Errorf("entries %+v", ig.Entries)
	}
	for _, bad := range []string{fp1 + "\n", "nothex reason\n", fp1 + " #\n"} {
		if _, err := ParseIgnoreFile("x", strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "x:1") {
			t.Errorf("%q: error %v should name x:1", bad, err)
		}
	}
}

func TestFilterApply(t *testing.T) {
	r := &finding.Report{Findings: []finding.Finding{
		{RuleID: "a", Fingerprint: fp1},
		{RuleID: "b", Fingerprint: strings.Repeat("b", 32)},
		{RuleID: "c", Fingerprint: strings.Repeat("c", 32)},
	}}
	Filter{
		Baseline: map[string]bool{strings.Repeat("b", 32): true},
		Ignore: &IgnoreFile{Path: ".keysweepignore", Entries: []IgnoreEntry{
			{Fingerprint: fp1, Reason: "r", Line: 1},
			{Fingerprint: strings.Repeat("d", 32), Reason: "stale", Line: 2},
		}},
	}.Apply(r)
	if len(r.Findings) != 1 || r.Findings[0].RuleID != "c" || r.Stats.Baselined != 2 {
		t.Errorf("kept %+v, baselined %d", r.Findings, r.Stats.Baselined)
	}
	if len(r.Notices) != 1 || r.Notices[0].Path != ".keysweepignore:2" || r.Notices[0].Level != finding.LevelNote {
		t.Errorf("notices %+v", r.Notices)
	}
}

func TestFailOn(t *testing.T) {
	fs := []finding.Finding{{Severity: finding.Medium}}
	for s, want := range map[string]bool{"any": true, "medium": true, "high": false, "none": false, "LOW": true} {
		f, err := ParseFailOn(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.Fails(fs); got != want {
			t.Errorf("--fail-on %s: fails=%v, want %v", s, got, want)
		}
	}
	if _, err := ParseFailOn("severe"); err == nil {
		t.Error("want an error for an unknown severity")
	}
}

func TestLoadBaselineRejectsOtherJSON(t *testing.T) {
	p := filepath.Join(t.TempDir(), "b.json")
	os.WriteFile(p, []byte(`[{"RuleID":"x"}]`), 0o600)
	if _, err := LoadBaseline(p); err == nil || !strings.Contains(err.Error(), "b.json") {
		t.Errorf("error %v should name the file", err)
	}
}

func FuzzParseIgnoreFile(f *testing.F) {
	f.Add([]byte(fp1 + " reason\n# c\n"))
	f.Add([]byte("\xff\xfe\n" + fp1))
	f.Fuzz(func(t *testing.T, data []byte) {
		ig, err := ParseIgnoreFile("f", strings.NewReader(string(data)))
		if err == nil {
			for _, e := range ig.Entries {
				if e.Reason == "" || len(e.Fingerprint) != 32 {
					t.Fatalf("bad entry accepted: %+v", e)
				}
			}
		}
	})
}

func FuzzLoadBaseline(f *testing.F) {
	f.Add([]byte(`{"findings":[{"fingerprint":"` + fp1 + `"}]}`))
	f.Add([]byte(`{"runs":[{"results":[{"partialFingerprints":{"keysweep/v1":"x"}}]}]}`))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "b")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		LoadBaseline(p)
	})
}
