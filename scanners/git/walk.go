package git

import (
	"cmp"
	"container/heap"
	"errors"
	"fmt"
	"slices"
	"time"

	gogit "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/keysweep/keysweep/finding"
)

// node is what a scan keeps of a commit: enough to order and attribute,
// not the message.
type node struct {
	hash    plumbing.Hash
	tree    plumbing.Hash
	parents []plumbing.Hash
	when    time.Time // committer date
	author  object.Signature
	// children counts the selected commits' edges into this one, for the
	// topological sort.
	children int
}

// tips resolves the selected refs to commit hashes, sorted and without
// duplicates: Include when set, else Branch, else every ref and HEAD.
func (r *run) tips() ([]plumbing.Hash, error) {
	if len(r.s.opts.Include) > 0 {
		return r.resolveAll(r.s.opts.Include)
	}
	var names []plumbing.ReferenceName
	if b := r.s.opts.Branch; b != "" {
		name, err := findRef(r.repo, b)
		if err != nil {
			return nil, err
		}
		names = append(names, name)
	} else {
		iter, err := r.repo.References()
		if err != nil {
			return nil, fmt.Errorf("listing refs: %w", err)
		}
		err = iter.ForEach(func(ref *plumbing.Reference) error {
			// Every ref, as `git log --all` takes them: branches, tags,
			// remote-tracking branches, notes, stash, pull-request refs.
			if ref.Type() == plumbing.HashReference || ref.Name() == plumbing.HEAD {
				names = append(names, ref.Name())
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("listing refs: %w", err)
		}
		if !slices.Contains(names, plumbing.HEAD) {
			names = append(names, plumbing.HEAD)
		}
	}
	slices.Sort(names)
	var tips []plumbing.Hash
	for _, n := range names {
		ref, err := r.repo.Reference(n, true)
		if err != nil {
			if n == plumbing.HEAD && r.s.opts.Branch == "" {
				continue // an unborn HEAD, or none: the other refs are the history
			}
			if errors.Is(err, plumbing.ErrReferenceNotFound) && r.s.opts.Branch == "" {
				r.notice(finding.LevelWarning, "", "ref %s does not resolve: skipped", n)
				continue
			}
			return nil, fmt.Errorf("resolving %s: %w", n, err)
		}
		h, ok := r.peel(n.String(), ref.Hash())
		if ok {
			tips = append(tips, h)
		}
	}
	slices.SortFunc(tips, compareHash)
	return slices.Compact(tips), nil
}

// resolveAll resolves revisions (hashes, ref names, abbreviated hashes) to
// commits.
func (r *run) resolveAll(revs []string) ([]plumbing.Hash, error) {
	var out []plumbing.Hash
	for _, rev := range revs {
		h, err := r.repo.ResolveRevision(plumbing.Revision(rev))
		if err != nil {
			return nil, fmt.Errorf("revision %q: %w", rev, err)
		}
		c, ok := r.peel(rev, *h)
		if !ok {
			return nil, fmt.Errorf("revision %q does not name a commit", rev)
		}
		if _, err := r.obj.commitObject(c); err != nil {
			return nil, fmt.Errorf("revision %q: %w", rev, err)
		}
		out = append(out, c)
	}
	slices.SortFunc(out, compareHash)
	return slices.Compact(out), nil
}

// findRef resolves a Branch option to a ref name.
func findRef(repo *gogit.Repository, b string) (plumbing.ReferenceName, error) {
	candidates := []plumbing.ReferenceName{
		plumbing.ReferenceName(b),
		plumbing.NewBranchReferenceName(b),
		plumbing.NewTagReferenceName(b),
		plumbing.ReferenceName("refs/remotes/" + b),
	}
	for _, c := range candidates {
		if _, err := repo.Reference(c, false); err == nil {
			return c, nil
		}
	}
	return "", fmt.Errorf("branch %q: no such ref", b)
}

// peel follows annotated tags to the commit they name; refs to trees or
// blobs are skipped with a note.
func (r *run) peel(name string, h plumbing.Hash) (plumbing.Hash, bool) {
	for range 16 {
		tag, err := r.obj.tagObject(h)
		if errors.Is(err, plumbing.ErrObjectNotFound) {
			return h, true // not a tag: a commit, or the walk will say
		}
		if err != nil {
			r.notice(finding.LevelError, "", "ref %s: cannot read object %s: %v", name, h, err)
			return h, false
		}
		if tag.TargetType != plumbing.CommitObject && tag.TargetType != plumbing.TagObject {
			r.notice(finding.LevelNote, "", "ref %s names a %s, not a commit: skipped", name, tag.TargetType)
			return h, false
		}
		h = tag.Target
	}
	r.notice(finding.LevelError, "", "ref %s: tag chain too long: skipped", name)
	return h, false
}

func (r *run) loadShallow() error {
	r.shallow = map[plumbing.Hash]bool{}
	hs, err := r.repo.Storer.Shallow()
	if err != nil {
		return fmt.Errorf("reading the shallow file: %w", err)
	}
	slices.SortFunc(hs, compareHash)
	for _, h := range hs {
		r.shallow[h] = true
		r.notice(finding.LevelNote, "", "shallow clone: history before %s not scanned", h)
	}
	return nil
}

// excluded returns the commits reachable from the Exclude revisions: they
// are not scanned, but serve as the parents that selected commits are
// diffed against, so only what the selection adds is scanned.
func (r *run) excluded() (map[plumbing.Hash]bool, error) {
	out := map[plumbing.Hash]bool{}
	var stack []plumbing.Hash
	remotes := r.s.opts.ExcludeRemotes
	for _, rev := range r.s.opts.Exclude {
		hs, err := r.resolveAll([]string{rev})
		switch {
		case err == nil:
			stack = append(stack, hs...)
		case r.s.opts.EmptyOK && !remotes:
			// A pre-push whose remote ref names a commit this repository
			// does not have (a force push): what the remote-tracking
			// branches hold is the best estimate of what it has.
			r.notice(finding.LevelNote, "", "%v: excluding what remote-tracking branches hold instead", err)
			remotes = true
		case r.s.opts.EmptyOK:
		default:
			return nil, err
		}
	}
	if remotes {
		iter, err := r.repo.References()
		if err != nil {
			return nil, fmt.Errorf("listing refs: %w", err)
		}
		_ = iter.ForEach(func(ref *plumbing.Reference) error {
			if ref.Name().IsRemote() && ref.Type() == plumbing.HashReference {
				if h, ok := r.peel(ref.Name().String(), ref.Hash()); ok {
					stack = append(stack, h)
				}
			}
			return nil
		})
	}
	for len(stack) > 0 {
		h := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if out[h] {
			continue
		}
		out[h] = true
		if r.shallow[h] {
			continue
		}
		c, err := r.obj.commitObject(h)
		if err != nil {
			// An excluded commit that cannot be read only weakens the
			// exclusion: its ancestors may be scanned too.
			continue
		}
		for _, p := range c.ParentHashes {
			if !out[p] {
				stack = append(stack, p)
			}
		}
	}
	return out, nil
}

// walk reads every commit reachable from tips but not excluded and returns
// them oldest first: parents before children, and among commits whose
// parents are all done, the oldest committer date first (ties by hash).
func (r *run) walk(tips []plumbing.Hash, excluded map[plumbing.Hash]bool) []*node {
	r.commits = map[plumbing.Hash]*node{}
	stack := slices.Clone(tips)
	for len(stack) > 0 {
		h := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if _, ok := r.commits[h]; ok || excluded[h] {
			continue
		}
		c, err := r.obj.commitObject(h)
		if err != nil {
			r.commits[h] = nil
			r.notice(finding.LevelError, "", "cannot read commit %s: %v: its history not scanned", h, err)
			continue
		}
		n := &node{hash: h, tree: c.TreeHash, when: c.Committer.When, author: c.Author}
		if !r.shallow[h] {
			n.parents = c.ParentHashes
		}
		r.commits[h] = n
		for _, p := range n.parents {
			if _, ok := r.commits[p]; !ok && !excluded[p] {
				stack = append(stack, p)
			}
		}
	}
	// Kahn's algorithm, children first out, reversed at the end: a commit
	// is ready once every child is placed; the newest ready one goes next.
	for _, n := range r.commits {
		if n == nil {
			continue
		}
		for _, p := range n.parents {
			if pn := r.commits[p]; pn != nil {
				pn.children++
			}
		}
	}
	ready := &newestFirst{}
	for _, n := range r.commits {
		if n != nil && n.children == 0 {
			*ready = append(*ready, n)
		}
	}
	heap.Init(ready)
	order := make([]*node, 0, len(r.commits))
	for ready.Len() > 0 {
		n := heap.Pop(ready).(*node)
		order = append(order, n)
		for _, p := range n.parents {
			if pn := r.commits[p]; pn != nil {
				pn.children--
				if pn.children == 0 {
					heap.Push(ready, pn)
				}
			}
		}
	}
	slices.Reverse(order)
	return order
}

// newestFirst is a heap of commits, newest committer date on top.
type newestFirst []*node

func (q newestFirst) Len() int { return len(q) }
func (q newestFirst) Less(i, j int) bool {
	if c := q[i].when.Compare(q[j].when); c != 0 {
		return c > 0
	}
	return compareHash(q[i].hash, q[j].hash) > 0
}
func (q newestFirst) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *newestFirst) Push(x any)   { *q = append(*q, x.(*node)) }
func (q *newestFirst) Pop() any {
	old := *q
	n := old[len(old)-1]
	*q = old[:len(old)-1]
	return n
}

// selectCommits applies Since and MaxCommits to the ordered commits.
func (r *run) selectCommits(order []*node) []*node {
	if since := r.s.opts.Since; !since.IsZero() {
		order = slices.DeleteFunc(order, func(n *node) bool { return n.when.Before(since) })
	}
	if m := r.s.opts.MaxCommits; m > 0 && len(order) > m {
		order = order[len(order)-m:]
	}
	return order
}

func compareHash(a, b plumbing.Hash) int { return cmp.Compare(a.String(), b.String()) }
