package fs

import (
	"context"
	"errors"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
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
