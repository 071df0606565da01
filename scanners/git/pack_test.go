package git

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-git/go-billy/v5/osfs"
	gogit "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// versionedRepo builds a repository whose files change a little in each
// of many commits, so that a packer stores most versions as deltas.
func versionedRepo(t *testing.T) *testRepo {
	r := newRepo(t)
	lines := make([]string, 200)
	for i := range lines {
		lines[i] = fmt.Sprintf("line %d of a file that changes a little in each commit", i)
	}
	for c := range 40 {
		files := map[string]string{}
		for f := range 4 {
			lines[(c*7+f*13)%len(lines)] = fmt.Sprintf("edited in commit %d, file %d", c, f)
			files[fmt.Sprintf("dir%d/file%d.txt", f%2, f)] = strings.Join(lines[f*10:], "\n") + "\n"
		}
		r.commit(fmt.Sprintf("commit %d", c), files)
	}
	return r
}

// checkPacksMatchGoGit reads every object of the repository's packs with
// the pack reader and with go-git, and wants the same type and content;
// it returns how many were stored as deltas of each kind.
func checkPacksMatchGoGit(t *testing.T, gitDir string) (ofs, ref int) {
	t.Helper()
	st := filesystem.NewStorage(osfs.New(gitDir), cache.NewObjectLRUDefault())
	defer st.Close()
	ps, err := openPacks(st.Filesystem(), newContents(1<<20))
	if err != nil {
		t.Fatal(err)
	}
	defer ps.Close()
	if len(ps.files) == 0 {
		t.Fatal("no packs")
	}
	pr := ps.reader()
	for _, p := range ps.files {
		entries, err := p.idx.Entries()
		if err != nil {
			t.Fatal(err)
		}
		for {
			e, err := entries.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			hdr, err := pr.header(p, int64(e.Offset))
			if err != nil {
				t.Fatal(err)
			}
			switch hdr.typ {
			case objOFSDelta:
				ofs++
			case objREFDelta:
				ref++
			}
			got, err := pr.readAny(e.Hash, maxObject)
			if err != nil {
				t.Fatalf("object %s: %v", e.Hash, err)
			}
			want, err := st.EncodedObject(plumbing.AnyObject, e.Hash)
			if err != nil {
				t.Fatal(err)
			}
			rd, err := want.Reader()
			if err != nil {
				t.Fatal(err)
			}
			data, err := io.ReadAll(rd)
			_ = rd.Close()
			if err != nil {
				t.Fatal(err)
			}
			if got.typ != want.Type() || !bytes.Equal(got.data, data) {
				t.Fatalf("object %s: pack reader gives a %s of %d bytes, go-git a %s of %d", e.Hash, got.typ, len(got.data), want.Type(), len(data))
			}
			if got.typ == plumbing.TreeObject {
				checkTreeMatchesGoGit(t, got.data, want)
			}
		}
		entries.Close()
	}
	return ofs, ref
}

func checkTreeMatchesGoGit(t *testing.T, data []byte, want plumbing.EncodedObject) {
	t.Helper()
	mine, err := parseTree(data)
	if err != nil {
		t.Fatal(err)
	}
	var theirs object.Tree
	if err := theirs.Decode(want); err != nil {
		t.Fatal(err)
	}
	if len(mine.entries) != len(theirs.Entries) {
		t.Fatalf("tree %s: %d entries, go-git %d", want.Hash(), len(mine.entries), len(theirs.Entries))
	}
	for i, e := range theirs.Entries {
		m := mine.entries[i]
		if m.name != e.Name || m.mode != e.Mode || m.hash != e.Hash {
			t.Fatalf("tree %s entry %d: %+v, go-git %+v", want.Hash(), i, m, e)
		}
		if i > 0 && compareEntries(&mine.entries[i-1], &mine.entries[i]) >= 0 {
			t.Fatalf("tree %s: entries %q and %q out of git's order", want.Hash(), mine.entries[i-1].name, m.name)
		}
	}
}

// TestPackReaderMatchesGoGit: go-git's packer stores versions as offset
// deltas; every object reads back as go-git reads it.
func TestPackReaderMatchesGoGit(t *testing.T) {
	r := versionedRepo(t)
	if err := r.repo.RepackObjects(&gogit.RepackConfig{}); err != nil {
		t.Fatal(err)
	}
	ofs, _ := checkPacksMatchGoGit(t, filepath.Join(r.dir, ".git"))
	if ofs == 0 {
		t.Error("no offset deltas in the pack: the test reads no delta chain")
	}
}

// TestPackReaderGitRepack: git's own packer, with long delta chains.
func TestPackReaderGitRepack(t *testing.T) {
	needGit(t)
	r := versionedRepo(t)
	// A secret planted in the middle of the history and removed.
	tok := token(170)
	r.commit("leak", map[string]string{"dir0/file0.txt": "GITHUB_TOKEN=" + tok + "\n"})
	r.commit("fix", map[string]string{"dir0/file0.txt": "fixed\n"})
	realGit(t, r.dir, "repack", "-adf", "--depth=50", "--window=50", "-q")
	ofs, _ := checkPacksMatchGoGit(t, filepath.Join(r.dir, ".git"))
	if ofs == 0 {
		t.Error("no offset deltas in git's pack")
	}
	// The scan reads through the pack reader and finds it once.
	res := scan(t, r.dir, Options{})
	if got := secrets(res); !slices.Equal(got, []string{tok}) {
		t.Errorf("secrets %d, want the planted one", len(got))
	}
	if errs := errorNotices(res); len(errs) > 0 {
		t.Errorf("errors: %v", errs)
	}
}

// TestPackReaderRefDeltas: a pack whose deltas name their base by hash
// (as thin packs and some servers write them).
func TestPackReaderRefDeltas(t *testing.T) {
	r := versionedRepo(t)
	var hashes []plumbing.Hash
	iter, err := r.repo.Storer.IterEncodedObjects(plumbing.AnyObject)
	if err != nil {
		t.Fatal(err)
	}
	_ = iter.ForEach(func(o plumbing.EncodedObject) error {
		hashes = append(hashes, o.Hash())
		return nil
	})
	var buf bytes.Buffer
	if _, err := packfile.NewEncoder(&buf, r.repo.Storer, true).Encode(hashes, 10); err != nil {
		t.Fatal(err)
	}
	// Store the pack (and its index) alone in a fresh repository.
	dir := filepath.Join(t.TempDir(), ".git")
	st := filesystem.NewStorage(osfs.New(dir), cache.NewObjectLRUDefault())
	if err := st.Init(); err != nil {
		t.Fatal(err)
	}
	pw, err := st.PackfileWriter()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(pw, &buf); err != nil {
		t.Fatal(err)
	}
	if err := pw.Close(); err != nil {
		t.Fatal(err)
	}
	_ = st.Close()
	_, ref := checkPacksMatchGoGit(t, dir)
	if ref == 0 {
		t.Error("no ref deltas in the pack")
	}
}

var _ storer.PackfileWriter = (*filesystem.Storage)(nil)

// TestCorruptPackObject flips bytes inside one blob's compressed data: the
// blob is named in an error notice, the rest is scanned.
func TestCorruptPackObject(t *testing.T) {
	r := newRepo(t)
	kept := token(171)
	r.commit("one", map[string]string{"bad.txt": strings.Repeat("this blob's zlib data will be damaged\n", 40), "good.env": "T=" + kept + "\n"})
	if err := r.repo.RepackObjects(&gogit.RepackConfig{}); err != nil {
		t.Fatal(err)
	}
	c, err := r.repo.CommitObject(r.head())
	if err != nil {
		t.Fatal(err)
	}
	f, err := c.File("bad.txt")
	if err != nil {
		t.Fatal(err)
	}
	packs, _ := filepath.Glob(filepath.Join(r.dir, ".git", "objects", "pack", "*.pack"))
	if len(packs) != 1 {
		t.Fatalf("packs %v", packs)
	}
	st := filesystem.NewStorage(osfs.New(filepath.Join(r.dir, ".git")), cache.NewObjectLRUDefault())
	ps, err := openPacks(st.Filesystem(), newContents(1<<20))
	if err != nil {
		t.Fatal(err)
	}
	off, ok := ps.files[0].find(f.Hash)
	ps.Close()
	_ = st.Close()
	if !ok {
		t.Fatal("blob not in the pack")
	}
	data, err := os.ReadFile(packs[0])
	if err != nil {
		t.Fatal(err)
	}
	for i := off + 4; i < off+20; i++ {
		data[i] ^= 0x5a
	}
	if err := os.WriteFile(packs[0], data, 0o644); err != nil {
		t.Fatal(err)
	}
	res := scan(t, r.dir, Options{})
	if got := secrets(res); !slices.Equal(got, []string{kept}) {
		t.Errorf("%d secrets, want the good one", len(got))
	}
	errs := errorNotices(res)
	if len(errs) != 1 || errs[0].Path != "bad.txt" || !strings.Contains(errs[0].Message, f.Hash.String()) {
		t.Errorf("notices %v: want one error naming blob %s", res.Notices, f.Hash)
	}
}

func TestCompareEntries(t *testing.T) {
	// git's order: "a" < "a-b" < "a.c" < "a/" (the folder a) < "a0" < "ab".
	order := []treeEntry{
		{name: "a", mode: filemode.Regular},
		{name: "a-b", mode: filemode.Regular},
		{name: "a.c", mode: filemode.Regular},
		{name: "a", mode: filemode.Dir},
		{name: "a0", mode: filemode.Dir},
		{name: "ab", mode: filemode.Regular},
	}
	for i := range order {
		for j := range order {
			got := compareEntries(&order[i], &order[j])
			if want := cmpInt(i, j); got != want {
				t.Errorf("compare(%q %v, %q %v) = %d, want %d", order[i].name, order[i].mode, order[j].name, order[j].mode, got, want)
			}
		}
	}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestApplyDeltaErrors(t *testing.T) {
	base := []byte("0123456789")
	for name, delta := range map[string][]byte{
		"wrong base size":    {9, 3, 0x03, 'a', 'b', 'c'},
		"copy past the base": {10, 4, 0x91, 8, 4},
		"insert past delta":  {10, 3, 0x05, 'a'},
		"short target":       {10, 4, 0x02, 'a', 'b'},
		"long target":        {10, 1, 0x02, 'a', 'b'},
		"reserved op":        {10, 1, 0x00},
		"truncated copy":     {10, 4, 0x91},
		"no sizes":           {},
	} {
		if _, err := applyDelta(base, delta); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	// Copy 4 bytes from offset 2, insert "xy": "2345xy".
	out, err := applyDelta(base, []byte{10, 6, 0x91, 2, 4, 0x02, 'x', 'y'})
	if err != nil || string(out) != "2345xy" {
		t.Errorf("applyDelta = %q, %v", out, err)
	}
}

// FuzzApplyDelta checks the delta applier against go-git's: the same
// result, or both refuse; never a panic.
func FuzzApplyDelta(f *testing.F) {
	f.Add([]byte("0123456789"), []byte{10, 6, 0x91, 2, 4, 0x02, 'x', 'y'})
	f.Add([]byte("abc"), []byte{3, 0x80, 0x02, 0x90, 0x00, 0x80})
	f.Fuzz(func(t *testing.T, base, delta []byte) {
		mine, err := applyDelta(base, delta)
		if len(base) == 0 {
			return // go-git refuses an empty base outright
		}
		theirs, theirErr := packfile.PatchDelta(base, delta)
		if (err == nil) != (theirErr == nil) {
			// go-git bounds a target's preallocation, not its size: only
			// a target beyond maxObject may differ.
			if err != nil && deltaTargetSize(delta) > maxObject {
				return
			}
			t.Fatalf("mine: %v, go-git: %v", err, theirErr)
		}
		if err == nil && !bytes.Equal(mine, theirs) {
			t.Fatalf("results differ: %q vs %q", mine, theirs)
		}
	})
}

// FuzzParseEntryHeader: a header parses to an entry whose data starts
// after it and whose delta base lies before it, or is an error.
func FuzzParseEntryHeader(f *testing.F) {
	f.Add([]byte{0x3a}, int64(12))
	f.Add([]byte{0xe5, 0x01, 0x85, 0x10}, int64(5000))
	f.Add(append([]byte{0x7a}, bytes.Repeat([]byte{0xab}, 20)...), int64(40))
	f.Fuzz(func(t *testing.T, b []byte, off int64) {
		if off < 12 || off > 1<<40 {
			return
		}
		h, err := parseEntryHeader(b, off)
		if err != nil {
			return
		}
		if h.data <= off || h.data > off+int64(len(b)) || h.size < 0 {
			t.Fatalf("header %+v at %d from %d bytes", h, off, len(b))
		}
		if h.typ == objOFSDelta && (h.base <= 0 || h.base >= off) {
			t.Fatalf("delta base %d not before %d", h.base, off)
		}
	})
}

// FuzzParseTree checks the tree decoder against go-git's: where both
// accept a tree, the same entries.
func FuzzParseTree(f *testing.F) {
	f.Add([]byte("100644 a.txt\x00" + strings.Repeat("\x01", 20) + "40000 d\x00" + strings.Repeat("\x02", 20)))
	f.Add([]byte("100644 \x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		mine, err := parseTree(data)
		if err != nil {
			return
		}
		var theirs object.Tree
		if theirs.Decode(&rawObject{typ: plumbing.TreeObject, data: data}) != nil {
			return
		}
		if len(mine.entries) != len(theirs.Entries) {
			t.Fatalf("%d entries, go-git %d", len(mine.entries), len(theirs.Entries))
		}
		for i, e := range theirs.Entries {
			if m := mine.entries[i]; m.name != e.Name || m.hash != e.Hash {
				t.Fatalf("entry %d: %+v, go-git %+v", i, m, e)
			}
		}
	})
}

// TestLargeBlobStreamed: a blob over maxDiffBlob is left by the pack
// reader to go-git, which streams it whole; a secret at its end is found,
// and a new version of it (a delta in the pack) is scanned too.
func TestLargeBlobStreamed(t *testing.T) {
	r := newRepo(t)
	filler := strings.Repeat("a line of a large generated file, nothing secret in it\n", maxDiffBlob/50)
	first, second := token(172), token(173)
	r.commit("big", map[string]string{"big.txt": filler + "T=" + first + "\n"})
	r.commit("bigger", map[string]string{"big.txt": filler + "T=" + first + "\nU=" + second + "\n"})
	if err := r.repo.RepackObjects(&gogit.RepackConfig{}); err != nil {
		t.Fatal(err)
	}
	res := scan(t, r.dir, Options{})
	got := secrets(res)
	slices.Sort(got)
	want := []string{first, second}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%d secrets, want both", len(got))
	}
	if errs := errorNotices(res); len(errs) > 0 {
		t.Errorf("errors: %v", errs)
	}
}

// FuzzPackObject reads an object at a fuzzed offset of a fuzzed pack: it
// is an object, an error or errNotPacked, never a panic or a hang.
func FuzzPackObject(f *testing.F) {
	// A pack header, a blob "hi", and an offset delta on it.
	blob := []byte{0x32, 0x78, 0x9c, 0xcb, 0xc8, 0x04, 0x00, 0x01, 0x3b, 0x00, 0xd2}
	f.Add(append([]byte("PACK\x00\x00\x00\x02\x00\x00\x00\x02"), blob...), int64(12))
	f.Add([]byte("PACK\x00\x00\x00\x02\x00\x00\x00\x01\x65\x0c\x78\x9c\x00"), int64(12))
	f.Fuzz(func(t *testing.T, data []byte, off int64) {
		ps := &packs{cache: newContents(1 << 20)}
		ps.files = []*pack{{name: "fuzz.pack", r: bytes.NewReader(data), size: int64(len(data)), idx: idxfile.NewMemoryIndex()}}
		pr := ps.reader()
		o, err := pr.object(0, off, maxDiffBlob)
		if err == nil && int64(len(o.data)) > maxObject {
			t.Fatalf("%d bytes built", len(o.data))
		}
	})
}
