package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestRulesCommand(t *testing.T) {
	code, stdout, _ := keysweep(t, "", "rules")
	if code != exitClean || !strings.Contains(stdout, "github-pat") || !strings.HasPrefix(stdout, "ID") {
		t.Errorf("rules table: exit %d\n%.300s", code, stdout)
	}
	code, stdout, _ = keysweep(t, "", "rules", "--format", "json")
	var rules []struct {
		ID, Title, Severity string
	}
	if err := json.Unmarshal([]byte(stdout), &rules); err != nil || code != exitClean || len(rules) < 150 {
		t.Errorf("rules json: exit %d, %d rules, %v", code, len(rules), err)
	}
	if code, _, stderr := keysweep(t, "", "rules", "--format", "xml"); code != exitError || !strings.Contains(stderr, "--format") {
		t.Errorf("bad format: exit %d %s", code, stderr)
	}
}

func TestVersionCommand(t *testing.T) {
	code, stdout, _ := keysweep(t, "", "version")
	if code != exitClean || !strings.HasPrefix(stdout, "keysweep ") {
		t.Errorf("version: exit %d %q", code, stdout)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"0": 0, "512": 512, "10MB": 10 << 20, "1 GiB": 1 << 30, "2k": 2048, "7b": 7} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "ten", "-1", "1.5MB", "10XB"} {
		if _, err := parseSize(bad); err == nil {
			t.Errorf("parseSize(%q): want an error", bad)
		}
	}
}

func FuzzParseSize(f *testing.F) {
	f.Add("10MB")
	f.Add("9223372036854775807G")
	f.Fuzz(func(t *testing.T, s string) {
		if n, err := parseSize(s); err == nil && n < 0 {
			t.Fatalf("parseSize(%q) = %d", s, n)
		}
	})
}
