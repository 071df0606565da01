package git

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
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
// commit). Unstaged changes in the work tree are not looked at.
func (s *Scanner) ScanStaged(ctx context.Context, repoPath string) (*Result, error) {
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
	for _, e := range idx.Entries {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if e.Mode == filemode.Submodule || e.Mode == filemode.Symlink || e.Stage != 0 {
			continue
		}
		var old []byte
		if headTree != nil {
			if he, err := headTree.FindEntry(e.Name); err == nil {
				if he.Hash == e.Hash {
					continue // unchanged
				}
				if old, err = readBlob(repo.BlobObject, he.Hash); err != nil {
					notice(finding.LevelError, e.Name, "cannot read HEAD's version: %v", err)
					continue
				}
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
		if rules.IsBinary(data) {
			res.Stats.SkippedBinary++
			continue
		}
		r := s.engine.Scan(rules.Chunk{Data: data, Location: loc})
		res.Stats.Files++
		res.Stats.Bytes += int64(len(data))
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
