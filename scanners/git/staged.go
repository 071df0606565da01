package git

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/utils/diff"
	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
)

// maxStagedBlob bounds how much of one staged file is read; a larger one is
// reported as not scanned.
const maxStagedBlob = 64 << 20

// ScanStaged scans what `git commit` would record now: every file whose
// staged (index) version differs from HEAD's, reporting only findings on
// the lines it adds (all lines of a new file; every file before the first
// commit; a renamed file's lines that its source lacked). Unstaged changes
// in the work tree are not looked at.
//
// With paths (slash paths relative to the work tree's root, as the
// pre-commit framework passes them), only those files are scanned, and a
// file among them with no staged change is scanned whole, as committed:
// `pre-commit run --all-files` then scans every file, not nothing.
func (s *Scanner) ScanStaged(ctx context.Context, repoPath string, paths []string) (*Result, error) {
	repo, closeRepo, err := open(repoPath, walkerCache)
	if err != nil {
		return nil, fmt.Errorf("opening repository %s: %w", repoPath, err)
	}
	defer closeRepo()
	idx, err := repo.Storer.Index()
	if err != nil {
		return nil, fmt.Errorf("reading the index of %s: %w", repoPath, err)
	}
	var headTree *object.Tree
	if ref, err := repo.Head(); err == nil {
		c, err := repo.CommitObject(ref.Hash())
		if err != nil {
			return nil, fmt.Errorf("reading HEAD of %s: %w", repoPath, err)
		}
		if headTree, err = c.Tree(); err != nil {
			return nil, fmt.Errorf("reading HEAD's tree of %s: %w", repoPath, err)
		}
	} else if !errors.Is(err, plumbing.ErrReferenceNotFound) {
		return nil, fmt.Errorf("reading HEAD of %s: %w", repoPath, err)
	}
	res := &Result{}
	notice := func(level finding.Level, path, format string, args ...any) {
		res.Notices = append(res.Notices, finding.Notice{Level: level, Path: path, Message: fmt.Sprintf(format, args...)})
	}
	renamed := renameSources(headTree, idx)
	only := map[string]bool{}
	for _, p := range paths {
		only[p] = true
	}
	for _, e := range idx.Entries {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if e.Mode == filemode.Submodule || e.Mode == filemode.Symlink || e.Stage != 0 {
			continue
		}
		if len(only) > 0 && !only[e.Name] {
			continue
		}
		var old []byte
		if headTree != nil {
			base := plumbing.ZeroHash
			if he, err := headTree.FindEntry(e.Name); err == nil {
				base = he.Hash
				if base == e.Hash && len(only) > 0 {
					base = plumbing.ZeroHash // named and unchanged: scanned whole
				}
			} else if src, ok := renamed.source(e.Name, e.Hash); ok {
				base = src // a renamed file: only what the rename changed
			}
			if base == e.Hash {
				continue // unchanged, or renamed as is
			}
			if !base.IsZero() {
				if old, err = readBlob(repo.BlobObject, base); err != nil {
					notice(finding.LevelError, e.Name, "cannot read HEAD's version: %v", err)
					continue
				}
				old, _ = rules.Text(old) // compared line by line with the decoded new version
			}
		}
		data, err := readBlob(repo.BlobObject, e.Hash)
		if err != nil {
			notice(finding.LevelError, e.Name, "cannot read the staged version: %v", err)
			continue
		}
		loc := finding.Location{Kind: finding.KindFile, Path: e.Name, Key: e.Name}
		if old == nil {
			res.Findings = append(res.Findings, s.engine.ScanPath(loc)...)
		}
		size := len(data)
		data, binary := rules.Text(data)
		if binary {
			res.Stats.SkippedBinary++
			continue
		}
		r := s.engine.Scan(rules.Chunk{Data: data, Location: loc})
		res.Stats.Files++
		res.Stats.Bytes += int64(size)
		res.Stats.Suppressed += int64(r.Suppressed)
		added := addedLines(old, data)
		for _, f := range r.Findings {
			if added == nil || added[f.Location.StartLine] {
				res.Findings = append(res.Findings, f)
			}
		}
	}
	slices.SortStableFunc(res.Findings, finding.Compare)
	return res, nil
}

// renames are the files of HEAD that the index no longer has: the
// possible sources of a rename.
type renames struct {
	byHash map[plumbing.Hash]bool
	byBase map[string][]plumbing.Hash
}

func renameSources(head *object.Tree, idx *index.Index) renames {
	r := renames{byHash: map[plumbing.Hash]bool{}, byBase: map[string][]plumbing.Hash{}}
	if head == nil {
		return r
	}
	staged := make(map[string]bool, len(idx.Entries))
	for _, e := range idx.Entries {
		staged[e.Name] = true
	}
	walker := object.NewTreeWalker(head, true, nil)
	defer walker.Close()
	for {
		name, e, err := walker.Next()
		if err != nil {
			break
		}
		if !e.Mode.IsFile() || staged[name] {
			continue
		}
		r.byHash[e.Hash] = true
		base := path.Base(name)
		r.byBase[base] = append(r.byBase[base], e.Hash)
	}
	return r
}

// source returns the HEAD blob a new path was renamed from: the same
// content (a pure rename), else the one removed file of the same base
// name (a rename with edits). Like git's rename detection, it is a guess;
// a wrong one only makes more lines count as added.
func (r renames) source(name string, h plumbing.Hash) (plumbing.Hash, bool) {
	if r.byHash[h] {
		return h, true
	}
	if cands := r.byBase[path.Base(name)]; len(cands) == 1 {
		return cands[0], true
	}
	return plumbing.ZeroHash, false
}

// readBlob reads a whole blob, up to maxStagedBlob.
func readBlob(get func(plumbing.Hash) (*object.Blob, error), h plumbing.Hash) ([]byte, error) {
	b, err := get(h)
	if err != nil {
		return nil, err
	}
	if b.Size > maxStagedBlob {
		return nil, fmt.Errorf("larger than %d bytes", maxStagedBlob)
	}
	rd, err := b.Reader()
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	return io.ReadAll(rd)
}

// addedLines returns the 1-based numbers of the lines of cur that are not
// in old, by a line diff; nil (all lines) when there is no old version.
func addedLines(old, cur []byte) map[int]bool {
	if old == nil {
		return nil
	}
	added := map[int]bool{}
	line := 1
	for _, d := range diff.Do(string(old), string(cur)) {
		if d.Text == "" {
			continue
		}
		n := strings.Count(d.Text, "\n")
		if !strings.HasSuffix(d.Text, "\n") {
			n++
		}
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			line += n
		case diffmatchpatch.DiffInsert:
			for i := range n {
				added[line+i] = true
			}
			line += n
		}
	}
	return added
}
