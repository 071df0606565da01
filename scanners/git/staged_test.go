package git

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func scanStaged(t *testing.T, dir string) *Result {
	t.Helper()
	res, err := New(engine(t), Options{}).ScanStaged(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func lines(res *Result) map[string][]int {
	out := map[string][]int{}
	for _, f := range res.Findings {
		if f.RuleID == "github-pat" {
			out[f.Location.Path] = append(out[f.Location.Path], f.Location.StartLine)
		}
	}
	return out
}

// TestScanStaged: only what the next commit would add is reported: new
// lines of changed files, whole new files, and everything before the first
// commit; secrets already committed and unstaged edits are not.
func TestScanStaged(t *testing.T) {
	r := newRepo(t)
	r.write(map[string]string{"first.env": "T=" + token(40) + "\n"})
	if got := lines(scanStaged(t, r.dir)); len(got["first.env"]) != 1 {
		t.Fatalf("before the first commit: %v", got)
	}
	r.commit("init", map[string]string{"app.env": "OLD=" + token(41) + "\nA=1\n"})

	r.write(map[string]string{
		"app.env": "OLD=" + token(41) + "\nA=1\nNEW=" + token(42) + "\n",
		"new.env": "\nX=" + token(43) + "\n",
	})
	// An unstaged edit in the work tree is not what git would commit.
	if err := os.WriteFile(filepath.Join(r.dir, "app.env"), []byte("UNSTAGED="+token(44)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := scanStaged(t, r.dir)
	got := lines(res)
	if len(got) != 2 || len(got["app.env"]) != 1 || got["app.env"][0] != 3 || len(got["new.env"]) != 1 || got["new.env"][0] != 2 {
		t.Errorf("staged findings %v, want app.env:3 and new.env:2", got)
	}
	if res.Stats.Files != 2 {
		t.Errorf("scanned %d files, want the 2 staged ones", res.Stats.Files)
	}
}

func TestAddedLines(t *testing.T) {
	got := addedLines([]byte("a\nb\nc\n"), []byte("a\nX\nb\nc\nY"))
	if len(got) != 2 || !got[2] || !got[5] {
		t.Errorf("added %v, want lines 2 and 5", got)
	}
	if addedLines(nil, []byte("a\n")) != nil {
		t.Error("no old version: every line is added (nil)")
	}
}

// TestScanStagedRenames: a renamed file brings nothing new, unless the
// rename also edits it.
func TestScanStagedRenames(t *testing.T) {
	r := newRepo(t)
	old := token(45)
	r.commit("init", map[string]string{"conf/app.env": "OLD=" + old + "\n", "conf/db.env": "DB=" + token(46) + "\n"})
	r.write(map[string]string{"conf/app.env": "", "moved/app.env": "OLD=" + old + "\n"})
	if got := lines(scanStaged(t, r.dir)); len(got) != 0 {
		t.Errorf("pure rename: %v, want nothing", got)
	}
	r.write(map[string]string{"conf/db.env": "", "other/db.env": "DB=" + token(46) + "\nNEW=" + token(47) + "\n"})
	got := lines(scanStaged(t, r.dir))
	if len(got) != 1 || len(got["other/db.env"]) != 1 || got["other/db.env"][0] != 2 {
		t.Errorf("rename with an edit: %v, want other/db.env:2", got)
	}
}

// TestScanStagedNamedFiles: with paths (as pre-commit passes them), only
// those are scanned, and an unchanged one whole (pre-commit run
// --all-files).
func TestScanStagedNamedFiles(t *testing.T) {
	r := newRepo(t)
	r.commit("init", map[string]string{"a.env": "A=" + token(48) + "\n", "b.env": "B=" + token(49) + "\n"})
	r.write(map[string]string{"c.env": "C=" + token(50) + "\n"})
	res, err := New(engine(t), Options{}).ScanStaged(context.Background(), r.dir, []string{"a.env", "c.env"})
	if err != nil {
		t.Fatal(err)
	}
	got := lines(res)
	if len(got) != 2 || len(got["a.env"]) != 1 || len(got["c.env"]) != 1 {
		t.Errorf("findings %v, want a.env (whole) and c.env (new)", got)
	}
}
