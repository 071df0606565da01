package sarif

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

func TestFingerprintsRoundTrip(t *testing.T) {
	r := testReport()
	want := map[string]bool{}
	for _, f := range r.Findings {
		want[f.Fingerprint] = true
	}
	got, err := Fingerprints(bytes.NewReader(write(t, r)))
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(got, want) {
		t.Errorf("Fingerprints = %v, want %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}
}

func TestFingerprintsGolden(t *testing.T) {
	// The checked-in log stands in for one written by an older keysweep.
	f, err := os.Open(goldenFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := Fingerprints(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(testFindings()) {
		t.Errorf("got %d fingerprints from %s, want %d", len(got), goldenFile, len(testFindings()))
	}
}

func TestFingerprintsOtherTools(t *testing.T) {
	log := `{
	  "version": "2.1.0",
	  "runs": [
	    {"tool": {"driver": {"name": "other"}}, "results": [
	      {"message": {"text": "x"}, "partialFingerprints": {"primaryLocationLineHash": "abc:1"}},
	      {"message": {"text": "y"}}
	    ]},
	    {"tool": {"driver": {"name": "keysweep"}}, "results": [
	      {"message": {"text": "z"}, "partialFingerprints": {"keysweep/v1": "f1", "keysweep/v0": "old"}},
	      {"message": {"text": "w"}, "partialFingerprints": {"keysweep/v1": ""}},
	      {"message": {"text": "v"}, "partialFingerprints": {"keysweep/v1": "f2"}}
	    ]},
	    {"tool": {"driver": {"name": "empty"}}}
	  ]
	}`
	got, err := Fingerprints(strings.NewReader(log))
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]bool{"f1": true, "f2": true}; !maps.Equal(got, want) {
		t.Errorf("Fingerprints = %v, want %v", got, want)
	}
}

func TestFingerprintsEmptyRuns(t *testing.T) {
	got, err := Fingerprints(strings.NewReader(`{"version": "2.1.0", "runs": []}`))
	if err != nil || got == nil || len(got) != 0 {
		t.Errorf("Fingerprints = %v, %v; want an empty set", got, err)
	}
}

func TestFingerprintsErrors(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{"empty", ``, "reading baseline: not a SARIF log: "},
		{"not JSON", `keysweep found 3 secrets`, "reading baseline: not a SARIF log: invalid JSON at byte 1"},
		{"truncated", `{"version": "2.1.0", "runs": [`, "reading baseline: not a SARIF log: "},
		{"array", `[]`, "reading baseline: not a SARIF log: "},
		{"JSON report", `{"version": "0.1.0", "findings": []}`, `reading baseline: SARIF version "0.1.0" is not supported`},
		{"no version", `{"runs": []}`, `reading baseline: not a SARIF log: no "version"`},
		{"no runs", `{"version": "2.1.0"}`, `reading baseline: not a SARIF log: no "runs"`},
		{"runs not array", `{"version": "2.1.0", "runs": {}}`, "reading baseline: not a SARIF log: "},
		{"old SARIF", `{"version": "1.0.0", "runs": []}`, `SARIF version "1.0.0" is not supported (want 2.1.0)`},
		{"fingerprint not string", `{"version": "2.1.0", "runs": [{"results": [{"partialFingerprints": {"keysweep/v1": 7}}]}]}`,
			`reading baseline: runs[0].results[0].partialFingerprints["keysweep/v1"] is not a string`},
		{"trailing data", `{"version": "2.1.0", "runs": []} {}`, "reading baseline: not a SARIF log: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Fingerprints(strings.NewReader(tt.input))
			if err == nil {
				t.Fatalf("Fingerprints succeeded with %v", got)
			}
			if !strings.HasPrefix(err.Error(), tt.want) && !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
		})
	}

	readErr := errors.New("disk on fire")
	if _, err := Fingerprints(iotest.ErrReader(readErr)); !errors.Is(err, readErr) || !strings.HasPrefix(err.Error(), "reading baseline: ") {
		t.Errorf("read error = %v", err)
	}
}

func FuzzFingerprints(f *testing.F) {
	if golden, err := os.ReadFile(goldenFile); err == nil {
		f.Add(golden)
	}
	for _, seed := range []string{
		``, `{}`, `null`, `[]`, `"2.1.0"`,
		`{"version": "2.1.0", "runs": []}`,
		`{"version": "2.1.0", "runs": [null, {"results": null}, {"results": [null, {}]}]}`,
		`{"version": "2.1.0", "runs": [{"results": [{"partialFingerprints": {"keysweep/v1": null}}]}]}`,
		`{"version": "2.1.0", "runs": [{"results": [{"partialFingerprints": {"keysweep/v1": ["a"]}}]}]}`,
		`{"version": null, "runs": 1}`,
		`{"version": "2.1.0", "runs": [{"results": [{"partialFingerprints": {"keysweep/v1": "\ud800"}}]}]}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := Fingerprints(bytes.NewReader(data))
		if err != nil {
			if set != nil {
				t.Errorf("Fingerprints returned a set with error %v", err)
			}
			if !strings.HasPrefix(err.Error(), "reading baseline: ") {
				t.Errorf("error %q lacks the reading baseline prefix", err)
			}
			return
		}
		if set == nil {
			t.Errorf("Fingerprints returned a nil set without an error")
		}
		for fp := range set {
			if fp == "" {
				t.Errorf("empty fingerprint in the set")
			}
		}
	})
}
