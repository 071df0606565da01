package git

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"time"

	gogit "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
)

// maxDiffBlob is the largest blob read whole, to be scanned only where it
// differs from the version it replaces; a larger one is streamed through
// the engine whole, in bounded memory.
const maxDiffBlob = 8 << 20

// contextLines is how many unchanged lines around each run of new lines
// are scanned with it, so that a secret on a new line is matched with the
// keyword or companion on the lines around it.
const contextLines = 3

// blobResult is what scanning one blob produced.
type blobResult struct {
	findings []finding.Finding
	notices  []finding.Notice
}

// worker scans blobs. Its pack reader and go-git handle are its own:
// neither is safe for concurrent use.
type worker struct {
	run  *run
	pack *packReader // nil when no pack is read directly
	// repo reads what the packs leave to go-git; gitRepo opens it on
	// first need.
	repo      *gogit.Repository
	closeRepo func()
	seed      maphash.Seed
}

// gitRepo returns the worker's go-git handle, opening it on first need.
func (w *worker) gitRepo() (*gogit.Repository, error) {
	if w.repo == nil {
		repo, closeRepo, err := open(w.run.path, workerCache)
		if err != nil {
			return nil, err
		}
		w.repo, w.closeRepo = repo, closeRepo
	}
	return w.repo, nil
}

func (w *worker) close() {
	if w.closeRepo != nil {
		w.closeRepo()
	}
}

// scan scans the blob of change c. Problems with the blob become notices.
func (w *worker) scan(c change) {
	r := w.run
	loc := finding.Location{
		Kind:   finding.KindCommit,
		Path:   c.path,
		Key:    c.path,
		Commit: c.commit.hash.String(),
		Author: c.commit.author.Name,
		Email:  c.commit.author.Email,
		Date:   c.commit.author.When.Format(time.RFC3339),
	}
	res := &blobResult{findings: r.s.engine.ScanPath(loc)}
	var st finding.Stats
	defer func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		addStats(&r.res.Stats, st)
		if len(res.findings) > 0 || len(res.notices) > 0 {
			r.blobs[c.blob] = res
		}
	}()
	fail := func(format string, args ...any) {
		res.notices = append(res.notices, finding.Notice{Level: finding.LevelError, Path: c.path,
			Message: fmt.Sprintf("commit %s: blob %s: ", c.commit.hash, c.blob) + fmt.Sprintf(format, args...)})
	}
	data, err := w.readPacked(c.blob)
	switch {
	case err == nil:
		w.scanContent(c, loc, data, res, &st)
		return
	case !errors.Is(err, errNotPacked):
		fail("cannot read: %v", err)
		return
	}
	if o, ok := r.contents.get(objKey{pack: -1, hash: c.blob}); ok {
		// Read through go-git just now as the base of the newer version.
		w.scanContent(c, loc, o.data, res, &st)
		return
	}
	repo, err := w.gitRepo()
	if err != nil {
		fail("cannot open the repository to read it: %v", err)
		return
	}
	b, err := repo.BlobObject(c.blob)
	if err != nil {
		fail("cannot read: %v", err)
		return
	}
	rd, err := b.Reader()
	if err != nil {
		fail("cannot read: %v", err)
		return
	}
	defer rd.Close()
	if b.Size > maxDiffBlob {
		// Too large to hold: stream it whole.
		out, err := r.s.engine.ScanReader(r.ctx, rd, loc, b.Size)
		res.findings = append(res.findings, out.Findings...)
		st.Suppressed += int64(out.Suppressed)
		switch {
		case err != nil:
			if r.ctx.Err() == nil {
				fail("read error after %d bytes: %v (findings before it are reported)", out.Bytes, err)
			}
		case out.Binary:
			st.SkippedBinary++
		default:
			st.Files++
			st.Bytes += out.Bytes
		}
		return
	}
	data, err = io.ReadAll(rd)
	if err != nil {
		fail("read error after %d bytes: %v", len(data), err)
		if len(data) == 0 {
			return
		}
	}
	w.scanContent(c, loc, data, res, &st)
}

// readPacked reads blob h from the packs, or returns errNotPacked.
func (w *worker) readPacked(h plumbing.Hash) ([]byte, error) {
	if w.pack == nil {
		return nil, errNotPacked
	}
	return w.pack.read(h, plumbing.BlobObject, maxDiffBlob)
}

// readBase reads blob h whole to compare a newer version with, or returns
// nil: from the packs, the cache, or go-git.
func (w *worker) readBase(h plumbing.Hash) []byte {
	data, err := w.readPacked(h)
	if err == nil {
		return data
	}
	if !errors.Is(err, errNotPacked) {
		return nil
	}
	key := objKey{pack: -1, hash: h}
	if o, ok := w.run.contents.get(key); ok {
		return o.data
	}
	repo, err := w.gitRepo()
	if err != nil {
		return nil
	}
	// Versions are scanned newest first: the base is next, and is kept
	// for it.
	if data, _ = readSmallBlob(repo, h); data != nil {
		w.run.contents.put(key, packed{typ: plumbing.BlobObject, data: data})
	}
	return data
}

// scanContent scans a blob read whole: against the version it replaces
// when there is one, else all of it.
func (w *worker) scanContent(c change, loc finding.Location, data []byte, res *blobResult, st *finding.Stats) {
	r := w.run
	if isLFSPointer(data) {
		st.SkippedLFS++
		return
	}
	size := len(data)
	data, binary := rules.Text(data)
	if binary {
		st.SkippedBinary++
		return
	}
	st.Files++
	st.Bytes += int64(size)
	var old []byte
	if !c.base.IsZero() && !r.s.opts.AllCommits {
		// The replaced version, to scan only what changed. If it cannot
		// be read, the new one is scanned whole: nothing is missed.
		var oldBinary bool
		if old, oldBinary = rules.Text(w.readBase(c.base)); oldBinary {
			old = nil
		}
	}
	if old == nil {
		out := r.s.engine.Scan(rules.Chunk{Data: data, Location: loc})
		res.findings = append(res.findings, out.Findings...)
		st.Suppressed += int64(out.Suppressed)
		return
	}
	spans, changed := w.newLines(old, data)
	for _, win := range spans {
		out := r.s.engine.Scan(rules.Chunk{Data: data[win.lo:win.hi], Location: loc, Line: win.line})
		for _, f := range out.Findings {
			// Context lines are scanned for the keywords and companions
			// around a new line; a finding on them alone is not new.
			if changed.any(f.Location.StartLine, f.Location.EndLine) {
				res.findings = append(res.findings, f)
			}
		}
		st.Suppressed += int64(out.Suppressed)
	}
}

// readSmallBlob reads a blob whole, or fails when it is larger than
// maxDiffBlob.
func readSmallBlob(repo *gogit.Repository, h plumbing.Hash) ([]byte, error) {
	b, err := repo.BlobObject(h)
	if err != nil {
		return nil, err
	}
	if b.Size > maxDiffBlob {
		return nil, fmt.Errorf("larger than %d bytes", maxDiffBlob)
	}
	rd, err := b.Reader()
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	return io.ReadAll(rd)
}

// span is a part of a blob to scan: bytes [lo, hi), starting on line line.
type span struct{ lo, hi, line int }

// newLines returns the parts of cur to scan against old: each run of lines
// that old does not have (a line moved within the edit is not new), with
// contextLines lines around it, merged where they touch; and which of
// cur's lines are new.
//
// The lines before the first difference and after the last are the same
// in both versions, and most edits are small: only the middle (with its
// context) is compared line by line.
func (w *worker) newLines(old, cur []byte) ([]span, lineSet) {
	n := 0
	for n < len(old) && n < len(cur) && old[n] == cur[n] {
		n++
	}
	pre := bytes.LastIndexByte(cur[:n], '\n') + 1
	m := 0
	for m < len(old)-pre && m < len(cur)-pre && old[len(old)-1-m] == cur[len(cur)-1-m] {
		m++
	}
	// The common suffix, from just after its first line break, is whole
	// lines in both versions.
	end := len(cur)
	if i := bytes.IndexByte(cur[len(cur)-m:], '\n'); i >= 0 {
		end = len(cur) - m + i + 1
	}
	lo := backLines(cur, pre, contextLines)
	hi := fwdLines(cur, end, contextLines)
	keep := len(cur) - hi // bytes of common suffix left out, the same in old
	spans, changed := w.lineDiff(old[lo:len(old)-keep], cur[lo:hi])
	first := bytes.Count(cur[:lo], []byte{'\n'})
	for i := range spans {
		spans[i].lo += lo
		spans[i].hi += lo
		spans[i].line += first
	}
	return spans, lineSet{first: first + 1, changed: changed}
}

// lineDiff does newLines' work on whole texts: which lines of cur are in no
// line of old.
func (w *worker) lineDiff(old, cur []byte) ([]span, []bool) {
	have := make(map[uint64]struct{}, bytes.Count(old, []byte{'\n'})+1)
	for line := range bytes.Lines(old) {
		have[maphash.Bytes(w.seed, bytes.TrimSuffix(line, []byte{'\n'}))] = struct{}{}
	}
	// starts[i] is the offset of line i (0-based); changed marks new lines.
	var starts []int
	var changed []bool
	off := 0
	for line := range bytes.Lines(cur) {
		starts = append(starts, off)
		_, ok := have[maphash.Bytes(w.seed, bytes.TrimSuffix(line, []byte{'\n'}))]
		changed = append(changed, !ok)
		off += len(line)
	}
	starts = append(starts, len(cur))
	var out []span
	n := len(changed)
	for i := 0; i < n; i++ {
		if !changed[i] {
			continue
		}
		j := i
		for j < n && changed[j] {
			j++
		}
		lo, hi := max(i-contextLines, 0), min(j+contextLines, n)
		if k := len(out) - 1; k >= 0 && starts[lo] <= out[k].hi {
			out[k].hi = starts[hi]
		} else {
			out = append(out, span{lo: starts[lo], hi: starts[hi], line: lo + 1})
		}
		i = j
	}
	return out, changed
}

// lineSet says which lines of a text are new: changed[i] is about line
// first+i (1-based); lines outside it are not new.
type lineSet struct {
	first   int
	changed []bool
}

// any reports whether any of lines a..b (1-based) is new.
func (s lineSet) any(a, b int) bool {
	for l := max(a, s.first); l <= max(a, b) && l-s.first < len(s.changed); l++ {
		if s.changed[l-s.first] {
			return true
		}
	}
	return false
}

// backLines returns the start of the line n lines before the line that
// starts at off.
func backLines(b []byte, off, n int) int {
	for ; n > 0 && off > 0; n-- {
		off = bytes.LastIndexByte(b[:off-1], '\n') + 1
	}
	return off
}

// fwdLines returns the start of the line n lines after the line that
// starts at off, or len(b).
func fwdLines(b []byte, off, n int) int {
	for ; n > 0 && off < len(b); n-- {
		i := bytes.IndexByte(b[off:], '\n')
		if i < 0 {
			return len(b)
		}
		off += i + 1
	}
	return off
}

// lfsPrefix begins every Git LFS pointer file.
const lfsPrefix = "version https://git-lfs.github.com/spec/v1\n"

// isLFSPointer reports whether a blob is a Git LFS pointer: a small text
// naming a large file kept outside git.
func isLFSPointer(data []byte) bool {
	return len(data) < 1024 && len(data) > len(lfsPrefix) && string(data[:len(lfsPrefix)]) == lfsPrefix &&
		bytes.Contains(data, []byte("\noid sha256:"))
}

func addStats(dst *finding.Stats, s finding.Stats) {
	dst.Files += s.Files
	dst.Bytes += s.Bytes
	dst.SkippedBinary += s.SkippedBinary
	dst.SkippedLFS += s.SkippedLFS
	dst.Suppressed += s.Suppressed
}
