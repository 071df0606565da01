package sarif

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.sarif from the current output")

const goldenFile = "testdata/golden.sarif"

// write runs Write on r and fails the test on error.
func write(t *testing.T, r *finding.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	got := write(t, testReport())
	if *update {
		if err := os.MkdirAll(filepath.Dir(goldenFile), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(goldenFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", goldenFile)
		return
	}
	want, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatalf("%v (run go test ./sarif -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test ./sarif -update if the change is intended); got:\n%s", goldenFile, got)
	}
}

func TestDeterministic(t *testing.T) {
	want := write(t, testReport())
	for i := 0; i < 5; i++ {
		r := testReport()
		slices.Reverse(r.Findings)
		slices.Reverse(r.Rules)
		slices.Reverse(r.Notices)
		if i%2 == 1 {
			r.Findings = append(r.Findings[len(r.Findings)/2:], r.Findings[:len(r.Findings)/2]...)
		}
		if got := write(t, r); !bytes.Equal(got, want) {
			t.Fatalf("round %d: output depends on input order", i)
		}
	}
}

func TestWriteDoesNotModifyReport(t *testing.T) {
	r := testReport()
	before := slices.Clone(r.Findings)
	write(t, r)
	for i := range before {
		if before[i].RuleID != r.Findings[i].RuleID || before[i].Location != r.Findings[i].Location {
			t.Fatalf("Write reordered or changed the caller's findings")
		}
	}
}

func TestSecretsRedacted(t *testing.T) {
	out := string(write(t, testReport()))
	for _, s := range fixtureSecrets {
		if strings.Contains(out, s) {
			t.Errorf("output contains raw secret %q", s)
		}
		if !strings.Contains(out, finding.Redact(s)) {
			t.Errorf("output lacks redacted secret %q", finding.Redact(s))
		}
	}
}

func TestShowSecrets(t *testing.T) {
	r := testReport()
	r.ShowSecrets = true
	out := string(write(t, r))
	for _, s := range fixtureSecrets {
		if n := strings.Count(out, s); n != 1 {
			t.Errorf("secret %q appears %d times with ShowSecrets, want once (in the message)", s, n)
		}
	}
}

// decode parses Write's output for structure checks.
func decode(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var log map[string]any
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	return log
}

// at follows a path of keys and indexes through decoded JSON, failing the
// test when a step is missing.
func at(t *testing.T, v any, steps ...any) any {
	t.Helper()
	for i, s := range steps {
		switch s := s.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("step %d (%q): not an object", i, s)
			}
			if v, ok = m[s]; !ok {
				t.Fatalf("step %d: no %q", i, s)
			}
		case int:
			a, ok := v.([]any)
			if !ok || s >= len(a) {
				t.Fatalf("step %d: no element %d", i, s)
			}
			v = a[s]
		}
	}
	return v
}

// resultFor returns the decoded result whose message contains text.
func resultFor(t *testing.T, log map[string]any, text string) map[string]any {
	t.Helper()
	for _, r := range at(t, log, "runs", 0, "results").([]any) {
		res := r.(map[string]any)
		if strings.Contains(at(t, res, "message", "text").(string), text) {
			return res
		}
	}
	t.Fatalf("no result with message containing %q", text)
	return nil
}

func TestLocations(t *testing.T) {
	log := decode(t, write(t, testReport()))

	tests := []struct {
		message   string
		uri       string
		uriBaseID string // "" for none
		hasRegion bool
		logical   string // the logical location's name, or ""
	}{
		{"GitHub personal access token", "config/app.env", srcRoot, true, ""},
		{"assigned to api_key", "stdin", "", true, ""},
		{"AWS access key ID", "file:///etc/fake%20app/credentials", "", true, ""},
		{"assigned to PASSWORD", "deploy/settings.py", srcRoot, true, ""},
		{"allows Action", "policies/admin.json", srcRoot, false, ""},
		{"Credential in image file", "app/.env", "", true, "registry.example.com/fake/app@sha256:0000000000000000000000000000000000000000000000000000000000000000"},
		{"DB_PASSWORD holds", "", "", false, "arn:aws:lambda:us-east-1:123456789012:function:fake-fn"},
	}
	for _, tt := range tests {
		t.Run(tt.message, func(t *testing.T) {
			loc := at(t, resultFor(t, log, tt.message), "locations", 0).(map[string]any)
			pl, hasPhysical := loc["physicalLocation"].(map[string]any)
			if tt.uri == "" {
				if hasPhysical {
					t.Errorf("physicalLocation = %v, want none", pl)
				}
			} else {
				al := at(t, pl, "artifactLocation").(map[string]any)
				if al["uri"] != tt.uri {
					t.Errorf("uri = %v, want %q", al["uri"], tt.uri)
				}
				if got, _ := al["uriBaseId"].(string); got != tt.uriBaseID {
					t.Errorf("uriBaseId = %q, want %q", got, tt.uriBaseID)
				}
				if _, ok := pl["region"]; ok != tt.hasRegion {
					t.Errorf("has region = %v, want %v", ok, tt.hasRegion)
				}
			}
			var logical string
			if lls, ok := loc["logicalLocations"].([]any); ok {
				logical, _ = lls[0].(map[string]any)["name"].(string)
			}
			if logical != tt.logical {
				t.Errorf("logical location = %q, want %q", logical, tt.logical)
			}
		})
	}

	commit := at(t, resultFor(t, log, "assigned to PASSWORD"), "properties").(map[string]any)
	for key, want := range map[string]string{
		"commit": "0123456789abcdef0123456789abcdef01234567",
		"author": "Fake Author",
		"date":   "2024-01-02T03:04:05Z",
	} {
		if commit[key] != want {
			t.Errorf("commit result properties[%q] = %v, want %q", key, commit[key], want)
		}
	}
	region := at(t, resultFor(t, log, "GitHub personal access token"), "locations", 0, "physicalLocation", "region")
	wantRegion := map[string]any{"startLine": 3.0, "startColumn": 14.0, "endLine": 3.0, "endColumn": 36.0}
	for k, v := range wantRegion {
		if region.(map[string]any)[k] != v {
			t.Errorf("region[%q] = %v, want %v", k, region.(map[string]any)[k], v)
		}
	}
	if got := at(t, log, "runs", 0, "originalUriBaseIds", srcRoot, "uri"); got != "file:///home/fake/project/" {
		t.Errorf("%%SRCROOT%% = %v", got)
	}
}

func TestRules(t *testing.T) {
	log := decode(t, write(t, testReport()))
	rules := at(t, log, "runs", 0, "tool", "driver", "rules").([]any)
	var ids []string
	for _, r := range rules {
		ids = append(ids, r.(map[string]any)["id"].(string))
	}
	want := []string{"aws-access-key-id", "aws-lambda-env-secret", "generic-api-key", "github-pat", "iam-policy-wildcard", "image-env-secret", "slack-webhook"}
	if !slices.Equal(ids, want) {
		t.Fatalf("rule ids = %v, want %v", ids, want)
	}
	pat := rules[3].(map[string]any)
	for _, c := range []struct {
		path []any
		want any
	}{
		{[]any{"name"}, "GithubPat"},
		{[]any{"shortDescription", "text"}, "GitHub personal access token"},
		{[]any{"fullDescription", "text"}, "A GitHub personal access token grants API access as the user who created it."},
		{[]any{"helpUri"}, "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens"},
		{[]any{"defaultConfiguration", "level"}, "error"},
		{[]any{"properties", "precision"}, "high"},
		{[]any{"properties", "security-severity"}, "8.0"},
		{[]any{"properties", "problem.severity"}, "error"},
	} {
		if got := at(t, pat, c.path...); got != c.want {
			t.Errorf("github-pat %v = %v, want %v", c.path, got, c.want)
		}
	}
	tags := at(t, pat, "properties", "tags").([]any)
	if len(tags) < 2 || tags[0] != "security" || tags[1] != "secret" || !slices.Contains(tags, any("github")) {
		t.Errorf("tags = %v", tags)
	}
	help := at(t, pat, "help", "markdown").(string)
	if !strings.Contains(help, "Revoke the token") || !strings.Contains(help, "<https://docs.github.com/") {
		t.Errorf("help markdown lacks remediation or references: %q", help)
	}
	// generic-api-key's own "secret" tag is not repeated.
	generic := rules[2].(map[string]any)
	if got := at(t, generic, "properties", "tags"); len(got.([]any)) != 3 {
		t.Errorf("generic-api-key tags = %v, want security, secret, generic", got)
	}
	// slack-webhook has no confidence, so no precision, and is a note.
	slack := rules[6].(map[string]any)
	if _, ok := at(t, slack, "properties").(map[string]any)["precision"]; ok {
		t.Errorf("slack-webhook has a precision without a confidence")
	}
	if got := at(t, slack, "properties", "problem.severity"); got != "recommendation" {
		t.Errorf("slack-webhook problem.severity = %v", got)
	}

	// Every result's ruleIndex points at its rule.
	for _, r := range at(t, log, "runs", 0, "results").([]any) {
		res := r.(map[string]any)
		idx := int(res["ruleIndex"].(float64))
		if ids[idx] != res["ruleId"] {
			t.Errorf("result ruleId %v has ruleIndex %d (%s)", res["ruleId"], idx, ids[idx])
		}
	}
}

func TestResultOrder(t *testing.T) {
	log := decode(t, write(t, testReport()))
	var keys []string
	for _, r := range at(t, log, "runs", 0, "results").([]any) {
		res := r.(map[string]any)
		uri := ""
		if locs, ok := res["locations"].([]any); ok {
			if pl, ok := locs[0].(map[string]any)["physicalLocation"].(map[string]any); ok {
				uri = pl["artifactLocation"].(map[string]any)["uri"].(string)
			}
		}
		keys = append(keys, uri+" "+res["ruleId"].(string))
	}
	want := []string{
		" aws-lambda-env-secret",
		"stdin generic-api-key",
		"app/.env image-env-secret",
		"file:///etc/fake%20app/credentials aws-access-key-id",
		"config/app.env github-pat",
		"deploy/settings.py generic-api-key",
		"policies/admin.json iam-policy-wildcard",
	}
	if !slices.Equal(keys, want) {
		t.Errorf("results in order\n%q\nwant\n%q", keys, want)
	}
}

func TestResultProperties(t *testing.T) {
	log := decode(t, write(t, testReport()))
	res := resultFor(t, log, "GitHub personal access token")
	props := at(t, res, "properties").(map[string]any)
	if props["severity"] != "high" || props["validated"] != true || props["entropy"] != 4.123 {
		t.Errorf("properties = %v", props)
	}
	if at(t, props, "details", "token_type") != "classic" {
		t.Errorf("details = %v", props["details"])
	}
	if got := at(t, res, "partialFingerprints", finding.FingerprintVersion); got == "" {
		t.Errorf("no fingerprint")
	}
	if res["level"] != "error" {
		t.Errorf("level = %v", res["level"])
	}
	policy := at(t, resultFor(t, log, "allows Action"), "properties").(map[string]any)
	if _, ok := policy["entropy"]; ok {
		t.Errorf("entropy set for a finding without one: %v", policy)
	}
	msg := at(t, res, "message", "text")
	if want := `GitHub personal access token. Secret: "` + finding.Redact(secretFile) + `".`; msg != want {
		t.Errorf("message = %q, want %q", msg, want)
	}
}

func TestInvocation(t *testing.T) {
	log := decode(t, write(t, testReport()))
	inv := at(t, log, "runs", 0, "invocations", 0).(map[string]any)
	if inv["executionSuccessful"] != false {
		t.Errorf("executionSuccessful = %v with an error notice", inv["executionSuccessful"])
	}
	notes := inv["toolExecutionNotifications"].([]any)
	var levels []string
	for _, n := range notes {
		levels = append(levels, n.(map[string]any)["level"].(string))
	}
	if !slices.Equal(levels, []string{"error", "warning", "note"}) {
		t.Errorf("notification levels = %v", levels)
	}
	if got := at(t, notes[0], "locations", 0, "physicalLocation", "artifactLocation", "uri"); got != "secrets/locked.txt" {
		t.Errorf("error notice uri = %v", got)
	}
	if _, ok := notes[2].(map[string]any)["locations"]; ok {
		t.Errorf("notice without a path has a location")
	}
	if got := at(t, inv, "properties", "stats", "files"); got != 42.0 {
		t.Errorf("stats.files = %v", got)
	}
	if got := at(t, inv, "properties", "targets"); len(got.([]any)) != 2 {
		t.Errorf("targets = %v", got)
	}

	r := testReport()
	r.Notices = r.Notices[:2]
	inv = at(t, decode(t, write(t, r)), "runs", 0, "invocations", 0).(map[string]any)
	if inv["executionSuccessful"] != true {
		t.Errorf("executionSuccessful = %v without error notices", inv["executionSuccessful"])
	}
}

func TestDriver(t *testing.T) {
	driver := at(t, decode(t, write(t, testReport())), "runs", 0, "tool", "driver").(map[string]any)
	want := map[string]any{
		"name": "keysweep", "version": "0.1.0", "semanticVersion": "0.1.0",
		"informationUri": "https://github.com/keysweep/keysweep",
	}
	for k, v := range want {
		if driver[k] != v {
			t.Errorf("driver.%s = %v, want %v", k, driver[k], v)
		}
	}

	r := &finding.Report{Version: "dev"}
	driver = at(t, decode(t, write(t, r)), "runs", 0, "tool", "driver").(map[string]any)
	if _, ok := driver["semanticVersion"]; ok {
		t.Errorf("semanticVersion set for version %q", r.Version)
	}
}

func TestEmptyReport(t *testing.T) {
	log := decode(t, write(t, &finding.Report{}))
	if got := at(t, log, "runs", 0, "results"); len(got.([]any)) != 0 {
		t.Errorf("results = %v", got)
	}
	if got := at(t, log, "runs", 0, "tool", "driver", "rules"); len(got.([]any)) != 0 {
		t.Errorf("rules = %v", got)
	}
	if _, ok := at(t, log, "runs", 0).(map[string]any)["originalUriBaseIds"]; ok {
		t.Errorf("originalUriBaseIds without a WorkDir")
	}
	if err := Write(&bytes.Buffer{}, nil); err == nil {
		t.Errorf("Write(nil report) succeeded")
	}
}

func TestRuleMissingFromCatalog(t *testing.T) {
	r := &finding.Report{Findings: []finding.Finding{{
		RuleID: "uncatalogued-rule", Severity: finding.Low, Message: "Something",
		Location: finding.Location{Kind: finding.KindFile, Path: "a.txt", StartLine: 1},
	}}}
	log := decode(t, write(t, r))
	rule := at(t, log, "runs", 0, "tool", "driver", "rules", 0).(map[string]any)
	if rule["id"] != "uncatalogued-rule" || at(t, rule, "shortDescription", "text") != "uncatalogued-rule" {
		t.Errorf("synthesized rule = %v", rule)
	}
	if got := at(t, log, "runs", 0, "results", 0, "ruleIndex"); got != 0.0 {
		t.Errorf("ruleIndex = %v", got)
	}
}

func TestFindingWithoutPlace(t *testing.T) {
	r := &finding.Report{Findings: []finding.Finding{
		{RuleID: "a", Message: "In a commit message", Location: finding.Location{Kind: finding.KindCommit, Commit: "0123abcd"}},
		{RuleID: "b", Message: "Nowhere"},
	}}
	log := decode(t, write(t, r))
	for i, want := range []string{"0123abcd", "unknown"} {
		if got := at(t, log, "runs", 0, "results", i, "locations", 0, "logicalLocations", 0, "name"); got != want {
			t.Errorf("result %d: logical location %v, want %q", i, got, want)
		}
	}
}

func TestHelpers(t *testing.T) {
	for in, want := range map[string]string{
		"github-pat": "GithubPat", "aws-access-key-id": "AwsAccessKeyId",
		"x": "X", "slack_webhook.v2": "SlackWebhookV2", "": "Rule", "--": "Rule",
	} {
		if got := pascalCase(in); got != want {
			t.Errorf("pascalCase(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"0.1.0": "0.1.0", "v1.2.3": "1.2.3", "1.0.0-rc.1+abc": "1.0.0-rc.1+abc",
		"dev": "", "1.2": "", "v01.2.3": "",
	} {
		if got := semanticVersion(in); got != want {
			t.Errorf("semanticVersion(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"/home/u/p":   "file:///home/u/p/",
		"/home/u/p/":  "file:///home/u/p/",
		"/a b/#c":     "file:///a%20b/%23c/",
		`C:\src\repo`: "file:///C:/src/repo/",
	} {
		if got := dirURI(in); got != want {
			t.Errorf("dirURI(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"a/b.txt": "a/b.txt", "./a//b.txt": "a/b.txt", "dir/x y#z?.txt": "dir/x%20y%23z%3F.txt",
		"a:b.txt": "./a:b.txt", "../up.txt": "../up.txt", "100%.txt": "100%25.txt",
	} {
		if got := relativeURI(in); got != want {
			t.Errorf("relativeURI(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"-": stdinURI, "s3://bucket/key": "s3://bucket/key",
		"arn:aws:ssm:us-east-1:123456789012:parameter/x": "arn:aws:ssm:us-east-1:123456789012:parameter/x",
		"C:/x/y.txt": "file:///C:/x/y.txt", "/abs": "file:///abs", "rel/p": "rel/p",
	} {
		if got := *noticeArtifact(in).URI; got != want {
			t.Errorf("noticeArtifact(%q) = %q, want %q", in, got, want)
		}
	}
	for _, tt := range []struct {
		loc  finding.Location
		want string
	}{
		{finding.Location{StartLine: 5}, `{"startLine":5}`},
		{finding.Location{StartLine: 5, EndLine: 3, StartColumn: 4, EndColumn: 2}, `{"startLine":5,"startColumn":4,"endLine":5}`},
		{finding.Location{StartLine: 5, EndLine: 6, StartColumn: 4, EndColumn: 2}, `{"startLine":5,"startColumn":4,"endLine":6,"endColumn":2}`},
		{finding.Location{StartLine: 5, StartColumn: 4, EndColumn: 9}, `{"startLine":5,"startColumn":4,"endColumn":9}`},
	} {
		got, _ := json.Marshal(region(tt.loc))
		if string(got) != tt.want {
			t.Errorf("region(%+v) = %s, want %s", tt.loc, got, tt.want)
		}
	}
	if region(finding.Location{}) != nil {
		t.Errorf("region without a line is not nil")
	}
}
