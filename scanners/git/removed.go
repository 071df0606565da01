package git

import (
	"bytes"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/keysweep/keysweep/finding"
)

// markRemoved marks the findings whose secret is no longer at its path in
// HEAD: gone from the code, still in history. It then walks HEAD's
// first-parent history once, newest first, for the commit that removed
// each: the child of the newest commit whose version of the path still
// holds the secret.
func (r *run) markRemoved() {
	head := r.headCommit()
	if head == nil {
		return
	}
	h := &history{r: r, blobAt: map[treePath]plumbing.Hash{}, held: map[blobSecret]bool{}}
	inHead := r.headBlobs(head.tree)
	var pending []*finding.Finding
	for i := range r.res.Findings {
		f := &r.res.Findings[i]
		if inHead[r.foundIn[i]] || h.holds(head.tree, f) {
			continue // the same blob elsewhere (a moved file), or still at its path
		}
		setDetail(f, RemovedFromHEAD, "true")
		pending = append(pending, f)
	}
	// Each commit's root tree is read once, however many findings are
	// pending; their folders are shared from commit to commit.
	n := head
	for len(pending) > 0 {
		if len(n.parents) == 0 {
			// The root: the line never held them; they only ever lived
			// on other refs.
			for _, f := range pending {
				f.Message += " (not in HEAD's history; still in the history of other refs)"
			}
			return
		}
		parent := r.commits[n.parents[0]]
		if parent == nil {
			// The line leaves the scanned selection (--since, a range):
			// they may have been there before.
			for _, f := range pending {
				f.Message += " (removed from HEAD, still in history)"
			}
			return
		}
		left := pending[:0]
		for _, f := range pending {
			if h.holds(parent.tree, f) {
				setDetail(f, RemovedIn, n.hash.String())
				f.Message += " (removed in " + short(n.hash) + ", still in history)"
				continue
			}
			left = append(left, f)
		}
		pending, n = left, parent
	}
}

// headCommit returns HEAD's commit node, or nil when HEAD does not
// resolve to a commit the scan walked or can read.
func (r *run) headCommit() *node {
	ref, err := r.repo.Head()
	if err != nil {
		return nil // no HEAD (unborn): nothing to compare with
	}
	hash, ok := r.peel("HEAD", ref.Hash())
	if !ok {
		return nil
	}
	if n := r.commits[hash]; n != nil {
		return n
	}
	c, err := r.obj.commitObject(hash)
	if err != nil {
		r.notice(finding.LevelWarning, "", "cannot read HEAD (%s): findings not marked as removed from HEAD: %v", hash, err)
		return nil
	}
	return &node{hash: hash, tree: c.TreeHash}
}

// headBlobs returns the set of blobs in a tree, at any path.
func (r *run) headBlobs(root plumbing.Hash) map[plumbing.Hash]bool {
	out := map[plumbing.Hash]bool{}
	var walk func(h plumbing.Hash)
	walk = func(h plumbing.Hash) {
		t, err := r.obj.tree(h)
		if err != nil {
			return
		}
		for _, e := range t.entries {
			switch {
			case e.isDir():
				walk(e.hash)
			case e.mode.IsFile():
				out[e.hash] = true
			}
		}
	}
	walk(root)
	return out
}

type treePath struct {
	tree plumbing.Hash
	path string
}

type blobSecret struct {
	blob plumbing.Hash
	// secret is the finding's secret, or "" for a finding about the file
	// itself (a path rule), which any blob at the path holds.
	secret string
}

// history answers, with memos, which blob a tree holds at a path and
// whether a blob holds a secret.
type history struct {
	r      *run
	blobAt map[treePath]plumbing.Hash
	held   map[blobSecret]bool
}

// lookup returns the hash of the blob at path in a commit's root tree, or
// the zero hash. Folders are memoized: unchanged ones recur across commits.
func (h *history) lookup(root plumbing.Hash, path string) plumbing.Hash {
	return h.find(root, path, false)
}

func (h *history) find(tree plumbing.Hash, path string, memo bool) plumbing.Hash {
	k := treePath{tree, path}
	if b, ok := h.blobAt[k]; ok {
		return b
	}
	var out plumbing.Hash
	if t, err := h.r.obj.tree(tree); err == nil {
		name, rest, dir := strings.Cut(path, "/")
		for _, e := range t.entries {
			if e.name != name {
				continue
			}
			switch {
			case dir && !e.mode.IsFile():
				out = h.find(e.hash, rest, true)
			case !dir && e.mode.IsFile():
				out = e.hash
			}
			break
		}
	}
	if memo {
		h.blobAt[k] = out
	}
	return out
}

// holds reports whether a root tree holds f's secret at f's path.
func (h *history) holds(tree plumbing.Hash, f *finding.Finding) bool {
	b := h.lookup(tree, f.Location.Path)
	if b.IsZero() {
		return false
	}
	k := blobSecret{b, f.Secret}
	if v, ok := h.held[k]; ok {
		return v
	}
	v := f.Secret == ""
	if !v {
		if data, err := h.r.obj.readBlob(b); err == nil {
			v = bytes.Contains(data, []byte(f.Secret))
		} else {
			v = true // cannot tell: do not claim it was removed
		}
	}
	h.held[k] = v
	return v
}

func short(h plumbing.Hash) string { return h.String()[:12] }
