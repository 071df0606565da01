package git

import (
	"cmp"
	"container/heap"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	gogit "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
)

// RemovedFromHEAD is the Details key set to "true" on a finding whose blob
// is no longer at its path in HEAD.
const RemovedFromHEAD = "removed_from_head"

// removedSuffix is appended to the message of such a finding.
const removedSuffix = " (removed from HEAD, still in history)"

// Options configure a Scanner. The zero value scans the history of every
// branch, tag, remote-tracking branch and HEAD, every commit, all time.
type Options struct {
	// Branch, when set, restricts the scan to the history of one ref: a
	// full ref name ("refs/heads/main"), a branch, tag or remote-tracking
	// branch name ("main", "v1.0", "origin/main"), or "HEAD". The default,
	// "", is every branch, tag, remote-tracking branch and HEAD.
	Branch string
	// MaxCommits, when positive, scans only the newest MaxCommits of the
	// selected commits (in topological order, as `git log -n` would), each
	// still diffed against its parent, so that only what they introduce is
	// scanned. The default, 0, is every commit.
	MaxCommits int
	// Since, when not zero, scans only commits whose committer date is at
	// or after it; older commits still serve as the parents new ones are
	// diffed against. The default, the zero time, is all history.
	Since time.Time
}

// Result is what a scan found and covered.
type Result struct {
	// Findings are sorted with finding.Compare: path, line, column, rule,
	// then commit.
	Findings []finding.Finding
	// Notices say what could not be scanned, or was skipped, and why, in
	// scan order.
	Notices []finding.Notice
	// Stats count what was scanned and skipped: Files is the number of
	// distinct blobs scanned, Bytes their size.
	Stats finding.Stats
	// Commits is how many commits were walked for new blobs.
	Commits int
}

// Scanner scans git history. It is safe for concurrent use; each Scan is
// independent.
type Scanner struct {
	engine *rules.Engine
	opts   Options
}

// New returns a Scanner that runs engine's rules with opts.
func New(engine *rules.Engine, opts Options) *Scanner {
	return &Scanner{engine: engine, opts: opts}
}

// Scan scans the history of the repository at repoPath, or of the
// repository enclosing it; a bare repository works too. Whatever could not
// be scanned becomes a notice in the Result; the error is for a run that
// could not happen at all (the repository cannot be opened, the Branch is
// not found, nothing is selected, ctx is cancelled), and then the Result is
// nil.
func (s *Scanner) Scan(ctx context.Context, repoPath string) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	repo, closeRepo, err := open(repoPath)
	if err != nil {
		return nil, fmt.Errorf("opening repository %s: %w", repoPath, err)
	}
	defer closeRepo()
	r := &run{s: s, ctx: ctx, repo: repo, seen: map[plumbing.Hash]bool{}, trees: map[plumbing.Hash]*object.Tree{},
		reported: map[string]bool{}, inHEAD: map[string]bool{}}
	tips, err := r.tips()
	if err != nil {
		return nil, err
	}
	if len(tips) == 0 {
		return nil, fmt.Errorf("repository %s: no commits to scan", repoPath)
	}
	if err := r.loadShallow(); err != nil {
		return nil, err
	}
	order := r.walk(tips)
	order = r.selectCommits(order)
	if len(order) == 0 {
		return nil, fmt.Errorf("repository %s: no commits selected (check --since and --max-commits)", repoPath)
	}
	r.head()
	for _, c := range order {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r.commit(c)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r.markRemoved()
	slices.SortStableFunc(r.res.Findings, finding.Compare)
	r.res.Commits = len(order)
	return &r.res, nil
}

// Storage settings for reading history: packfiles stay open while a scan
// runs, and blobs larger than largeObject are streamed from the pack
// rather than inflated into memory whole.
const (
	maxOpenPacks = 64
	largeObject  = 1 << 20
)

// open opens the repository at path: a bare repository, or the one whose
// work tree holds path (a linked worktree too), read-only, without its
// work tree. Nothing is executed. The returned func closes its files.
func open(path string) (*gogit.Repository, func(), error) {
	repo, err := gogit.PlainOpenWithOptions(path, &gogit.PlainOpenOptions{EnableDotGitCommonDir: true})
	if errors.Is(err, gogit.ErrRepositoryNotExists) {
		// Not a bare repository nor a work tree's root: look upwards for
		// a .git, as git does.
		repo, err = gogit.PlainOpenWithOptions(path, &gogit.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	}
	if err != nil {
		return nil, nil, err
	}
	fsStore, ok := repo.Storer.(*filesystem.Storage)
	if !ok {
		return repo, func() {}, nil
	}
	// Reopen the same .git (its common dir included) with storage options
	// PlainOpen does not take.
	st := filesystem.NewStorageWithOptions(fsStore.Filesystem(), cache.NewObjectLRUDefault(), filesystem.Options{
		ExclusiveAccess:      true,
		MaxOpenDescriptors:   maxOpenPacks,
		LargeObjectThreshold: largeObject,
	})
	repo, err = gogit.Open(st, nil)
	if err != nil {
		_ = st.Close()
		return nil, nil, err
	}
	return repo, func() { _ = st.Close() }, nil
}

// run is the state of one Scan.
type run struct {
	s    *Scanner
	ctx  context.Context
	repo *gogit.Repository

	commits map[plumbing.Hash]*node
	shallow map[plumbing.Hash]bool
	// seen holds the blobs already scanned (or skipped for good).
	seen map[plumbing.Hash]bool
	// headTree is HEAD's tree, nil when HEAD does not resolve.
	headTree *object.Tree
	// trees caches decoded trees by hash (root trees and subtrees): a
	// commit's children diff against them, and unchanged subtrees recur
	// from commit to commit. It is emptied when it reaches maxTrees.
	trees map[plumbing.Hash]*object.Tree
	// reported holds the fingerprints already reported: a secret that
	// stays in a file through many edits is one finding, at the commit
	// that introduced it, not one per version of the file.
	reported map[string]bool
	// inHEAD holds the fingerprints found in a blob that is at its path
	// in HEAD: those secrets are not "removed".
	inHEAD map[string]bool

	res Result
}

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

func (r *run) notice(level finding.Level, path, format string, args ...any) {
	r.res.Notices = append(r.res.Notices, finding.Notice{Level: level, Path: path, Message: fmt.Sprintf(format, args...)})
}

// tips resolves the selected refs to commit hashes, sorted and without
// duplicates.
func (r *run) tips() ([]plumbing.Hash, error) {
	var names []plumbing.ReferenceName
	if b := r.s.opts.Branch; b != "" {
		name, err := r.findRef(b)
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
			n := ref.Name()
			if n == plumbing.HEAD || n.IsBranch() || n.IsTag() || n.IsRemote() {
				names = append(names, n)
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
		h, ok := r.peel(n, ref.Hash())
		if ok {
			tips = append(tips, h)
		}
	}
	slices.SortFunc(tips, compareHash)
	return slices.Compact(tips), nil
}

// findRef resolves a Branch option to a ref name.
func (r *run) findRef(b string) (plumbing.ReferenceName, error) {
	candidates := []plumbing.ReferenceName{
		plumbing.ReferenceName(b),
		plumbing.NewBranchReferenceName(b),
		plumbing.NewTagReferenceName(b),
		plumbing.ReferenceName("refs/remotes/" + b),
	}
	for _, c := range candidates {
		if _, err := r.repo.Reference(c, false); err == nil {
			return c, nil
		}
	}
	return "", fmt.Errorf("branch %q: no such ref", b)
}

// peel follows annotated tags to the commit they name; refs to trees or
// blobs are skipped with a note.
func (r *run) peel(name plumbing.ReferenceName, h plumbing.Hash) (plumbing.Hash, bool) {
	for range 16 {
		tag, err := r.repo.TagObject(h)
		if errors.Is(err, plumbing.ErrObjectNotFound) {
			return h, true // not a tag: a commit, or the walk will say
		}
		if err != nil {
			r.notice(finding.LevelError, "", "ref %s: cannot read tag object %s: %v", name, h, err)
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

// walk reads every commit reachable from tips and returns them oldest
// first: parents before children, and among commits whose parents are all
// done, the oldest committer date first (ties by hash).
func (r *run) walk(tips []plumbing.Hash) []*node {
	r.commits = map[plumbing.Hash]*node{}
	stack := slices.Clone(tips)
	for len(stack) > 0 {
		h := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if _, ok := r.commits[h]; ok {
			continue
		}
		c, err := r.repo.CommitObject(h)
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
			if _, ok := r.commits[p]; !ok {
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

// head reads HEAD's tree, to tell which findings are gone from it.
func (r *run) head() {
	ref, err := r.repo.Head()
	if err != nil {
		return // no HEAD (unborn): nothing to compare with
	}
	h, ok := r.peel(plumbing.HEAD, ref.Hash())
	if !ok {
		return
	}
	c, err := r.repo.CommitObject(h)
	if err == nil {
		r.headTree, err = c.Tree()
	}
	if err != nil {
		r.notice(finding.LevelWarning, "", "cannot read HEAD's tree (%s): findings not marked as removed from HEAD: %v", h, err)
	}
}

// commit scans the blobs n introduces.
func (r *run) commit(n *node) {
	tree, err := r.tree(n.tree)
	if err != nil {
		r.notice(finding.LevelError, "", "commit %s: cannot read tree %s: %v", n.hash, n.tree, err)
		return
	}
	var base *object.Tree
	if len(n.parents) > 0 {
		p := n.parents[0]
		base, err = r.parentTree(p)
		if err != nil {
			// Scan the whole tree rather than nothing: over-reporting a
			// blob is better than missing one.
			r.notice(finding.LevelError, "", "commit %s: cannot read parent %s: %v: scanned as a root commit", n.hash, p, err)
			base = nil
		}
	}
	loc := finding.Location{
		Kind:   finding.KindCommit,
		Commit: n.hash.String(),
		Author: n.author.Name,
		Email:  n.author.Email,
		Date:   n.author.When.Format(time.RFC3339),
	}
	r.diff(base, tree, "", loc, n)
}

// maxTrees bounds the tree cache.
const maxTrees = 1 << 14

func (r *run) tree(h plumbing.Hash) (*object.Tree, error) {
	if t, ok := r.trees[h]; ok {
		return t, nil
	}
	t, err := r.repo.TreeObject(h)
	if err != nil {
		return nil, err
	}
	if len(r.trees) >= maxTrees {
		clear(r.trees)
	}
	r.trees[h] = t
	return t, nil
}

// parentTree returns the tree of commit p, which need not be selected.
func (r *run) parentTree(p plumbing.Hash) (*object.Tree, error) {
	if pn := r.commits[p]; pn != nil {
		return r.tree(pn.tree)
	}
	c, err := r.repo.CommitObject(p)
	if err != nil {
		return nil, err
	}
	return c.Tree()
}

// diff scans the blobs of tree that are not in base (nil for none) at the
// same path, under prefix.
func (r *run) diff(base, tree *object.Tree, prefix string, loc finding.Location, n *node) {
	for _, e := range tree.Entries {
		if r.ctx.Err() != nil {
			return
		}
		var old *object.TreeEntry
		if base != nil {
			if o, err := base.FindEntry(e.Name); err == nil {
				old = o
			}
		}
		if old != nil && old.Hash == e.Hash && old.Mode == e.Mode {
			continue
		}
		path := prefix + e.Name
		switch e.Mode {
		case filemode.Dir:
			sub, err := r.tree(e.Hash)
			if err != nil {
				r.notice(finding.LevelError, path, "commit %s: cannot read tree %s: %v", n.hash, e.Hash, err)
				continue
			}
			var oldSub *object.Tree
			if old != nil && old.Mode == filemode.Dir {
				if oldSub, err = r.tree(old.Hash); err != nil {
					oldSub = nil // scan the whole subtree
				}
			}
			r.diff(oldSub, sub, path+"/", loc, n)
		case filemode.Regular, filemode.Executable, filemode.Deprecated:
			if old != nil && old.Hash == e.Hash {
				continue // only the mode changed
			}
			r.blob(e.Hash, path, loc)
		default:
			// Symbolic links (their blob is a target path) and submodules
			// (a commit of another repository) hold no content of this
			// repository to scan.
		}
	}
}

// blob scans blob h, introduced at path, unless it was scanned before.
func (r *run) blob(h plumbing.Hash, path string, loc finding.Location) {
	if r.seen[h] {
		return
	}
	r.seen[h] = true
	loc.Path, loc.Key = path, path
	found := r.s.engine.ScanPath(loc)
	b, err := r.repo.BlobObject(h)
	if err != nil {
		r.notice(finding.LevelError, path, "commit %s: cannot read blob %s: %v", loc.Commit, h, err)
		r.add(found, h, path)
		return
	}
	rd, err := b.Reader()
	if err != nil {
		r.notice(finding.LevelError, path, "commit %s: cannot read blob %s: %v", loc.Commit, h, err)
		r.add(found, h, path)
		return
	}
	res, err := r.s.engine.ScanReader(r.ctx, rd, loc, max(b.Size, 1))
	_ = rd.Close()
	found = append(found, res.Findings...)
	r.res.Stats.Suppressed += int64(res.Suppressed)
	r.add(found, h, path)
	switch {
	case err != nil:
		if r.ctx.Err() == nil {
			r.notice(finding.LevelError, path, "commit %s: read error in blob %s after %d bytes: %v (findings before it are reported)", loc.Commit, h, res.Bytes, err)
		}
	case res.Binary:
		r.res.Stats.SkippedBinary++
	default:
		r.res.Stats.Files++
		r.res.Stats.Bytes += res.Bytes
	}
}

// add records the findings of blob h at path: each secret once, at the
// first (oldest) commit that brought it to that path; and notes which are
// still in HEAD.
func (r *run) add(found []finding.Finding, h plumbing.Hash, path string) {
	if len(found) == 0 {
		return
	}
	atHEAD := false
	if r.headTree != nil {
		e, err := r.headTree.FindEntry(path)
		atHEAD = err == nil && e.Hash == h
	}
	for _, f := range found {
		if atHEAD {
			r.inHEAD[f.Fingerprint] = true
		}
		if r.reported[f.Fingerprint] {
			continue
		}
		r.reported[f.Fingerprint] = true
		r.res.Findings = append(r.res.Findings, f)
	}
}

// markRemoved marks the findings whose secret is in no blob of HEAD: gone
// from the code, still in history.
func (r *run) markRemoved() {
	if r.headTree == nil {
		return
	}
	for i := range r.res.Findings {
		f := &r.res.Findings[i]
		if r.inHEAD[f.Fingerprint] {
			continue
		}
		f.Details = maps.Clone(f.Details)
		if f.Details == nil {
			f.Details = map[string]string{}
		}
		f.Details[RemovedFromHEAD] = "true"
		f.Message += removedSuffix
	}
}

func compareHash(a, b plumbing.Hash) int { return cmp.Compare(a.String(), b.String()) }
