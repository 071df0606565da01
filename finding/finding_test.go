package finding

import (
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	for secret, want := range map[string]string{
		"":                               "",
		"abc":                            "…(3 chars)",
		"hunter22":                       "hu…(8 chars)",
		"ghp_" + strings.Repeat("x", 36): "ghp_…(40 chars)",
		"pässwörtchen":                   "päs…(12 chars)",
	} {
		if got := Redact(secret); got != want {
			t.Errorf("Redact(%q) = %q, want %q", secret, got, want)
		}
	}
}

func TestSeverity(t *testing.T) {
	for _, s := range Severities() {
		got, err := ParseSeverity(strings.ToUpper(s.String()))
		if err != nil || got != s {
			t.Errorf("ParseSeverity(%q) = %v, %v", s, got, err)
		}
	}
	if _, err := ParseSeverity("severe"); err == nil {
		t.Error("want an error for an unknown severity")
	}
	if High.Level() != "error" || Medium.Level() != "warning" || Low.Level() != "note" {
		t.Error("levels")
	}
}

func TestFingerprint(t *testing.T) {
	h := NewHasher("")
	f := Finding{RuleID: "r", Secret: "s3cret", Location: Location{Kind: KindFile, Path: "./a/b.txt", Key: "a/b.txt", StartLine: 3}}
	moved := f
	moved.Location.StartLine, moved.Location.Path = 40, "a/b.txt"
	other := f
	other.Secret = "s3cres"
	keyed := NewHasher("team key")
	if h.Fingerprint(&f) != h.Fingerprint(&moved) {
		t.Error("a moved line or another spelling of the path changed the fingerprint")
	}
	if h.Fingerprint(&f) == h.Fingerprint(&other) || h.Fingerprint(&f) == keyed.Fingerprint(&f) {
		t.Error("another secret or another key kept the fingerprint")
	}
	if fp := h.Fingerprint(&f); len(fp) != 32 || strings.Contains(fp, "s3cret") {
		t.Errorf("fingerprint %q", fp)
	}
}

func TestCompare(t *testing.T) {
	a := Finding{RuleID: "b", Location: Location{Path: "a", StartLine: 2}}
	b := Finding{RuleID: "a", Location: Location{Path: "a", StartLine: 10}}
	c := Finding{RuleID: "a", Location: Location{Path: "b", StartLine: 1}}
	if Compare(a, b) >= 0 || Compare(b, c) >= 0 || Compare(a, a) != 0 {
		t.Error("order: path, then line, then rule")
	}
}
