package git

import (
	"context"
	"hash/maphash"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// TestPlantedHistory builds history where secrets are added, moved,
// modified, deleted, and live on a merged branch and an unmerged one, and
// checks that each is found once, at the commit, path and line that
// brought it, and that the removed ones say which commit removed them.
func TestPlantedHistory(t *testing.T) {
	kept, moved, edited, deleted, merged, unmerged := token(101), token(102), token(103), token(104), token(105), token(106)
	r := newRepo(t)
	c1 := r.commit("init", map[string]string{
		"README.md":    "project\n",
		"config/a.env": "# a\nKEPT=" + kept + "\n",
		"old/place.sh": "#!/bin/sh\nexport MOVED=" + moved + "\n",
		"svc/db.yaml":  "host: db\nuser: app\ntoken: " + deleted + "\n",
	})
	c2 := r.commit("move a script, edit config", map[string]string{
		"old/place.sh": "",
		"new/place.sh": "#!/bin/sh\nexport MOVED=" + moved + "\n",
		"config/a.env": "# a\nKEPT=" + kept + "\nEDITED=" + edited + "\n",
	})
	c3 := r.commit("delete the db token", map[string]string{"svc/db.yaml": "host: db\nuser: app\n"})
	r.checkout("feature", true)
	cf := r.commit("feature token", map[string]string{"feature/f.env": "line\nline\nF=" + merged + "\n"})
	r.checkout("master", false)
	r.commit("master moves on", map[string]string{"README.md": "project v2\n"})
	r.merge("feature", "merge feature")
	c5 := r.commit("drop the edited one", map[string]string{"config/a.env": "# a\nKEPT=" + kept + "\n"})
	r.checkout("wip", true)
	cw := r.commit("wip", map[string]string{"wip.txt": "W=" + unmerged + "\n"})
	r.checkout("master", false)

	// Trees diffed by one goroutine, and by four, two commits each.
	serial := scan(t, r.dir, Options{})
	s := New(engine(t), Options{Workers: 4})
	s.minPerDiffer = 2
	parallel, err := s.Scan(context.Background(), r.dir)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(serial, parallel) {
		t.Error("trees diffed in parallel give another result")
	}
	res := parallel
	type want struct {
		commit    plumbing.Hash
		path      string
		line      int
		removedIn plumbing.Hash // zero: still in HEAD
		note      string
	}
	wants := map[string]want{
		kept:     {c1, "config/a.env", 2, plumbing.ZeroHash, ""},
		moved:    {c1, "old/place.sh", 2, plumbing.ZeroHash, ""}, // same blob, now at new/place.sh
		edited:   {c2, "config/a.env", 3, c5, "removed in"},
		deleted:  {c1, "svc/db.yaml", 3, c3, "removed in"},
		merged:   {cf, "feature/f.env", 3, plumbing.ZeroHash, ""},
		unmerged: {cw, "wip.txt", 1, plumbing.ZeroHash, "not in HEAD's history"},
	}
	// The moved file is the same blob: found once, at its first path, and
	// not removed from HEAD.
	wantCount := len(wants)
	if len(res.Findings) != wantCount {
		for _, f := range res.Findings {
			t.Logf("%s %s:%d %s", f.Location.Commit[:7], f.Location.Path, f.Location.StartLine, f.Message)
		}
		t.Fatalf("%d findings, want %d", len(res.Findings), wantCount)
	}
	for _, f := range res.Findings {
		w, ok := wants[f.Secret]
		if !ok {
			t.Errorf("unexpected finding %s", f)
			continue
		}
		if f.Location.Commit != w.commit.String() || f.Location.Path != w.path || f.Location.StartLine != w.line {
			t.Errorf("%s: at %s %s:%d, want %s %s:%d", f.RuleID, f.Location.Commit[:7], f.Location.Path, f.Location.StartLine, w.commit.String()[:7], w.path, w.line)
		}
		removed := f.Details[RemovedFromHEAD] == "true"
		if removed != (w.note != "") || !strings.Contains(f.Message, w.note) {
			t.Errorf("%s: removed=%v message %q, want note %q", w.path, removed, f.Message, w.note)
		}
		if !w.removedIn.IsZero() && f.Details[RemovedIn] != w.removedIn.String() {
			t.Errorf("%s: removed in %q, want %s", w.path, f.Details[RemovedIn], w.removedIn)
		}
	}
	// Every blob once: 4 + 1 (a.env v2; new/place.sh is old/place.sh's
	// blob) + db.yaml v2 + f.env + README v2 + a.env v3 (= v1's blob: not
	// again) + wip.txt.
	if res.Stats.Files != 9 || res.Stats.Commits != 8 {
		t.Errorf("stats %+v", res.Stats)
	}
}

func TestRangeAndAllCommits(t *testing.T) {
	old, newer := token(111), token(112)
	r := newRepo(t)
	c1 := r.commit("one", map[string]string{"a.env": "A=" + old + "\n"})
	c2 := r.commit("two", map[string]string{"b.env": "B=" + newer + "\n"})
	c3 := r.commit("three", map[string]string{"a.env": "# still here\nA=" + old + "\n"})

	res := scan(t, r.dir, Options{Include: []string{"HEAD"}, Exclude: []string{c1.String()}})
	if got := secrets(res); !slices.Equal(got, []string{newer}) || res.Stats.Commits != 2 {
		t.Errorf("range c1..HEAD: %d secrets, %d commits; want only the newer one, 2 commits", len(got), res.Stats.Commits)
	}
	res = scan(t, r.dir, Options{AllCommits: true})
	for _, f := range res.Findings {
		want := c2.String()
		if f.Secret == old {
			want = c1.String() + "," + c3.String()
		}
		if f.Details[Commits] != want {
			t.Errorf("%s: commits %q, want %q", f.Location.Path, f.Details[Commits], want)
		}
	}
	if _, err := New(engine(t), Options{Include: []string{"nope"}}).Scan(context.Background(), r.dir); err == nil {
		t.Error("an unknown revision: want an error")
	}
	if _, err := New(engine(t), Options{Include: []string{"HEAD"}, Exclude: []string{"HEAD"}}).Scan(context.Background(), r.dir); err == nil {
		t.Error("an empty range: want an error")
	}
}

func TestPrePush(t *testing.T) {
	pushed, remote := token(121), token(122)
	r := newRepo(t)
	base := r.commit("on the remote", map[string]string{"r.env": "R=" + remote + "\n"})
	r.setRef("refs/remotes/origin/master", base)
	tip := r.commit("to push", map[string]string{"p.env": "P=" + pushed + "\n"})
	zero := strings.Repeat("0", 40)
	for _, tc := range []struct {
		name  string
		input string
		want  []string
	}{
		{"update", "refs/heads/master " + tip.String() + " refs/heads/master " + base.String() + "\n", []string{pushed}},
		{"new branch", "refs/heads/master " + tip.String() + " refs/heads/new " + zero + "\n", []string{pushed}},
		{"force push over an unknown commit", "refs/heads/master " + tip.String() + " refs/heads/master " + strings.Repeat("ab", 20) + "\n", []string{pushed}},
		{"nothing new", "refs/heads/master " + base.String() + " refs/heads/x " + zero + "\n", nil},
	} {
		updates, err := ParsePrePush(strings.NewReader(tc.input))
		if err != nil {
			t.Fatal(err)
		}
		opts, ok := PushOptions(Options{}, updates)
		if !ok {
			t.Fatalf("%s: nothing to scan", tc.name)
		}
		res := scan(t, r.dir, opts)
		if got := secrets(res); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %d secrets, want %d", tc.name, len(got), len(tc.want))
		}
	}
	updates, _ := ParsePrePush(strings.NewReader("refs/heads/gone " + zero + " refs/heads/gone " + base.String() + "\n"))
	if _, ok := PushOptions(Options{}, updates); ok {
		t.Error("a deletion sends nothing")
	}
	if _, err := ParsePrePush(strings.NewReader("garbage line\n")); err == nil {
		t.Error("bad pre-push input: want an error")
	}
}

func TestLFSPointerCounted(t *testing.T) {
	r := newRepo(t)
	r.commit("lfs", map[string]string{"big.bin": "version https://git-lfs.github.com/spec/v1\noid sha256:" + strings.Repeat("ab", 32) + "\nsize 123456789\n"})
	res := scan(t, r.dir, Options{})
	if res.Stats.SkippedLFS != 1 || res.Stats.Files != 0 || len(res.Findings) != 0 {
		t.Errorf("stats %+v, findings %v", res.Stats, res.Findings)
	}
}

func TestNewLinesSpans(t *testing.T) {
	w := &worker{seed: maphash.MakeSeed()}
	old := []byte("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n")
	cur := []byte("a\nb\nc\nd\ne\nNEW\nf\ng\nh\ni\nj\n")
	got, changed := w.newLines(old, cur)
	// Line 6 is new; three lines of context each side: lines 3-9.
	if len(got) != 1 || got[0].line != 3 || string(cur[got[0].lo:got[0].hi]) != "c\nd\ne\nNEW\nf\ng\nh\n" {
		t.Errorf("spans %+v", got)
	}
	for l := 1; l <= 11; l++ {
		if changed.any(l, l) != (l == 6) {
			t.Errorf("line %d: new = %v", l, changed.any(l, l))
		}
	}

	if got, _ := w.newLines(cur, cur); len(got) != 0 {
		t.Errorf("no change: %+v", got)
	}
}
