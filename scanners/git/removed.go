package git

import (
	"bytes"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/keysweep/keysweep/finding"
)

// markRemoved marks the findings whose secret is no longer at its path in
// HEAD: gone from the code, still in history. For each, it looks along
// HEAD's first-parent history for the commit that removed it: the child of
// the newest commit whose version of the path still holds the secret.
func (r *run) markRemoved() {
	head := r.headCommit()
	if head == nil {
		return
	}
	h := &history{r: r, blobAt: map[treePath]plumbing.Hash{}, holds: map[blobSecret]bool{}}
	inHead := r.headBlobs(head.tree)
	for i := range r.res.Findings {
		f := &r.res.Findings[i]
		if inHead[r.foundIn[i]] || h.holds1(head.tree, f) {
			continue // the same blob elsewhere (a moved file), or still at its path
		}
		setDetail(f, RemovedFromHEAD, "true")
		removedIn, found := h.removal(head, f)
		switch {
		case removedIn != nil:
			setDetail(f, RemovedIn, removedIn.hash.String())
			f.Message += " (removed in " + short(removedIn.hash) + ", still in history)"
		case found:
			f.Message += " (removed from HEAD, still in history)"
		default:
			f.Message += " (not in HEAD's history; still in the history of other refs)"
		}
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
	c, err := r.repo.CommitObject(hash)
	if err != nil {
		r.notice(finding.LevelWarning, "", "cannot read HEAD (%s): findings not marked as removed from HEAD: %v", hash, err)
		return nil
	}
	return &node{hash: hash, tree: c.TreeHash}
}

// headBlobs returns the set of blobs in a tree, at any path.
func (r *run) headBlobs(tree plumbing.Hash) map[plumbing.Hash]bool {
	out := map[plumbing.Hash]bool{}
	t, err := r.repo.TreeObject(tree)
	if err != nil {
		return out
	}
	walker := object.NewTreeWalker(t, true, nil)
	defer walker.Close()
	for {
		_, e, err := walker.Next()
		if err != nil {
			break
		}
		if e.Mode.IsFile() {
			out[e.Hash] = true
		}
	}
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
	holds  map[blobSecret]bool
}

// lookup returns the hash of the blob at path in tree, or the zero hash.
// Each subtree is looked up once: unchanged folders recur across commits.
func (h *history) lookup(tree plumbing.Hash, path string) plumbing.Hash {
	k := treePath{tree, path}
	if b, ok := h.blobAt[k]; ok {
		return b
	}
	var out plumbing.Hash
	if t, err := h.r.tree(tree); err == nil {
		name, rest, dir := strings.Cut(path, "/")
		for _, e := range t.Entries {
			if e.Name != name {
				continue
			}
			switch {
			case dir && !e.Mode.IsFile():
				out = h.lookup(e.Hash, rest)
			case !dir && e.Mode.IsFile():
				out = e.Hash
			}
			break
		}
	}
	h.blobAt[k] = out
	return out
}

// holds1 reports whether tree holds f's secret at f's path.
func (h *history) holds1(tree plumbing.Hash, f *finding.Finding) bool {
	b := h.lookup(tree, f.Location.Path)
	if b.IsZero() {
		return false
	}
	k := blobSecret{b, f.Secret}
	if v, ok := h.holds[k]; ok {
		return v
	}
	v := f.Secret == ""
	if !v {
		if data, err := readSmallBlob(h.r.repo, b); err == nil {
			v = bytes.Contains(data, []byte(f.Secret))
		} else {
			v = true // cannot tell: do not claim it was removed
		}
	}
	h.holds[k] = v
	return v
}

// removal walks HEAD's first-parent history back from head for the newest
// commit that still holds f's secret at its path; the commit after it on
// that line removed it. found is false when the line, down to its root,
// never held it: it only ever lived on other refs.
func (h *history) removal(head *node, f *finding.Finding) (removedIn *node, found bool) {
	var child *node
	for n := head; n != nil; {
		if h.holds1(n.tree, f) {
			return child, true
		}
		if len(n.parents) == 0 {
			return nil, false // the root: never on this line
		}
		child, n = n, h.r.commits[n.parents[0]]
	}
	// The line leaves the scanned selection (--since, a range): it may
	// have been there before.
	return nil, true
}

func short(h plumbing.Hash) string { return h.String()[:12] }
