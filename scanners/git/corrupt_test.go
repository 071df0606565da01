package git

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gogit "github.com/go-git/go-git/v5"

	"github.com/keysweep/keysweep/finding"
)

// errorNotices returns the error-level notices of res.
func errorNotices(res *Result) []finding.Notice {
	var out []finding.Notice
	for _, n := range res.Notices {
		if n.Level == finding.LevelError {
			out = append(out, n)
		}
	}
	return out
}

func TestMissingObjectIsANotice(t *testing.T) {
	r := newRepo(t)
	kept := token(140)
	r.commit("one", map[string]string{"gone.txt": "this blob will vanish\n", "good.env": "T=" + kept + "\n"})
	c, err := r.repo.CommitObject(r.head())
	if err != nil {
		t.Fatal(err)
	}
	e, err := c.File("gone.txt")
	if err != nil {
		t.Fatal(err)
	}
	h := e.Hash.String()
	if err := os.Remove(filepath.Join(r.dir, ".git", "objects", h[:2], h[2:])); err != nil {
		t.Fatal(err)
	}
	res := scan(t, r.dir, Options{})
	if got := secrets(res); !slices.Equal(got, []string{kept}) {
		t.Errorf("%d secrets, want the good one", len(got))
	}
	errs := errorNotices(res)
	if len(errs) != 1 || errs[0].Path != "gone.txt" || !strings.Contains(errs[0].Message, h) {
		t.Errorf("notices %v: want one error naming blob %s", res.Notices, h)
	}
}

// TestTruncatedPackfile cuts the end off a packfile: the objects stored
// there cannot be read, and each one the scan needs is named in an error;
// what can be read is still scanned.
func TestTruncatedPackfile(t *testing.T) {
	r := newRepo(t)
	var toks []string
	for i := range 8 {
		tok := token(uint64(150 + i))
		toks = append(toks, tok)
		r.commit("add", map[string]string{filepath.Join("d", string(rune('a'+i))+".env"): strings.Repeat("filler line\n", 50*(i+1)) + "T=" + tok + "\n"})
	}
	if err := r.repo.RepackObjects(&gogit.RepackConfig{}); err != nil {
		t.Fatal(err)
	}
	packs, _ := filepath.Glob(filepath.Join(r.dir, ".git", "objects", "pack", "*.pack"))
	if len(packs) != 1 {
		t.Fatalf("packs %v", packs)
	}
	st, err := os.Stat(packs[0])
	if err != nil {
		t.Fatal(err)
	}
	// Cut the pack ever shorter until objects are lost: the objects past
	// the cut are named in errors, and what can be read is still scanned.
	// (Where each object lands in the pack is the packer's choice.)
	whole, err := os.ReadFile(packs[0])
	if err != nil {
		t.Fatal(err)
	}
	partial := false
	for _, keep := range []int64{st.Size() * 19 / 20, st.Size() * 9 / 10, st.Size() * 4 / 5, st.Size() * 2 / 3} {
		if err := os.WriteFile(packs[0], whole[:keep], 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := New(engine(t), Options{}).Scan(t.Context(), r.dir)
		if err != nil {
			if !strings.Contains(err.Error(), "cannot read") {
				t.Errorf("cut at %d: error names no object: %v", keep, err)
			}
			continue
		}
		errs := errorNotices(res)
		if len(errs) == 0 {
			continue // the cut lost nothing this scan needs
		}
		for _, n := range errs {
			if !strings.Contains(n.Message, "cannot read") {
				t.Errorf("notice names no object: %+v", n)
			}
		}
		if len(secrets(res)) > 0 {
			partial = true
			t.Logf("cut at %d of %d bytes: %d of %d secrets; first error: %s", keep, st.Size(), len(secrets(res)), len(toks), errs[0].Message)
		}
	}
	if !partial {
		t.Error("no cut gave a partial scan with errors")
	}

	// Cut to the header alone, nothing can be read: the run fails and
	// says why, rather than finding nothing.
	if err := os.Truncate(packs[0], 12); err != nil {
		t.Fatal(err)
	}
	if _, err := New(engine(t), Options{}).Scan(t.Context(), r.dir); err == nil || !strings.Contains(err.Error(), "no readable commits") {
		t.Errorf("scan of an empty pack: %v", err)
	}
}
