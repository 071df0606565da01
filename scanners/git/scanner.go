package git

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	gogit "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/config"
	"github.com/go-git/go-git/v5/storage/filesystem"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
)

// Details keys set on findings of a history scan.
const (
	// RemovedFromHEAD is "true" on a finding whose secret is no longer at
	// its path in HEAD.
	RemovedFromHEAD = "removed_from_head"
	// RemovedIn is the commit on HEAD's first-parent line that removed the
	// secret from its path, when there is one.
	RemovedIn = "removed_in"
	// Commits lists, with Options.AllCommits, every commit that brought a
	// blob holding the secret: the introducing one first, then in history
	// order, comma-separated.
	Commits = "commits"
)

// Options configure a Scanner. The zero value scans the history of every
// ref (as `git log --all` does) and HEAD, every commit, all time, with one
// worker per CPU.
type Options struct {
	// Branch, when set, restricts the scan to the history of one ref: a
	// full ref name ("refs/heads/main"), a branch, tag or remote-tracking
	// branch name ("main", "v1.0", "origin/main"), or "HEAD". The default,
	// "", is every ref and HEAD.
	Branch string
	// Include, when set, replaces Branch and the refs: the history of
	// these revisions (commit hashes, abbreviated or not, or ref names) is
	// scanned. The default is none.
	Include []string
	// Exclude names revisions whose history is not scanned (as in
	// `git log B ^A`): commits reachable from them are left out, and serve
	// only as the parents that the selected commits are diffed against, so
	// that only what the selection adds is scanned. --range A..B is
	// Include B, Exclude A. The default is none.
	Exclude []string
	// ExcludeRemotes also leaves out every commit reachable from a
	// remote-tracking branch (git's --not --remotes): what a push of a new
	// branch would not send. The default is false.
	ExcludeRemotes bool
	// EmptyOK makes a selection with no commits a clean, empty result
	// rather than an error: a pre-push of commits the remote already has.
	// The default is false.
	EmptyOK bool
	// MaxCommits, when positive, scans only the newest MaxCommits of the
	// selected commits (in topological order, as `git log -n` would), each
	// still diffed against its parent, so that only what they introduce is
	// scanned. The default, 0, is every commit.
	MaxCommits int
	// Since, when not zero, scans only commits whose committer date is at
	// or after it; older commits still serve as the parents new ones are
	// diffed against. The default, the zero time, is all history.
	Since time.Time
	// AllCommits lists, in each finding's Details[Commits], every commit
	// that brought a blob holding the secret, not only the first. Each new
	// version of a file is then scanned whole rather than only its new
	// lines, which is slower. The default is false.
	AllCommits bool
	// Workers is how many blobs are scanned at once. The default (0 or
	// less) is runtime.GOMAXPROCS(0).
	Workers int
}

// Result is what a scan found and covered.
type Result struct {
	// Findings are sorted with finding.Compare: path, line, column, rule,
	// then commit.
	Findings []finding.Finding
	// Notices say what could not be scanned, or was skipped, and why, in
	// scan order.
	Notices []finding.Notice
	// Stats count what was scanned and skipped: Commits the commits
	// walked, Files the distinct blobs scanned, Bytes their size.
	Stats finding.Stats
}

// Scanner scans git history. It is safe for concurrent use; each Scan is
// independent.
type Scanner struct {
	engine *rules.Engine
	opts   Options
	// minPerDiffer is the fewest commits worth a goroutine of their own
	// when diffing trees (tests lower it to diff small histories in
	// parallel).
	minPerDiffer int
}

// New returns a Scanner that runs engine's rules with opts.
func New(engine *rules.Engine, opts Options) *Scanner {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	return &Scanner{engine: engine, opts: opts, minPerDiffer: minCommitsPerDiffer}
}

// Scan scans the history of the repository at repoPath, or of the
// repository enclosing it; a bare repository works too.
//
// Every blob that the selected commits bring is scanned once, in parallel:
// a new file whole, a new version of a file only where it differs from the
// version it replaces (its new lines, with a little context), so that a
// secret is found in the commit that introduced it and not again in each
// later edit. Each finding is reported once, at the oldest commit that
// brought it to its path; one no longer in HEAD is marked, with the
// commit that removed it when HEAD's first-parent history shows one.
//
// Whatever could not be scanned becomes a notice in the Result; the error
// is for a run that could not happen at all (the repository cannot be
// opened, a revision is not found, nothing is selected, ctx is
// cancelled), and then the Result is nil.
func (s *Scanner) Scan(ctx context.Context, repoPath string) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	repo, closeRepo, err := open(repoPath, walkerCache)
	if err != nil {
		return nil, fmt.Errorf("opening repository %s: %w", repoPath, err)
	}
	defer closeRepo()
	r := &run{s: s, ctx: ctx, repo: repo, path: repoPath, seen: map[plumbing.Hash]bool{}, submodules: map[string]bool{},
		reported: map[string]int{}, blobs: map[plumbing.Hash]*blobResult{}, contents: newContents(contentsCache)}
	r.packs = r.openPacks()
	defer r.packs.Close()
	r.obj = r.newObjects()
	if err := r.loadShallow(); err != nil {
		return nil, err
	}
	tips, err := r.tips()
	if err != nil {
		return nil, err
	}
	if len(tips) == 0 {
		return nil, r.nothingToScan("no commits to scan")
	}
	excluded, err := r.excluded()
	if err != nil {
		return nil, err
	}
	order := r.selectCommits(r.walk(tips, excluded))
	if len(order) == 0 && s.opts.EmptyOK {
		r.notice(finding.LevelNote, "", "no new commits to scan")
		return &r.res, nil
	}
	if len(order) == 0 {
		return nil, r.nothingToScan("no commits selected (check the range, --since and --max-commits)")
	}
	if err := r.scanBlobs(order); err != nil {
		return nil, err
	}
	r.attribute()
	r.markRemoved()
	slices.SortStableFunc(r.res.Findings, finding.Compare)
	r.res.Stats.Commits = int64(len(order))
	return &r.res, nil
}

// Storage settings for reading history: packfiles stay open while a scan
// runs, blobs larger than largeObject are streamed from the pack rather
// than inflated whole, and each reader keeps a small cache of objects
// (delta bases, trees).
const (
	maxOpenPacks = 64
	largeObject  = 1 << 20
	walkerCache  = 8 * cache.MiByte // the walker's handle is also the first worker's
	workerCache  = 8 * cache.MiByte
	// contentsCache is the budget of the object contents the workers
	// share: delta bases, and the versions new ones are compared with.
	contentsCache = 8 << 20
)

// open opens the repository at path: a bare repository, or the one whose
// work tree holds path (a linked worktree too), read-only, without its
// work tree. Nothing is executed: no hooks, filters or fsmonitor, whatever
// the repository's configuration says. The returned func closes its files.
func open(path string, cacheSize cache.FileSize) (*gogit.Repository, func(), error) {
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
	st := filesystem.NewStorageWithOptions(fsStore.Filesystem(), cache.NewObjectLRU(cacheSize), filesystem.Options{
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
	path string

	commits map[plumbing.Hash]*node
	shallow map[plumbing.Hash]bool
	// seen holds the blobs already sent to be scanned.
	seen map[plumbing.Hash]bool
	// submodules holds the paths of the submodules met, each noted once.
	submodules map[string]bool
	// changes are the blobs the selected commits brought, in history
	// order: each blob's first one (scanned), and with AllCommits every
	// later one too.
	changes []change

	// contents caches recently read objects for the walk and the
	// workers.
	contents *contents
	// packs reads objects straight from the packfiles; obj is the walk's
	// reader of objects. gitMu serializes the goroutines that read through
	// repo (go-git) while the walk diffs trees in parallel.
	packs *packs
	obj   *objects
	gitMu sync.Mutex

	// mu guards blobs and res.Stats while workers run.
	mu sync.Mutex
	// blobs holds the outcome of each scanned blob that has findings or
	// notices.
	blobs map[plumbing.Hash]*blobResult

	// reported maps the fingerprints already reported to their index in
	// res.Findings: a secret is one finding, at the commit that first
	// brought it to its path.
	reported map[string]int
	// foundIn is the blob of each finding in res.Findings, before sorting.
	foundIn []plumbing.Hash

	res Result
}

// change is a blob a commit brought to a path.
type change struct {
	commit *node
	path   string
	blob   plumbing.Hash
	// base is the blob the change replaced at path (zero for a new file).
	base plumbing.Hash
	// scan is true for the first change of a blob: the one it is scanned
	// (and attributed) as.
	scan bool
}

// nothingToScan is the error of a run that found no commit to scan: the
// first unreadable object, when that is why, else what.
func (r *run) nothingToScan(what string) error {
	for _, n := range r.res.Notices {
		if n.Level == finding.LevelError {
			return fmt.Errorf("repository %s: no readable commits to scan: %s", r.path, n.Message)
		}
	}
	return fmt.Errorf("repository %s: %s", r.path, what)
}

func (r *run) notice(level finding.Level, path, format string, args ...any) {
	r.res.Notices = append(r.res.Notices, finding.Notice{Level: level, Path: path, Message: fmt.Sprintf(format, args...)})
}

// scanBlobs walks the commits' trees for the blobs they bring, then has
// workers scan each new blob. The walk records every change first, and
// the workers take the versions of one path together, newest first: git
// stores an older version as a delta against a newer one, so reading in
// that order rebuilds each version from the one just read (still in the
// caches) instead of from the far end of its delta chain.
func (r *run) scanBlobs(order []*node) error {
	if err := r.diffCommits(order); err != nil {
		return err
	}
	var groups [][]int // indexes into r.changes, per path, in history order
	byPath := map[string]int{}
	for i, c := range r.changes {
		if !c.scan {
			continue
		}
		g, ok := byPath[c.path]
		if !ok {
			g = len(groups)
			byPath[c.path] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
	}
	// The walk is done: its trees are not needed again, and its
	// repository handle serves the first worker.
	clear(r.obj.trees)
	jobs := make(chan []int, 4*r.s.opts.Workers)
	var wg sync.WaitGroup
	for i := range r.s.opts.Workers {
		w := &worker{run: r, seed: maphash.MakeSeed()}
		if i == 0 {
			w.repo = r.repo
		}
		if len(r.packs.files) > 0 {
			w.pack = r.packs.reader()
		}
		wg.Go(func() {
			defer w.close()
			for g := range jobs {
				for _, i := range slices.Backward(g) {
					if r.ctx.Err() != nil {
						break // drain, so that the sender never blocks
					}
					w.scan(r.changes[i])
				}
			}
		})
	}
	for _, g := range groups {
		select {
		case jobs <- g:
		case <-r.ctx.Done():
		}
	}
	close(jobs)
	wg.Wait()
	return r.ctx.Err()
}

// openPacks opens the repository's packfiles for the walk and the workers
// to read objects from directly. Where that cannot be done (a storage that is not a
// directory, a SHA-256 repository, an unreadable pack directory) there are
// none, and go-git reads every blob.
func (r *run) openPacks() *packs {
	none := &packs{}
	fsStore, ok := r.repo.Storer.(*filesystem.Storage)
	if !ok {
		return none
	}
	if cfg, err := r.repo.Config(); err != nil || cfg.Extensions.ObjectFormat == config.SHA256 {
		return none
	}
	ps, err := openPacks(fsStore.Filesystem(), r.contents)
	if err != nil {
		return none
	}
	return ps
}

// commitDiff is what a commit brings against its first parent: every
// blob at a new or changed path (whether seen before or not), the
// submodules met, and what could not be read.
type commitDiff struct {
	changes    []change
	submodules []string
	notices    []finding.Notice
}

func (d *commitDiff) notice(level finding.Level, path, format string, args ...any) {
	d.notices = append(d.notices, finding.Notice{Level: level, Path: path, Message: fmt.Sprintf(format, args...)})
}

// commit finds the blobs n brings, against its first parent.
func (o *objects) commit(n *node, d *commitDiff) {
	t, err := o.tree(n.tree)
	if err != nil {
		d.notice(finding.LevelError, "", "commit %s: cannot read tree %s: %v", n.hash, n.tree, err)
		return
	}
	var base *tree
	if len(n.parents) > 0 {
		p := n.parents[0]
		base, err = o.parentTree(p)
		if err != nil {
			// Scan the whole tree rather than nothing: over-reporting a
			// blob is better than missing one.
			d.notice(finding.LevelError, "", "commit %s: cannot read parent %s: %v: scanned as a root commit", n.hash, p, err)
			base = nil
		}
	}
	o.diff(base, t, "", n, d)
}

// maxTrees bounds the tree cache.
const maxTrees = 1024

// parentTree returns the tree of commit p, which need not be selected.
func (o *objects) parentTree(p plumbing.Hash) (*tree, error) {
	if pn := o.r.commits[p]; pn != nil {
		return o.tree(pn.tree)
	}
	c, err := o.commitObject(p)
	if err != nil {
		return nil, err
	}
	return o.tree(c.TreeHash)
}

// diff records the blobs of tree that are not in base (nil for none) at
// the same path, under prefix.
func (o *objects) diff(base, t *tree, prefix string, n *node, d *commitDiff) {
	var olds []treeEntry
	if base != nil {
		olds = base.entries
	}
	j := 0
	for i := range t.entries {
		if o.r.ctx.Err() != nil {
			return
		}
		e := &t.entries[i]
		// Both trees are in git's order: the entry of the same name and
		// kind, if any, is the next one not before e. (In a tree out of
		// order an entry may find no match: it is then scanned whole.)
		var old *treeEntry
		for j < len(olds) {
			c := compareEntries(&olds[j], e)
			if c < 0 {
				j++
				continue
			}
			if c == 0 {
				old = &olds[j]
				j++
			}
			break
		}
		if old != nil && old.hash == e.hash && old.mode == e.mode {
			continue
		}
		path := prefix + e.name
		switch e.mode {
		case filemode.Dir:
			sub, err := o.tree(e.hash)
			if err != nil {
				d.notice(finding.LevelError, path, "commit %s: cannot read tree %s: %v", n.hash, e.hash, err)
				continue
			}
			var oldSub *tree
			if old != nil && old.mode == filemode.Dir {
				if oldSub, err = o.tree(old.hash); err != nil {
					oldSub = nil // scan the whole subtree
				}
			}
			o.diff(oldSub, sub, path+"/", n, d)
		case filemode.Regular, filemode.Executable, filemode.Deprecated:
			if old != nil && old.hash == e.hash {
				continue // only the mode changed
			}
			c := change{commit: n, path: path, blob: e.hash}
			if old != nil && old.mode.IsFile() {
				c.base = old.hash
			}
			d.changes = append(d.changes, c)
		case filemode.Submodule:
			// A commit of another repository: its content is not here.
			d.submodules = append(d.submodules, path)
		default:
			// Symbolic links: their blob is a target path, not content.
		}
	}
}

// diffCommits records the blobs each commit of order brings, in order:
// each blob's first change is marked to be scanned. The trees are diffed
// in parallel, a contiguous run of commits per goroutine (each with its
// own readers and tree cache), and the results merged in history order.
func (r *run) diffCommits(order []*node) error {
	diffs := make([]commitDiff, len(order))
	parts := max(1, min(r.s.opts.Workers, len(order)/r.s.minPerDiffer))
	var wg sync.WaitGroup
	for k := range parts {
		lo, hi := k*len(order)/parts, (k+1)*len(order)/parts
		o := r.obj
		if k > 0 {
			o = r.newObjects()
		}
		wg.Go(func() {
			for i := lo; i < hi && r.ctx.Err() == nil; i++ {
				o.commit(order[i], &diffs[i])
			}
		})
	}
	wg.Wait()
	if err := r.ctx.Err(); err != nil {
		return err
	}
	for i := range diffs {
		d := &diffs[i]
		r.res.Notices = append(r.res.Notices, d.notices...)
		for _, path := range d.submodules {
			if !r.submodules[path] {
				r.submodules[path] = true
				r.notice(finding.LevelNote, path, "submodule (a commit of another repository): not scanned; scan its repository with keysweep git")
			}
		}
		for _, c := range d.changes {
			if !r.seen[c.blob] {
				r.seen[c.blob] = true
				c.scan = true
			} else if !r.s.opts.AllCommits {
				continue
			}
			r.changes = append(r.changes, c)
		}
		diffs[i] = commitDiff{}
	}
	return nil
}

// minCommitsPerDiffer is the fewest commits worth a goroutine of their
// own in diffCommits (diffing a commit takes some tens of microseconds).
const minCommitsPerDiffer = 256

// attribute reports each blob's findings in history order: each secret
// once, at the first change that brought it to its path.
func (r *run) attribute() {
	var carried map[string][]string // fingerprint → commits, with AllCommits
	if r.s.opts.AllCommits {
		carried = map[string][]string{}
	}
	for _, c := range r.changes {
		br := r.blobs[c.blob]
		if br == nil {
			continue
		}
		if c.scan {
			r.res.Notices = append(r.res.Notices, br.notices...)
		}
		for _, f := range br.findings {
			if carried != nil {
				if cs := carried[f.Fingerprint]; len(cs) == 0 || cs[len(cs)-1] != c.commit.hash.String() {
					carried[f.Fingerprint] = append(cs, c.commit.hash.String())
				}
			}
			if !c.scan {
				continue
			}
			if _, ok := r.reported[f.Fingerprint]; ok {
				continue
			}
			r.reported[f.Fingerprint] = len(r.res.Findings)
			r.res.Findings = append(r.res.Findings, f)
			r.foundIn = append(r.foundIn, c.blob)
		}
	}
	for i := range r.res.Findings {
		f := &r.res.Findings[i]
		if cs := carried[f.Fingerprint]; len(cs) > 0 {
			setDetail(f, Commits, strings.Join(cs, ","))
		}
	}
}

func setDetail(f *finding.Finding, key, value string) {
	f.Details = maps.Clone(f.Details)
	if f.Details == nil {
		f.Details = map[string]string{}
	}
	f.Details[key] = value
}
