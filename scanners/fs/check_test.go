package fs

import (
	"context"
	"encoding/base64"
	"errors"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
	"github.com/keysweep/keysweep/rules/dockerfile"
	"github.com/keysweep/keysweep/rules/k8ssecret"
)

// lineCheck is a structural check for tests: on files named "Checkfile" it
// reports every line that says "bad", and fails on a line that says
// "broken".
type lineCheck struct{}

func (lineCheck) Name() string        { return "line" }
func (lineCheck) Match(p string) bool { return path.Base(p) == "Checkfile" }
func (lineCheck) Check(_ context.Context, content []byte, loc finding.Location) ([]finding.Finding, error) {
	var out []finding.Finding
	for i, line := range strings.Split(string(content), "\n") {
		switch line {
		case "bad":
			l := loc
			l.StartLine = i + 1
			out = append(out, finding.Finding{RuleID: "line-bad", Location: l})
		case "broken":
			return out, errors.New("line " + string(rune('0'+i+1)) + ": cannot parse")
		}
	}
	return out, nil
}

func TestScanRunsChecks(t *testing.T) {
	root := t.TempDir()
	tok := fakeToken('c')
	writeFile(t, root, "svc/Checkfile", "ok\nbad\nTOKEN="+tok+"\n")
	writeFile(t, root, "svc/other.txt", "bad\n")
	writeFile(t, root, "broken/Checkfile", "bad\nbroken\n")

	res := scan(t, New(engine(t), Options{Checks: []rules.FileCheck{lineCheck{}}}), root)
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Location.Key+":"+f.RuleID)
	}
	want := "broken/Checkfile:line-bad svc/Checkfile:line-bad svc/Checkfile:github-pat"
	if strings.Join(got, " ") != want {
		t.Errorf("findings = %v, want %s", got, want)
	}
	n := noticeFor(t, res, filepath.ToSlash(root)+"/broken/Checkfile")
	if n.Level != finding.LevelWarning || !strings.Contains(n.Message, "line check not completed: line 2: cannot parse") {
		t.Errorf("notice = %+v", n)
	}
	// A file the user names is an error: the check was asked for and did
	// not happen.
	res = scan(t, New(engine(t), Options{Checks: []rules.FileCheck{lineCheck{}}}), filepath.Join(root, "broken/Checkfile"))
	if n := res.Notices[0]; n.Level != finding.LevelError {
		t.Errorf("explicit target notice = %+v", n)
	}
}

// TestDecodedValueSupersedesGenericMatch: a check that decodes a value (a
// Kubernetes Secret's base64) reports the credential; a generic rule's
// match of the encoded form on that line is left out, other findings stay.
func TestDecodedValueSupersedesGenericMatch(t *testing.T) {
	root := t.TempDir()
	pw := "q7Rt2xWm9LpZ4vKb"
	b64 := base64.StdEncoding.EncodeToString([]byte(pw))
	tok := fakeToken('d')
	writeFile(t, root, "k8s/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: "+b64+"\n# GITHUB_TOKEN="+tok+"\n")

	plain := scan(t, New(engine(t), Options{}), root)
	if len(plain.Findings) != 2 {
		t.Fatalf("content rules alone: %d findings, want the encoded password and the token", len(plain.Findings))
	}
	res := scan(t, New(engine(t), Options{Checks: []rules.FileCheck{k8ssecret.NewCheck(engine(t))}}), root)
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.RuleID+" "+f.Secret)
	}
	want := []string{"generic-password " + pw, "github-pat " + tok}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("findings %q, want the decoded password and the token", got)
	}
}

// TestCheckSupersedesGenericMatch: a check that reports a secret on a
// line (the Dockerfile check's RUN curl -u) and a generic rule that
// matches the same secret there give one finding, the check's.
func TestCheckSupersedesGenericMatch(t *testing.T) {
	root := t.TempDir()
	pw := "Zr8n0tRealCurl"
	writeFile(t, root, "Dockerfile", "FROM alpine:3.21\nRUN curl -fsSL -u ci:"+pw+" https://artifacts.internal.test/a.tgz\n")

	plain := scan(t, New(engine(t), Options{}), root)
	if len(plain.Findings) != 1 || plain.Findings[0].RuleID != "generic-curl-user-password" {
		t.Fatalf("content rules alone: %+v, want the generic curl match", plain.Findings)
	}
	res := scan(t, New(engine(t), Options{Checks: []rules.FileCheck{dockerfile.NewCheck(engine(t))}}), root)
	if len(res.Findings) != 1 || res.Findings[0].RuleID != "dockerfile-run-inline-credential" || res.Findings[0].Secret != pw {
		t.Errorf("findings %+v, want the Dockerfile check's alone", res.Findings)
	}
}
