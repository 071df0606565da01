package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
)

const fakeSecret = "fake-secret-0123456789"

func sampleReport() *finding.Report {
	return &finding.Report{
		Version: "1.2.3",
		Targets: []string{"."},
		Rules:   []finding.Rule{{ID: "demo-token", Title: "Demo token", Severity: finding.High}},
		Findings: []finding.Finding{
			{RuleID: "demo-token", Severity: finding.High, Message: "Demo token", Secret: fakeSecret,
				Location: finding.Location{Kind: finding.KindFile, Path: "b/app.env", StartLine: 3, StartColumn: 7}, Fingerprint: fp1},
			{RuleID: "demo-token", Severity: finding.Critical, Message: "Demo token", Secret: fakeSecret + "x",
				Location: finding.Location{Kind: finding.KindFile, Path: "a/main.go", StartLine: 1, StartColumn: 1}, Fingerprint: strings.Repeat("a", 32), Validated: true},
		},
		Notices: []finding.Notice{{Level: finding.LevelError, Path: "c/pipe", Message: "not a regular file (fifo): skipped"}},
		Stats:   finding.Stats{Files: 2, Bytes: 2048, SkippedBinary: 1},
	}
}

func TestWriteText(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, sampleReport(), TextOptions{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, fakeSecret) || !strings.Contains(out, finding.Redact(fakeSecret)) {
		t.Errorf("secret not redacted:\n%s", out)
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour without TextOptions.Color")
	}
	if strings.Index(out, "a/main.go") > strings.Index(out, "b/app.env") {
		t.Error("files not in order")
	}
	for _, want := range []string{"1:1", "3:7", "critical", "[demo-token]", "structure checked", "error: c/pipe: not a regular file",
		"2 findings (1 critical, 1 high) in 2 files, 2.0 KiB; 1 binary skipped; INCOMPLETE"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
	b.Reset()
	WriteText(&b, sampleReport(), TextOptions{Color: true})
	if !strings.Contains(b.String(), "\x1b[") {
		t.Error("no colour with TextOptions.Color")
	}
}

func TestWriteJSON(t *testing.T) {
	for _, show := range []bool{false, true} {
		r := sampleReport()
		r.ShowSecrets = show
		var b bytes.Buffer
		if err := WriteJSON(&b, r); err != nil {
			t.Fatal(err)
		}
		var out struct {
			Schema   string `json:"schema"`
			Complete bool   `json:"complete"`
			Findings []struct {
				Secret, Title, Fingerprint string
			} `json:"findings"`
		}
		if err := json.Unmarshal(b.Bytes(), &out); err != nil {
			t.Fatal(err)
		}
		if out.Schema != JSONSchemaVersion || out.Complete || len(out.Findings) != 2 || out.Findings[0].Title != "Demo token" {
			t.Errorf("report %+v", out)
		}
		if leaked := strings.Contains(b.String(), fakeSecret); leaked != show {
			t.Errorf("show secrets %v, secret in output %v", show, leaked)
		}
	}
}
