package git

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

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

// tree returns the decoded tree h, from the packs or through go-git, and
// keeps it: a commit's children diff against its trees, and unchanged
// subtrees recur from commit to commit.
func (r *run) tree(h plumbing.Hash) (*tree, error) {
	if t, ok := r.trees[h]; ok {
		return t, nil
	}
	data, err := r.readObject(h, plumbing.TreeObject)
	if err != nil {
		return nil, err
	}
	t, err := parseTree(data)
	if err != nil {
		return nil, fmt.Errorf("tree %s: %w", h, err)
	}
	if len(r.trees) >= maxTrees {
		clear(r.trees)
	}
	r.trees[h] = t
	return t, nil
}

// readObject reads object h, of type typ, whole: from the packs, else
// through go-git.
func (r *run) readObject(h plumbing.Hash, typ plumbing.ObjectType) ([]byte, error) {
	if r.pack != nil {
		data, err := r.pack.read(h, typ, maxObject)
		if !errors.Is(err, errNotPacked) {
			return data, err
		}
	}
	obj, err := r.repo.Storer.EncodedObject(typ, h)
	if err != nil {
		return nil, err
	}
	rd, err := obj.Reader()
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	return io.ReadAll(rd)
}

// readBlob reads blob h whole, up to maxDiffBlob: from the packs, else
// through go-git. It is the walk's, not the workers'.
func (r *run) readBlob(h plumbing.Hash) ([]byte, error) {
	if r.pack != nil {
		data, err := r.pack.read(h, plumbing.BlobObject, maxDiffBlob)
		if !errors.Is(err, errNotPacked) {
			return data, err
		}
	}
	return readSmallBlob(r.repo, h)
}

// commitObject reads and decodes commit h: from the packs, else through
// go-git.
func (r *run) commitObject(h plumbing.Hash) (*object.Commit, error) {
	if r.pack == nil {
		return r.repo.CommitObject(h)
	}
	data, err := r.pack.read(h, plumbing.CommitObject, maxObject)
	if errors.Is(err, errNotPacked) {
		return r.repo.CommitObject(h)
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
func (r *run) tagObject(h plumbing.Hash) (*object.Tag, error) {
	if r.pack == nil {
		return r.repo.TagObject(h)
	}
	o, err := r.pack.readAny(h, maxObject)
	switch {
	case errors.Is(err, errNotPacked):
		return r.repo.TagObject(h)
	case err != nil:
		return nil, err
	case o.typ != plumbing.TagObject:
		return nil, plumbing.ErrObjectNotFound
	}
	t := &object.Tag{}
	if err := t.Decode(&rawObject{hash: h, typ: plumbing.TagObject, data: o.data}); err != nil {
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
