package git

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	gogit "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/keysweep/keysweep/finding"
)

// secrets lists the secrets of res's findings, in order.
func secrets(res *Result) []string {
	var out []string
	for _, f := range res.Findings {
		out = append(out, f.Secret)
	}
	return out
}

func TestRemovedSecretFoundOnceAtItsFirstCommit(t *testing.T) {
	tok := token(1)
	r := newRepo(t)
	c1 := r.commit("add config", map[string]string{
		"README.md":         "hello\n",
		"deploy/ci/env.txt": "# ci\nGITHUB_TOKEN=" + tok + "\n",
	})
	c2 := r.commit("remove the token", map[string]string{"deploy/ci/env.txt": ""})
	r.commit("more docs", map[string]string{"README.md": "hello again\n"})

	res := scan(t, r.dir, Options{})
	if len(res.Findings) != 1 {
		t.Fatalf("findings %v, want one", res.Findings)
	}
	f := res.Findings[0]
	want := finding.Location{
		Kind: finding.KindCommit, Path: "deploy/ci/env.txt", Key: "deploy/ci/env.txt",
		StartLine: 2, StartColumn: 14,
		Commit: c1.String(), Author: "Ada Lovelace", Email: "ada@example.com", Date: "2024-01-02T03:04:05Z",
	}
	got := f.Location
	got.EndLine, got.EndColumn = 0, 0
	if got != want {
		t.Errorf("location\n got %+v\nwant %+v", got, want)
	}
	if f.Secret != tok || f.RuleID != "github-pat" {
		t.Errorf("finding %s %s", f.RuleID, f.Redacted())
	}
	if f.Details[RemovedFromHEAD] != "true" || f.Details[RemovedIn] != c2.String() ||
		!strings.HasSuffix(f.Message, " (removed in "+c2.String()[:12]+", still in history)") {
		t.Errorf("not marked removed from HEAD: %q %v", f.Message, f.Details)
	}
	// Blobs: README v1, env.txt, README v2.
	if res.Stats.Files != 3 || res.Stats.Commits != 3 || len(res.Notices) != 0 {
		t.Errorf("stats %+v, commits %d, notices %v", res.Stats, res.Stats.Commits, res.Notices)
	}
}

func TestSecretStillInHEADIsNotMarked(t *testing.T) {
	r := newRepo(t)
	r.commit("add", map[string]string{"a.env": "TOKEN=" + token(2) + "\n"})
	r.commit("other", map[string]string{"b.txt": "b\n"})
	res := scan(t, r.dir, Options{})
	if len(res.Findings) != 1 || res.Findings[0].Details[RemovedFromHEAD] != "" || strings.Contains(res.Findings[0].Message, "removed") {
		t.Fatalf("findings %+v", res.Findings)
	}
}

func TestSameBlobScannedOnce(t *testing.T) {
	content := "TOKEN=" + token(3) + "\n"
	r := newRepo(t)
	c1 := r.commit("one", map[string]string{"a.env": content})
	r.checkout("feature", true)
	r.commit("copy on a branch", map[string]string{"feature/b.env": content, "f.txt": "feature\n"})
	r.checkout("master", false)
	r.commit("copy on master", map[string]string{"c.env": content, "m.txt": "master\n"})

	res := scan(t, r.dir, Options{})
	if len(res.Findings) != 1 || res.Findings[0].Location.Commit != c1.String() || res.Findings[0].Location.Path != "a.env" {
		t.Fatalf("findings %+v, want one in a.env at %s", res.Findings, c1)
	}
	// The shared blob, f.txt and m.txt.
	if res.Stats.Files != 3 || res.Stats.Commits != 3 {
		t.Errorf("stats %+v, commits %d", res.Stats, res.Stats.Commits)
	}
}

func TestBranchRestrictsRefs(t *testing.T) {
	onMaster, onFeature := token(4), token(5)
	r := newRepo(t)
	r.commit("root", map[string]string{"README.md": "hi\n"})
	r.checkout("feature", true)
	fc := r.commit("feature secret", map[string]string{"feature.env": "T=" + onFeature + "\n"})
	sig := &object.Signature{Name: "Ada Lovelace", Email: "ada@example.com", When: epoch}
	if _, err := r.repo.CreateTag("v1", fc, &gogit.CreateTagOptions{Tagger: sig, Message: "v1"}); err != nil {
		t.Fatal(err)
	}
	r.checkout("master", false)
	r.commit("master secret", map[string]string{"master.env": "T=" + onMaster + "\n"})

	for _, tc := range []struct {
		branch string
		want   []string
	}{
		{"", []string{onFeature, onMaster}},
		{"master", []string{onMaster}},
		{"feature", []string{onFeature}},
		{"refs/heads/feature", []string{onFeature}},
		{"v1", []string{onFeature}}, // an annotated tag
		{"HEAD", []string{onMaster}},
	} {
		res := scan(t, r.dir, Options{Branch: tc.branch})
		if got := secrets(res); !slices.Equal(got, tc.want) {
			t.Errorf("Branch %q: %d secrets, want %d", tc.branch, len(got), len(tc.want))
		}
	}
	if _, err := New(engine(t), Options{Branch: "nope"}).Scan(context.Background(), r.dir); err == nil {
		t.Error("an unknown branch: want an error")
	}
}

func TestMaxCommitsAndSince(t *testing.T) {
	var toks []string
	r := newRepo(t)
	for i := range 4 {
		tok := token(uint64(10 + i))
		toks = append(toks, tok)
		r.commit("add", map[string]string{"s" + string(rune('0'+i)) + ".env": "T=" + tok + "\n"})
	}
	for _, tc := range []struct {
		opts Options
		want []string
	}{
		{Options{}, toks},
		{Options{MaxCommits: 1}, toks[3:]},
		{Options{MaxCommits: 2}, toks[2:]},
		{Options{MaxCommits: 10}, toks},
		{Options{Since: epoch.Add(2 * time.Hour)}, toks[2:]},
	} {
		res := scan(t, r.dir, tc.opts)
		if got := secrets(res); !slices.Equal(got, tc.want) {
			t.Errorf("%+v: %d secrets, want %d", tc.opts, len(got), len(tc.want))
		}
	}
	if _, err := New(engine(t), Options{Since: epoch.Add(time.Hour * 1000)}).Scan(context.Background(), r.dir); err == nil {
		t.Error("nothing selected: want an error")
	}
}

func TestBareClone(t *testing.T) {
	gone, kept := token(20), token(21)
	r := newRepo(t)
	c1 := r.commit("one", map[string]string{"x/old.env": "T=" + gone + "\n", "y/keep.env": "T=" + kept + "\n"})
	r.commit("two", map[string]string{"x/old.env": ""})

	bare := t.TempDir()
	if _, err := gogit.PlainClone(bare, true, &gogit.CloneOptions{URL: r.dir}); err != nil {
		t.Fatal(err)
	}
	res := scan(t, bare, Options{})
	if got := secrets(res); !slices.Equal(got, []string{gone, kept}) {
		t.Fatalf("%d secrets, want 2", len(got))
	}
	for _, f := range res.Findings {
		if f.Location.Commit != c1.String() {
			t.Errorf("%s: commit %s, want %s", f.Location.Path, f.Location.Commit, c1)
		}
		if removed := f.Details[RemovedFromHEAD] == "true"; removed != (f.Secret == gone) {
			t.Errorf("%s: removed_from_head %v", f.Location.Path, removed)
		}
	}
	// The same from a subdirectory of the work tree (DetectDotGit).
	if sub := scan(t, r.dir+"/y", Options{}); len(sub.Findings) != 2 {
		t.Errorf("from a subdirectory: %d findings", len(sub.Findings))
	}
}

func TestShallowClone(t *testing.T) {
	r := newRepo(t)
	r.commit("one", map[string]string{"a.env": "T=" + token(30) + "\n"})
	r.commit("two", map[string]string{"b.env": "T=" + token(31) + "\n"})
	c3 := r.commit("three", map[string]string{"c.txt": "c\n"})

	dir := t.TempDir()
	if _, err := gogit.PlainClone(dir, true, &gogit.CloneOptions{URL: "file://" + r.dir, Depth: 1}); err != nil {
		t.Skipf("shallow clone of a local repository: %v", err)
	}
	res := scan(t, dir, Options{})
	// The shallow commit's whole tree is what there is: both secrets.
	if len(res.Findings) != 2 || res.Stats.Commits != 1 {
		t.Errorf("findings %d, commits %d", len(res.Findings), res.Stats.Commits)
	}
	want := finding.Notice{Level: finding.LevelNote, Message: "shallow clone: history before " + c3.String() + " not scanned"}
	if !slices.Contains(res.Notices, want) {
		t.Errorf("notices %v, want %v", res.Notices, want)
	}
}

func TestDeterministic(t *testing.T) {
	r := newRepo(t)
	files := map[string]string{}
	for i := range 12 {
		files["d"+string(rune('a'+i%3))+"/f"+string(rune('a'+i))+".env"] = "T=" + token(uint64(40+i)) + "\n"
	}
	r.commit("many", files)
	r.checkout("side", true)
	r.commit("side", map[string]string{"side.env": "T=" + token(60) + "\n"})
	r.checkout("master", false)
	r.commit("drop", map[string]string{"da/fa.env": ""})

	first := scan(t, r.dir, Options{})
	if len(first.Findings) != 13 {
		t.Fatalf("%d findings, want 13", len(first.Findings))
	}
	if !slices.IsSortedFunc(first.Findings, finding.Compare) {
		t.Error("findings not sorted")
	}
	for range 3 {
		if again := scan(t, r.dir, Options{}); !reflect.DeepEqual(first, again) {
			t.Fatal("two scans differ")
		}
	}
}

func TestNotARepository(t *testing.T) {
	if _, err := New(engine(t), Options{}).Scan(context.Background(), t.TempDir()); err == nil {
		t.Error("want an error")
	}
}

func TestUnreadableBlobIsANotice(t *testing.T) {
	r := newRepo(t)
	kept := token(70)
	r.commit("one", map[string]string{"bad.txt": "this blob will be corrupted\n", "good.env": "T=" + kept + "\n"})
	head, err := r.repo.Head()
	if err != nil {
		t.Fatal(err)
	}
	c, err := r.repo.CommitObject(head.Hash())
	if err != nil {
		t.Fatal(err)
	}
	e, err := c.File("bad.txt")
	if err != nil {
		t.Fatal(err)
	}
	h := e.Hash.String()
	loose := filepath.Join(r.dir, ".git", "objects", h[:2], h[2:])
	if err := os.Chmod(loose, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(loose, []byte("not zlib at all"), 0o644); err != nil {
		t.Fatal(err)
	}

	res := scan(t, r.dir, Options{})
	if got := secrets(res); !slices.Equal(got, []string{kept}) {
		t.Errorf("%d secrets, want the good one", len(got))
	}
	var named bool
	for _, n := range res.Notices {
		named = named || (n.Level == finding.LevelError && n.Path == "bad.txt" && strings.Contains(n.Message, h))
	}
	if !named {
		t.Errorf("notices %v: want an error naming blob %s", res.Notices, h)
	}
}

// TestSecretThroughEditsIsOneFinding: a secret that stays in a file while
// other lines change is one finding, at the commit that added it, and is
// marked removed only once no version in HEAD holds it.
func TestSecretThroughEditsIsOneFinding(t *testing.T) {
	r := newRepo(t)
	tok := token(30)
	first := r.commit("add", map[string]string{"app.env": "TOKEN=" + tok + "\nA=1\n"})
	r.commit("edit", map[string]string{"app.env": "TOKEN=" + tok + "\nA=2\n"})
	r.commit("edit again", map[string]string{"app.env": "# config\nTOKEN=" + tok + "\nA=3\n"})
	res := scan(t, r.dir, Options{})
	if len(res.Findings) != 1 || res.Findings[0].Location.Commit != first.String() || res.Findings[0].Details[RemovedFromHEAD] != "" {
		t.Fatalf("while in HEAD: %+v", res.Findings)
	}
	if res.Stats.Files != 3 {
		t.Errorf("scanned %d blobs, want each of the 3 versions once", res.Stats.Files)
	}
	r.commit("remove", map[string]string{"app.env": "A=4\n"})
	res = scan(t, r.dir, Options{})
	if len(res.Findings) != 1 || res.Findings[0].Details[RemovedFromHEAD] != "true" {
		t.Fatalf("after removal: %+v", res.Findings)
	}
}

// utf16LE encodes s as Windows tools write text: UTF-16, little-endian,
// after a byte-order mark.
func utf16LE(s string) string {
	out := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return string(out)
}

// TestUTF16TextInHistory: a PowerShell script saved as UTF-16 is text:
// its secret is found in history, in a later version's added line only,
// and staged.
func TestUTF16TextInHistory(t *testing.T) {
	r := newRepo(t)
	r.commit("add script", map[string]string{"deploy.ps1": utf16LE("# deploy\r\n$env:GITHUB_TOKEN = \"" + token(50) + "\"\r\n")})
	r.commit("second token", map[string]string{"deploy.ps1": utf16LE("# deploy\r\n$env:GITHUB_TOKEN = \"" + token(50) + "\"\r\n$env:GH_TOKEN = \"" + token(51) + "\"\r\n")})
	res := scan(t, r.dir, Options{})
	got := lines(res)
	if len(got["deploy.ps1"]) != 2 || got["deploy.ps1"][0] != 2 || got["deploy.ps1"][1] != 3 {
		t.Errorf("history findings %v (%v), want deploy.ps1:2 and :3", got, res.Findings)
	}
	if res.Stats.SkippedBinary != 0 {
		t.Errorf("stats %+v: UTF-16 text skipped as binary", res.Stats)
	}
	r.write(map[string]string{"deploy.ps1": utf16LE("# deploy\r\n$env:GITHUB_TOKEN = \"" + token(50) + "\"\r\n$env:GH_TOKEN = \"" + token(51) + "\"\r\n$env:NEW_TOKEN = \"" + token(52) + "\"\r\n")})
	if got := lines(scanStaged(t, r.dir)); len(got["deploy.ps1"]) != 1 || got["deploy.ps1"][0] != 4 {
		t.Errorf("staged findings %v, want deploy.ps1:4", got)
	}
}
