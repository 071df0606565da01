package main

import (
	"bytes"
	"encoding/base32"
	"encoding/binary"
	"encoding/json"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/report"
	"github.com/keysweep/keysweep/rules"
	"github.com/keysweep/keysweep/sarif"
	"github.com/keysweep/keysweep/verify"
)

// TestVerifierRulesInCatalog: every rule a verifier claims is in the
// catalog, so no verifier is wired to a rule that does not exist.
func TestVerifierRulesInCatalog(t *testing.T) {
	e, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range verify.NewRegistry().RuleIDs() {
		if _, ok := e.Rule(id); !ok {
			t.Errorf("a verifier is mapped to rule %s, which is not in the catalog", id)
		}
	}
}

func TestVerifyListEndpoints(t *testing.T) {
	code, stdout, stderr := keysweep(t, "", "verify", "--list-endpoints", "--format", "json")
	var rows []endpointRow
	if err := json.Unmarshal([]byte(stdout), &rows); err != nil || code != exitClean {
		t.Fatalf("exit %d, %v\n%s", code, err, stderr)
	}
	listed := map[string]bool{}
	for _, r := range rows {
		listed[r.Verifier+" "+r.Method+" "+r.Host+r.Path] = true
	}
	reg := verify.NewRegistry()
	for name, eps := range reg.Endpoints() {
		for _, e := range eps {
			if !listed[name+" "+e.Method+" "+e.Host+e.Path] {
				t.Errorf("%s %s is not listed", name, e)
			}
		}
	}
	if len(rows) < 40 || !listed["github GET api.github.com/user"] || !listed["aws POST sts.amazonaws.com/"] {
		t.Errorf("%d endpoints listed", len(rows))
	}
	code, stdout, _ = keysweep(t, "", "verify", "--list-endpoints")
	if code != exitClean || !strings.HasPrefix(stdout, "VERIFIER") || !strings.Contains(stdout, "slack.com") {
		t.Errorf("table: exit %d\n%.300s", code, stdout)
	}
	if code, _, stderr := keysweep(t, "", "verify"); code != exitError || !strings.Contains(stderr, "--list-endpoints") {
		t.Errorf("bare verify: exit %d %s", code, stderr)
	}
}

func TestVerifyFlags(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := keysweep(t, "", "scan", "--only-verified", dir); code != exitError || !strings.Contains(stderr, "--verify") {
		t.Errorf("--only-verified alone: exit %d %s", code, stderr)
	}
	if code, _, stderr := keysweep(t, "", "scan", "--verify", "--verify-timeout", "0s", dir); code != exitError || !strings.Contains(stderr, "--verify-timeout") {
		t.Errorf("zero timeout: exit %d %s", code, stderr)
	}
}

// canaryAWSKeys returns a made-up AWS key pair of a canary-token account.
func canaryAWSKeys() (id, secret string) {
	r := rand.New(rand.NewPCG(1, 2))
	account := uint64(0)
	for _, c := range verify.DefaultCanaryAWSAccounts()[0] {
		account = account*10 + uint64(c-'0')
	}
	var b [10]byte
	var v [8]byte
	binary.BigEndian.PutUint64(v[:], account<<7)
	copy(b[:6], v[2:])
	for i := 6; i < 10; i++ {
		b[i] = byte(r.IntN(256))
	}
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	var s strings.Builder
	for range 40 {
		s.WriteByte(alphabet[r.IntN(len(alphabet))])
	}
	return "AKIA" + base32.StdEncoding.EncodeToString(b[:]), s.String()
}

// TestScanVerifyCanary runs --verify end to end without a network: the
// key found belongs to a canary-token account, so it is reported
// unknown and never sent; --only-verified then drops it.
func TestScanVerifyCanary(t *testing.T) {
	dir := t.TempDir()
	id, secret := canaryAWSKeys()
	write(t, filepath.Join(dir, "credentials"), "[default]\naws_access_key_id = "+id+"\naws_secret_access_key = "+secret+"\n")

	code, stdout, stderr := keysweep(t, "", "scan", "--format", "json", "--verify", dir)
	var out struct {
		Findings []struct {
			RuleID       string `json:"rule_id"`
			Verification *struct {
				Status, Verifier, Reason string
				Details                  map[string]string
			} `json:"verification"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil || code != exitFindings {
		t.Fatalf("exit %d, %v\n%s", code, err, stderr)
	}
	var saw bool
	for _, f := range out.Findings {
		if f.RuleID != "aws-secret-access-key" {
			continue
		}
		saw = true
		if v := f.Verification; v == nil || v.Status != "unknown" || v.Verifier != "aws" || v.Details["canary"] != "true" {
			t.Errorf("verification %+v, want unknown: canary", v)
		}
	}
	if !saw || !strings.Contains(stderr, "verified 1 credential") {
		t.Errorf("no AWS secret key finding verified: %s\n%s", stdout, stderr)
	}

	code, stdout, _ = keysweep(t, "", "scan", "--format", "json", "--verify", "--only-verified", dir)
	if code != exitClean || strings.Contains(stdout, "aws-secret-access-key") {
		t.Errorf("--only-verified: exit %d\n%s", code, stdout)
	}

	code, stdout, _ = keysweep(t, "", "scan", "--format", "sarif", "--verify", dir)
	if code != exitFindings || !strings.Contains(stdout, `"verification"`) {
		t.Errorf("SARIF without the verification property: exit %d", code)
	}
}

// TestVerificationInReports: a live finding is raised in SARIF (level
// error, rank 100) and every report shows its verification.
func TestVerificationInReports(t *testing.T) {
	live := finding.Finding{RuleID: "github-pat", Severity: finding.Medium, Message: "token", Secret: "x",
		Location:     finding.Location{Kind: finding.KindFile, Path: "a.txt", StartLine: 1},
		Verification: &finding.Verification{Status: finding.Verified, Verifier: "github", Details: map[string]string{"login": "octocat"}}}
	dead := live
	dead.Location.Path = "b.txt"
	dead.Verification = &finding.Verification{Status: finding.Invalid, Verifier: "github", Reason: "rejected"}
	r := &finding.Report{Findings: []finding.Finding{live, dead}}

	var buf bytes.Buffer
	if err := sarif.Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Level      string         `json:"level"`
				Rank       *float64       `json:"rank"`
				Properties map[string]any `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) != 2 {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	res := log.Runs[0].Results
	if res[0].Level != "error" || res[0].Rank == nil || *res[0].Rank != 100 || res[0].Properties["verification"] == nil {
		t.Errorf("live result: level %s rank %v properties %v", res[0].Level, res[0].Rank, res[0].Properties)
	}
	if res[1].Level != "warning" || res[1].Rank != nil {
		t.Errorf("invalid result: level %s rank %v", res[1].Level, res[1].Rank)
	}

	buf.Reset()
	if err := report.WriteText(&buf, r, report.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "verification LIVE (github: login octocat)") || !strings.Contains(buf.String(), "verification invalid (github: rejected)") {
		t.Errorf("text report:\n%s", buf.String())
	}
}
