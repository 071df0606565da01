package git

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	gogit "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// tree is a decoded tree object: its entries in git's order (by name, a
// folder's name compared as if it ended in "/").
type tree struct {
	entries []treeEntry
}

type treeEntry struct {
	name string
	mode filemode.FileMode
	hash plumbing.Hash
}

func (e *treeEntry) isDir() bool { return e.mode == filemode.Dir }

// parseTree decodes the content of a tree object: entries of
// "<octal mode> <name>\x00<20-byte hash>".
func parseTree(data []byte) (*tree, error) {
	t := &tree{entries: make([]treeEntry, 0, bytes.Count(data, []byte{0}))}
	for len(data) > 0 {
		sp := bytes.IndexByte(data, ' ')
		if sp <= 0 || sp > 7 {
			return nil, errors.New("malformed tree entry mode")
		}
		var mode uint32
		for _, c := range data[:sp] {
			if c < '0' || c > '7' {
				return nil, fmt.Errorf("malformed tree entry mode %q", data[:sp])
			}
			mode = mode<<3 | uint32(c-'0')
		}
		data = data[sp+1:]
		nul := bytes.IndexByte(data, 0)
		if nul <= 0 {
			return nil, errors.New("malformed tree entry name")
		}
		e := treeEntry{name: string(data[:nul]), mode: filemode.FileMode(mode)}
		data = data[nul+1:]
		if len(data) < len(e.hash) {
			return nil, io.ErrUnexpectedEOF
		}
		copy(e.hash[:], data)
		data = data[len(e.hash):]
		t.entries = append(t.entries, e)
	}
	return t, nil
}

// compareEntries orders tree entries as git sorts them: by name, a
// folder's name as if followed by "/".
func compareEntries(a, b *treeEntry) int {
	n := min(len(a.name), len(b.name))
	if c := strings.Compare(a.name[:n], b.name[:n]); c != 0 {
		return c
	}
	ca, cb := nameEnd(a, n), nameEnd(b, n)
	switch {
	case ca < cb:
		return -1
	case ca > cb:
		return 1
	}
	return 0
}

// nameEnd is the byte of e's sort key at n: its name's, else "/" for a
// folder, else 0 for the end.
func nameEnd(e *treeEntry, n int) int {
	switch {
	case n < len(e.name):
		return int(e.name[n])
	case n == len(e.name) && e.isDir():
		return '/'
	}
	return 0
}

// objects reads a repository's objects for one goroutine of a scan: from
// the packs through its own pack reader, else through the run's go-git
// handle, one goroutine at a time. It keeps decoded trees: a commit's
// children diff against its trees, and unchanged subtrees recur from
// commit to commit.
type objects struct {
	r     *run
	pack  *packReader // nil when no pack is read directly
	trees map[plumbing.Hash]*tree
}

func (r *run) newObjects() *objects {
	o := &objects{r: r, trees: map[plumbing.Hash]*tree{}}
	if len(r.packs.files) > 0 {
		o.pack = r.packs.reader()
	}
	return o
}

// git runs fn with the run's go-git handle, which is not safe for
// concurrent use.
func (o *objects) git(fn func(repo *gogit.Repository) error) error {
	o.r.gitMu.Lock()
	defer o.r.gitMu.Unlock()
	return fn(o.r.repo)
}

// tree returns the decoded tree h, and keeps it (up to maxTrees).
func (o *objects) tree(h plumbing.Hash) (*tree, error) {
	if t, ok := o.trees[h]; ok {
		return t, nil
	}
	data, err := o.readObject(h, plumbing.TreeObject)
	if err != nil {
		return nil, err
	}
	t, err := parseTree(data)
	if err != nil {
		return nil, fmt.Errorf("tree %s: %w", h, err)
	}
	if len(o.trees) >= maxTrees {
		clear(o.trees)
	}
	o.trees[h] = t
	return t, nil
}

// readObject reads object h, of type typ, whole: from the packs, else
// through go-git.
func (o *objects) readObject(h plumbing.Hash, typ plumbing.ObjectType) ([]byte, error) {
	if o.pack != nil {
		data, err := o.pack.read(h, typ, maxObject)
		if !errors.Is(err, errNotPacked) {
			return data, err
		}
	}
	var data []byte
	err := o.git(func(repo *gogit.Repository) error {
		obj, err := repo.Storer.EncodedObject(typ, h)
		if err != nil {
			return err
		}
		rd, err := obj.Reader()
		if err != nil {
			return err
		}
		defer rd.Close()
		data, err = io.ReadAll(rd)
		return err
	})
	return data, err
}

// readBlob reads blob h whole, up to maxDiffBlob.
func (o *objects) readBlob(h plumbing.Hash) ([]byte, error) {
	if o.pack != nil {
		data, err := o.pack.read(h, plumbing.BlobObject, maxDiffBlob)
		if !errors.Is(err, errNotPacked) {
			return data, err
		}
	}
	var data []byte
	err := o.git(func(repo *gogit.Repository) (err error) {
		data, err = readSmallBlob(repo, h)
		return err
	})
	return data, err
}

// commitObject reads and decodes commit h.
func (o *objects) commitObject(h plumbing.Hash) (*object.Commit, error) {
	viaGit := func() (c *object.Commit, err error) {
		err = o.git(func(repo *gogit.Repository) error {
			c, err = repo.CommitObject(h)
			return err
		})
		return c, err
	}
	if o.pack == nil {
		return viaGit()
	}
	data, err := o.pack.read(h, plumbing.CommitObject, maxObject)
	if errors.Is(err, errNotPacked) {
		return viaGit()
	}
	if err != nil {
		return nil, err
	}
	c := &object.Commit{}
	if err := c.Decode(&rawObject{hash: h, typ: plumbing.CommitObject, data: data}); err != nil {
		return nil, fmt.Errorf("commit %s: %w", h, err)
	}
	return c, nil
}

// tagObject reads and decodes object h when it is an annotated tag, or
// returns plumbing.ErrObjectNotFound when it is another object, as go-git
// does.
func (o *objects) tagObject(h plumbing.Hash) (*object.Tag, error) {
	viaGit := func() (t *object.Tag, err error) {
		err = o.git(func(repo *gogit.Repository) error {
			t, err = repo.TagObject(h)
			return err
		})
		return t, err
	}
	if o.pack == nil {
		return viaGit()
	}
	p, err := o.pack.readAny(h, maxObject)
	switch {
	case errors.Is(err, errNotPacked):
		return viaGit()
	case err != nil:
		return nil, err
	case p.typ != plumbing.TagObject:
		return nil, plumbing.ErrObjectNotFound
	}
	t := &object.Tag{}
	if err := t.Decode(&rawObject{hash: h, typ: plumbing.TagObject, data: p.data}); err != nil {
		return nil, fmt.Errorf("tag %s: %w", h, err)
	}
	return t, nil
}

// rawObject is an object read from a pack, for go-git's decoders: its
// hash is the one it was looked up by, not computed again.
type rawObject struct {
	hash plumbing.Hash
	typ  plumbing.ObjectType
	data []byte
}

var _ plumbing.EncodedObject = (*rawObject)(nil)

func (o *rawObject) Hash() plumbing.Hash           { return o.hash }
func (o *rawObject) Type() plumbing.ObjectType     { return o.typ }
func (o *rawObject) SetType(t plumbing.ObjectType) { o.typ = t }
func (o *rawObject) Size() int64                   { return int64(len(o.data)) }
func (o *rawObject) SetSize(int64)                 {}
func (o *rawObject) Reader() (io.ReadCloser, error) {
	return io.NopCloser(bytes.NewReader(o.data)), nil
}
func (o *rawObject) Writer() (io.WriteCloser, error) {
	return nil, errors.New("read-only object")
}
