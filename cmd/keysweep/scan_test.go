package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/keysweep/keysweep/rules"
	"github.com/keysweep/keysweep/rules/rulestest"
)

// keysweep runs the CLI in-process and returns its exit code and outputs.
func keysweep(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

type jsonOut struct {
	Complete bool `json:"complete"`
	Findings []struct {
		RuleID   string `json:"rule_id"`
		Secret   string `json:"secret"`
		Location struct {
			Path      string `json:"path"`
			StartLine int    `json:"start_line"`
		} `json:"location"`
		Fingerprint string `json:"fingerprint"`
	} `json:"findings"`
	Notices []struct {
		Level, Path, Message string
	} `json:"notices"`
}

func scanJSON(t *testing.T, args ...string) (int, jsonOut, string) {
	t.Helper()
	code, stdout, stderr := keysweep(t, "", append([]string{"scan", "--format", "json"}, args...)...)
	var out jsonOut
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("exit %d, bad JSON: %v\n%s\nstderr: %s", code, err, stdout, stderr)
	}
	return code, out, stderr
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPlantedSecretPerRule plants every catalog rule's first example in a
// folder of its own, under a few lines of filler, and expects each to be
// found in its file on the example's lines.
func TestPlantedSecretPerRule(t *testing.T) {
	root := t.TempDir()
	names, err := rules.CatalogFiles()
	if err != nil {
		t.Fatal(err)
	}
	type plant struct {
		path        string
		first, last int
	}
	want := map[string]plant{}
	for _, name := range names {
		cfg, err := rules.CatalogFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range cfg.Rules {
			if len(r.Examples) == 0 || r.SkipReport {
				continue // a part of another rule's findings reports nothing alone
			}
			if r.Check != "" {
				continue // a structural check's examples are run by its own package's tests
			}
			ex := r.Examples[0]
			if r.Regex == "" { // a path-only rule's example is a path
				write(t, filepath.Join(root, r.ID, ex), "binary-ish\x00content")
				want[r.ID] = plant{path: filepath.ToSlash(filepath.Join(root, r.ID, ex))}
				continue
			}
			file := r.ExamplePath
			if file == "" {
				file = "config.txt"
			}
			const filler = "# settings\n\nname = service\n"
			write(t, filepath.Join(root, r.ID, file), filler+ex+"\n")
			want[r.ID] = plant{path: filepath.ToSlash(filepath.Join(root, r.ID, file)), first: 4, last: 3 + strings.Count(ex, "\n") + 1}
		}
	}
	code, out, stderr := scanJSON(t, root)
	if code != exitFindings || !out.Complete {
		t.Fatalf("exit %d, complete %v; stderr %s", code, out.Complete, stderr)
	}
	found := map[string]bool{}
	for _, f := range out.Findings {
		p, ok := want[f.RuleID]
		if !ok || f.Location.Path != p.path {
			continue
		}
		if p.first == 0 || (f.Location.StartLine >= p.first && f.Location.StartLine <= p.last) {
			found[f.RuleID] = true
		}
	}
	for id, p := range want {
		if !found[id] {
			t.Errorf("rule %s: planted example in %s (lines %d-%d) not found", id, p.path, p.first, p.last)
		}
	}
	t.Logf("%d rules planted and found", len(found))
}

func TestLookalikesYieldNothing(t *testing.T) {
	code, out, stderr := scanJSON(t, "../../testdata/lookalikes")
	for _, f := range out.Findings {
		t.Errorf("look-alike reported: %s:%d %s (%s)", f.Location.Path, f.Location.StartLine, f.RuleID, f.Secret)
	}
	if code != exitClean {
		t.Errorf("exit %d, want 0; stderr %s", code, stderr)
	}
}

func TestRedactionAndShowSecrets(t *testing.T) {
	root := t.TempDir()
	tok := rulestest.GitHubToken(rulestest.Rand(7))
	write(t, filepath.Join(root, "app.env"), "GITHUB_TOKEN="+tok+"\n")
	for _, format := range []string{"text", "json", "sarif"} {
		code, stdout, stderr := keysweep(t, "", "scan", "--format", format, root)
		if code != exitFindings {
			t.Fatalf("%s: exit %d: %s", format, code, stderr)
		}
		if strings.Contains(stdout+stderr, tok) {
			t.Errorf("%s: the secret leaked into the report", format)
		}
		if !strings.Contains(stdout, "ghp_") {
			t.Errorf("%s: no redacted prefix in the report", format)
		}
		_, stdout, _ = keysweep(t, "", "scan", "--show-secrets", "--format", format, root)
		if !strings.Contains(stdout, tok) {
			t.Errorf("%s: --show-secrets did not show the secret", format)
		}
	}
}

func TestExitCodes(t *testing.T) {
	clean := t.TempDir()
	write(t, filepath.Join(clean, "main.go"), "package main\n")
	dirty := t.TempDir()
	write(t, filepath.Join(dirty, "a.env"), "TOKEN="+rulestest.GitHubToken(rulestest.Rand(8))+"\n")
	badConfig := filepath.Join(t.TempDir(), "bad.toml")
	write(t, badConfig, "[[rules]]\nid = \"broken\"\nregex = '''(unclosed'''\n")

	cases := []struct {
		name string
		args []string
		want int
		msg  string
	}{
		{"clean", []string{"scan", clean}, exitClean, ""},
		{"findings", []string{"scan", dirty}, exitFindings, ""},
		{"below fail-on", []string{"scan", "--fail-on", "none", dirty}, exitClean, ""},
		{"missing path", []string{"scan", filepath.Join(clean, "nope")}, exitError, "nope"},
		{"partial allowed", []string{"scan", "--allow-partial", filepath.Join(clean, "nope")}, exitClean, "nope"},
		{"malformed config", []string{"scan", "--config", badConfig, clean}, exitError, `bad.toml: rule "broken"`},
		{"bad format", []string{"scan", "--format", "xml", clean}, exitError, "--format"},
		{"bad fail-on", []string{"scan", "--fail-on", "severe", clean}, exitError, "--fail-on"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := keysweep(t, "", c.args...)
			if code != c.want {
				t.Errorf("exit %d, want %d\nstdout %s\nstderr %s", code, c.want, stdout, stderr)
			}
			if c.msg != "" && !strings.Contains(stdout+stderr, c.msg) {
				t.Errorf("output does not mention %q:\n%s%s", c.msg, stdout, stderr)
			}
		})
	}
}

func TestStdin(t *testing.T) {
	tok := rulestest.GitHubToken(rulestest.Rand(9))
	code, stdout, _ := keysweep(t, "first line\nexport GH="+tok+"\n", "scan", "--format", "json", "-")
	if code != exitFindings || !strings.Contains(stdout, `"path": "stdin"`) || !strings.Contains(stdout, `"start_line": 2`) {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
}

func TestOutputToDeviceAndFIFO(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.env"), "X="+rulestest.GitHubToken(rulestest.Rand(10))+"\n")
	if code, _, stderr := keysweep(t, "", "scan", "-o", "/dev/null", "--format", "sarif", dir); code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	st, err := os.Stat("/dev/null")
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a character device: %v %v", st.Mode(), err)
	}

	fifo := filepath.Join(t.TempDir(), "report.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := make(chan string)
	go func() {
		data, _ := os.ReadFile(fifo)
		got <- string(data)
	}()
	if code, _, stderr := keysweep(t, "", "scan", "-o", fifo, "--format", "json", dir); code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if report := <-got; !strings.Contains(report, "github-pat") {
		t.Errorf("report through the FIFO: %q", report)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", st.Mode(), err)
	}
}

func TestBaselineShowsOnlyNew(t *testing.T) {
	dir := t.TempDir()
	r := rulestest.Rand(11)
	write(t, filepath.Join(dir, "a.env"), "A="+rulestest.GitHubToken(r)+"\n")
	for _, format := range []string{"sarif", "json"} {
		baseline := filepath.Join(t.TempDir(), "base."+format)
		if code, _, stderr := keysweep(t, "", "scan", "--format", format, "-o", baseline, dir); code != exitFindings {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if code, out, _ := scanJSON(t, "--baseline", baseline, dir); code != exitClean || len(out.Findings) != 0 {
			t.Errorf("%s baseline: exit %d, findings %v", format, code, out.Findings)
		}
	}
	baseline := filepath.Join(t.TempDir(), "base.sarif")
	keysweep(t, "", "scan", "--format", "sarif", "-o", baseline, dir)
	write(t, filepath.Join(dir, "b.env"), "B="+rulestest.GitHubToken(r)+"\n")
	_, out, _ := scanJSON(t, "--baseline", baseline, dir)
	if len(out.Findings) != 1 || !strings.HasSuffix(out.Findings[0].Location.Path, "b.env") {
		t.Errorf("with a new secret: %+v", out.Findings)
	}
}

func TestIgnoreFile(t *testing.T) {
	dir := t.TempDir()
	r := rulestest.Rand(12)
	tok := rulestest.GitHubToken(r)
	write(t, filepath.Join(dir, "a.env"), "A="+tok+"\n")
	_, out, _ := scanJSON(t, dir)
	if len(out.Findings) != 1 {
		t.Fatalf("findings %+v", out.Findings)
	}
	fp := out.Findings[0].Fingerprint
	write(t, filepath.Join(dir, ".keysweepignore"), "# reviewed\n"+fp+" revoked on 2026-11-01, kept as a test fixture\n")

	// Moving the line keeps it ignored.
	write(t, filepath.Join(dir, "a.env"), "# moved down\n\nA="+tok+"\n")
	if code, out, _ := scanJSON(t, dir); code != exitClean || len(out.Findings) != 0 {
		t.Errorf("moved line: exit %d, findings %+v", code, out.Findings)
	}
	// A different secret on the ignored line is still reported, and the
	// now-unused entry is noted.
	write(t, filepath.Join(dir, "a.env"), "# moved down\n\nA="+rulestest.GitHubToken(r)+"\n")
	code, out, _ := scanJSON(t, dir)
	if code != exitFindings || len(out.Findings) != 1 {
		t.Errorf("other secret: exit %d, findings %+v", code, out.Findings)
	}
	if len(out.Notices) == 0 || !strings.Contains(out.Notices[0].Message, "matched no finding") {
		t.Errorf("unused ignore entry not noted: %+v", out.Notices)
	}
	// An entry without a reason is an error naming the line.
	write(t, filepath.Join(dir, ".keysweepignore"), fp+"\n")
	if code, _, stderr := keysweep(t, "", "scan", dir); code != exitError || !strings.Contains(stderr, ".keysweepignore:1") {
		t.Errorf("reasonless entry: exit %d: %s", code, stderr)
	}
}

func TestGitleaksConfigAccepted(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, ".gitleaks.toml"), `title = "team config"
[extend]
useDefault = true
disabledRules = ["github-pat"]

[[rules]]
id = "acme-key"
description = "ACME internal key"
regex = '''acme_[a-z0-9]{16}'''
keywords = ["acme_"]
[rules.allowlist]
regexes = ['''acme_0000000000000000''']

[allowlist]
paths = ['''vendor/''']
`)
	write(t, filepath.Join(dir, "a.txt"), "k = acme_0123456789abcdef\nt = "+rulestest.GitHubToken(rulestest.Rand(13))+"\nz = acme_0000000000000000\n")
	write(t, filepath.Join(dir, "vendor", "b.txt"), "k = acme_0123456789abcdef\n")
	_, out, stderr := scanJSON(t, dir)
	var got []string
	for _, f := range out.Findings {
		got = append(got, fmt.Sprintf("%s:%d", filepath.Base(f.Location.Path), f.Location.StartLine)+" "+f.RuleID)
	}
	if strings.Join(got, ",") != "a.txt:1 acme-key" {
		t.Errorf("findings %v; stderr %s", got, stderr)
	}
}

func TestOverlappingTargetsReportOnce(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.env"), "X="+rulestest.GitHubToken(rulestest.Rand(14))+"\n")
	_, out, _ := scanJSON(t, dir, filepath.Join(dir, "a.env"))
	if len(out.Findings) != 1 {
		t.Errorf("findings %+v", out.Findings)
	}
}

func TestMinConfidence(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.env"), "X="+rulestest.GitHubToken(rulestest.Rand(15))+"\ndb_password = \"Wq4-n0t-R3al!x\"\n") // keysweep:allow fake password for the confidence filter
	_, all, _ := scanJSON(t, dir)
	_, high, stderr := scanJSON(t, "--min-confidence", "high", dir)
	if len(all.Findings) != 2 || len(high.Findings) != 1 || high.Findings[0].RuleID != "github-pat" {
		t.Errorf("all %+v, high %+v", all.Findings, high.Findings)
	}
	if !strings.Contains(stderr, "1 below --min-confidence") {
		t.Errorf("summary: %s", stderr)
	}
	if code, _, stderr := keysweep(t, "", "scan", "--min-confidence", "certain", dir); code != exitError || !strings.Contains(stderr, "--min-confidence") {
		t.Errorf("bad value: exit %d %s", code, stderr)
	}
}
