package fs

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
)

// StdinTarget is the target that names standard input.
const StdinTarget = "-"

// Options configure a Scanner. The zero value scans everything on disk,
// with no size limit, one worker per CPU.
type Options struct {
	// Exclude lists glob patterns (doublestar syntax: ** matches any number
	// of directories) of entries not to scan, matched against each entry's
	// slash path relative to the scanned root (for a file target, its path as
	// given). As in .gitignore, a pattern with no slash but a trailing one
	// also matches a base name at any depth ("node_modules", "*.min.js"), a
	// trailing slash matches directories only, a leading "/" or "./" anchors
	// the pattern at the root, and an excluded directory is skipped whole.
	// The default is none.
	Exclude []string
	// RespectGitignore skips what git would ignore: the patterns of the
	// .gitignore file of every walked directory, read as the walk reaches
	// it, and of the root's .git/info/exclude. The default, false, scans
	// everything on disk.
	RespectGitignore bool
	// MaxFileSize, when positive, is the size in bytes above which a file's
	// content is not scanned: the file gets a warning notice (rules that
	// match a file by its path alone still run on it). Standard input and
	// FIFOs are streams of unknown size and are not limited. The default, 0,
	// is no limit.
	MaxFileSize int64
	// Workers is how many files are scanned at once. The default (0 or
	// less) is runtime.GOMAXPROCS(0).
	Workers int
	// Checks are the structural checks (Dockerfile, IAM policy) run on the
	// files they match, besides the content rules. A file a check matches
	// is read whole, up to MaxCheckSize. The default is none.
	Checks []rules.FileCheck
}

// MaxCheckSize is the largest file that structural checks parse; a larger
// file gets its content rules and a warning.
const MaxCheckSize = 16 << 20

// Validate reports whether every Exclude pattern is a valid glob.
func (o Options) Validate() error {
	_, err := compileExcludes(o.Exclude)
	return err
}

// Result is what a scan found and covered.
type Result struct {
	// Findings are sorted by path, line, column and rule.
	Findings []finding.Finding
	// Notices say what could not be scanned, or was skipped, and why, in
	// the order of the targets and of the walk.
	Notices []finding.Notice
	// Stats count what was scanned and skipped.
	Stats finding.Stats
}

// Scanner scans files, folders and standard input. It is safe for
// concurrent use; each Scan is independent.
type Scanner struct {
	engine     *rules.Engine
	opts       Options
	exclude    []excludePattern
	excludeErr error

	// open and readDir reach the file system; tests replace them to
	// simulate failures that a test running as root cannot cause.
	open    func(name string, follow bool) (file, error)
	readDir func(name string) ([]iofs.DirEntry, error)
}

// file is what the scanner needs of an open file.
type file interface {
	io.ReadCloser
	Stat() (iofs.FileInfo, error)
}

// New returns a Scanner that runs engine's rules with opts. Invalid Exclude
// patterns make every Scan fail; check them first with Options.Validate.
func New(engine *rules.Engine, opts Options) *Scanner {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	ex, err := compileExcludes(opts.Exclude)
	return &Scanner{
		engine:     engine,
		opts:       opts,
		exclude:    ex,
		excludeErr: err,
		open:       openFile,
		readDir:    os.ReadDir,
	}
}

// Scan scans targets: directories (walked), regular files, FIFOs and
// character devices (read as streams, so that bash's <(command) works), and
// "-" for stdin. Whatever could not be scanned becomes a notice in the
// Result; the error is only for a run that could not happen at all (ctx
// cancelled, invalid options), and then the Result is nil.
func (s *Scanner) Scan(ctx context.Context, targets []string, stdin io.Reader) (*Result, error) {
	if s.excludeErr != nil {
		return nil, s.excludeErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r := &run{s: s, ctx: ctx, jobs: make(chan job, 4*s.opts.Workers)}
	var wg sync.WaitGroup
	for range s.opts.Workers {
		wg.Go(r.work)
	}
	for _, t := range targets {
		if ctx.Err() != nil {
			break
		}
		r.target(t, stdin)
	}
	close(r.jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return r.result(), nil
}

// run is the state of one Scan. The walker (Scan's goroutine) owns seq and
// skipped; workers add items under mu.
type run struct {
	s    *Scanner
	ctx  context.Context
	jobs chan job

	seq     int
	skipped int64 // excluded or ignored entries

	mu    sync.Mutex
	items []item // only those with findings or notices
	stats finding.Stats
}

// item is the outcome of one job or walk event, ordered by seq.
type item struct {
	seq      int
	findings []finding.Finding
	notices  []finding.Notice
	stats    finding.Stats
}

func (it *item) notice(level finding.Level, path, format string, args ...any) {
	it.notices = append(it.notices, finding.Notice{Level: level, Path: path, Message: fmt.Sprintf(format, args...)})
}

type jobKind int

const (
	fileJob   jobKind = iota // a regular file: path rules, then content
	streamJob                // stdin, a FIFO or a character device: content only
)

// job is one thing for a worker to scan.
type job struct {
	seq  int
	kind jobKind
	// name is the file to open; for a streamJob with r set, "".
	name string
	r    io.Reader
	loc  finding.Location
	// size is the file's size when the walk saw it.
	size int64
	// follow opens name through a symbolic link: explicit targets only.
	follow bool
}

func (r *run) next() int {
	r.seq++
	return r.seq
}

// send queues j for the workers; it reports false when the run is
// cancelled.
func (r *run) send(j job) bool {
	j.seq = r.next()
	select {
	case r.jobs <- j:
		return true
	case <-r.ctx.Done():
		return false
	}
}

// notice records a notice raised by the walker.
func (r *run) notice(level finding.Level, path, format string, args ...any) {
	it := item{seq: r.next()}
	it.notice(level, path, format, args...)
	r.add(it)
}

func (r *run) add(it item) {
	r.mu.Lock()
	defer r.mu.Unlock()
	addStats(&r.stats, it.stats)
	if len(it.findings) > 0 || len(it.notices) > 0 {
		it.stats = finding.Stats{}
		r.items = append(r.items, it)
	}
}

// target dispatches one explicit target.
func (r *run) target(t string, stdin io.Reader) {
	if t == StdinTarget {
		if stdin == nil {
			r.notice(finding.LevelError, "stdin", "no standard input to read")
			return
		}
		r.send(job{kind: streamJob, r: stdin, loc: finding.Location{Kind: finding.KindStdin, Path: "stdin", Key: "stdin"}})
		return
	}
	clean := filepath.Clean(t)
	name := filepath.ToSlash(clean)
	// Stat, not Lstat: a target the user named is followed, so that a
	// symlinked folder or /dev/fd/63 (a link to a pipe) can be scanned.
	st, err := os.Stat(clean)
	if err != nil {
		r.notice(finding.LevelError, name, "cannot scan: %s", reason(err))
		return
	}
	key := placeKey(clean)
	loc := finding.Location{Kind: finding.KindFile, Path: name, Key: key}
	mode := st.Mode()
	switch {
	case mode.IsDir():
		r.walk(clean, key)
	case mode.IsRegular():
		if r.s.excluded(name, false) {
			r.skipped++
			return
		}
		r.send(job{kind: fileJob, name: clean, loc: loc, size: st.Size(), follow: true})
	case mode&(iofs.ModeNamedPipe|iofs.ModeCharDevice) != 0:
		r.send(job{kind: streamJob, name: clean, loc: loc})
	default:
		r.notice(finding.LevelError, name, "not a regular file (%s): skipped", fileKind(mode))
	}
}

// work scans jobs until there are no more.
func (r *run) work() {
	for j := range r.jobs {
		if r.ctx.Err() != nil {
			continue // drain, so that the walker never blocks
		}
		it := item{seq: j.seq}
		switch j.kind {
		case fileJob:
			r.scanFile(&it, j)
		case streamJob:
			r.scanStream(&it, j)
		}
		r.add(it)
	}
}

// scanFile runs the path rules on a regular file, then its content unless
// it is too large.
func (r *run) scanFile(it *item, j job) {
	it.findings = append(it.findings, r.s.engine.ScanPath(j.loc)...)
	if r.tooLarge(it, j.loc, j.size) {
		return
	}
	f, err := r.s.open(j.name, j.follow)
	if err != nil {
		it.notice(finding.LevelError, j.loc.Path, "cannot read: %s", reason(err))
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		it.notice(finding.LevelError, j.loc.Path, "cannot read: %s", reason(err))
		return
	}
	if !st.Mode().IsRegular() {
		// Replaced since the walk saw it; opened without blocking, so no
		// harm done.
		it.notice(finding.LevelError, j.loc.Path, "not a regular file (%s): skipped", fileKind(st.Mode()))
		return
	}
	if r.tooLarge(it, j.loc, st.Size()) {
		return
	}
	checks := r.s.checksFor(j.loc.Path)
	if len(checks) == 0 {
		r.scanContent(it, f, j.loc, max(st.Size(), 1))
		return
	}
	if st.Size() > MaxCheckSize {
		it.notice(finding.LevelWarning, j.loc.Path, "larger than %d bytes: %s checks not run", MaxCheckSize, checkNames(checks))
		r.scanContent(it, f, j.loc, max(st.Size(), 1))
		return
	}
	content, err := io.ReadAll(io.LimitReader(f, MaxCheckSize+1))
	if err != nil {
		it.notice(finding.LevelError, j.loc.Path, "cannot read: %s", reason(err))
		return
	}
	r.scanContent(it, bytes.NewReader(content), j.loc, max(int64(len(content)), 1))
	r.runChecks(it, checks, content, j)
}

// checksFor returns the structural checks that want the file at path.
func (s *Scanner) checksFor(path string) []rules.FileCheck {
	var out []rules.FileCheck
	for _, c := range s.opts.Checks {
		if c.Match(path) {
			out = append(out, c)
		}
	}
	return out
}

// runChecks runs structural checks on a file's content. A file that a
// check could not analyse gets a notice: an error for a file the user
// named, a warning for one met in a walk (a template with a syntax error
// in a fixture folder should not fail every scan of the repository; the
// notice still says the check did not cover it).
func (r *run) runChecks(it *item, checks []rules.FileCheck, content []byte, j job) {
	level := finding.LevelWarning
	if j.follow {
		level = finding.LevelError
	}
	content0 := len(it.findings) // the content rules' findings come first
	decoded := map[int]bool{}
	type lineSecret struct {
		line   int
		secret string
	}
	reported := map[lineSecret]bool{}
	for _, c := range checks {
		fs, err := c.Check(r.ctx, content, j.loc)
		for _, f := range fs {
			if f.Details[rules.DetailDecoded] != "" {
				decoded[f.Location.StartLine] = true
			}
			if f.Secret != "" {
				reported[lineSecret{f.Location.StartLine, f.Secret}] = true
			}
		}
		it.findings = append(it.findings, fs...)
		if err != nil && r.ctx.Err() == nil {
			it.notice(level, j.loc.Path, "%s check not completed: %v", c.Name(), err)
		}
	}
	if len(decoded) == 0 && len(reported) == 0 {
		return
	}
	// A generic rule's match is the check's credential when the check
	// reported the same secret on that line (a Dockerfile RUN line's
	// curl -u, say), or what the encoded value on that line holds.
	kept := it.findings[:0:0]
	for i, f := range it.findings {
		if i < content0 && f.Location.Path == j.loc.Path && f.Confidence == "low" &&
			(decoded[f.Location.StartLine] || reported[lineSecret{f.Location.StartLine, f.Secret}]) {
			continue
		}
		kept = append(kept, f)
	}
	it.findings = kept
}

func checkNames(checks []rules.FileCheck) string {
	names := make([]string, len(checks))
	for i, c := range checks {
		names[i] = c.Name()
	}
	return strings.Join(names, ", ")
}

func (r *run) tooLarge(it *item, loc finding.Location, size int64) bool {
	limit := r.s.opts.MaxFileSize
	if limit <= 0 || size <= limit {
		return false
	}
	it.stats.SkippedSize++
	it.notice(finding.LevelWarning, loc.Path, "larger than --max-file-size (%d bytes): content not scanned", limit)
	return true
}

// scanStream scans stdin, a FIFO or a character device.
func (r *run) scanStream(it *item, j job) {
	rd := j.r
	if rd == nil {
		f, err := openStream(r.ctx, j.name)
		if err != nil {
			if r.ctx.Err() == nil {
				it.notice(finding.LevelError, j.loc.Path, "cannot read: %s", reason(err))
			}
			return
		}
		defer f.Close()
		rd = f
	}
	if f, ok := rd.(*os.File); ok {
		// Unblock a pending read when the run is cancelled; files that
		// cannot have deadlines ignore this.
		stop := context.AfterFunc(r.ctx, func() { _ = f.SetReadDeadline(time.Now()) })
		defer stop()
	}
	r.scanContent(it, rd, j.loc, 0)
}

// openStream opens a FIFO or device, which blocks until a writer opens a
// FIFO; a cancelled run stops waiting (the open completes, and the file is
// closed, in the background).
func openStream(ctx context.Context, name string) (*os.File, error) {
	type opened struct {
		f   *os.File
		err error
	}
	ch := make(chan opened, 1)
	go func() {
		f, err := os.Open(name)
		ch <- opened{f, err}
	}()
	select {
	case o := <-ch:
		return o.f, o.err
	case <-ctx.Done():
		go func() {
			if o := <-ch; o.f != nil {
				o.f.Close()
			}
		}()
		return nil, ctx.Err()
	}
}

// scanContent streams rd through the engine.
func (r *run) scanContent(it *item, rd io.Reader, loc finding.Location, sizeHint int64) {
	res, err := r.s.engine.ScanReader(r.ctx, rd, loc, sizeHint)
	it.findings = append(it.findings, res.Findings...)
	it.stats.Suppressed += int64(res.Suppressed)
	if err != nil {
		if r.ctx.Err() == nil {
			it.notice(finding.LevelError, loc.Path, "read error after %d bytes: %s (findings before it are reported)", res.Bytes, reason(err))
		}
		return
	}
	if res.Binary {
		it.stats.SkippedBinary++
		return
	}
	it.stats.Files++
	it.stats.Bytes += res.Bytes
}

// result assembles the items in walk order.
func (r *run) result() *Result {
	res := &Result{Stats: r.stats}
	res.Stats.SkippedIgnored += r.skipped
	slices.SortFunc(r.items, func(a, b item) int { return cmp.Compare(a.seq, b.seq) })
	for _, it := range r.items {
		res.Findings = append(res.Findings, it.findings...)
		res.Notices = append(res.Notices, it.notices...)
	}
	slices.SortStableFunc(res.Findings, finding.Compare)
	return res
}

func addStats(dst *finding.Stats, s finding.Stats) {
	dst.Files += s.Files
	dst.Bytes += s.Bytes
	dst.SkippedBinary += s.SkippedBinary
	dst.SkippedSize += s.SkippedSize
	dst.SkippedIgnored += s.SkippedIgnored
	dst.Suppressed += s.Suppressed
	dst.Baselined += s.Baselined
}

// reason is the OS's reason for err, without the path that the notice
// names anyway ("permission denied").
func reason(err error) string {
	var pe *iofs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	for {
		inner := errors.Unwrap(err)
		if inner == nil {
			return err.Error()
		}
		err = inner
	}
}

// fileKind names a non-regular file's type for notices.
func fileKind(m iofs.FileMode) string {
	switch {
	case m&iofs.ModeNamedPipe != 0:
		return "fifo"
	case m&iofs.ModeSocket != 0:
		return "socket"
	case m&iofs.ModeCharDevice != 0:
		return "character device"
	case m&iofs.ModeDevice != 0:
		return "block device"
	case m&iofs.ModeSymlink != 0:
		return "symlink"
	case m.IsDir():
		return "directory"
	default:
		return "irregular file"
	}
}

// placeKey returns the key that names a target in fingerprints and that
// rules' path patterns match: its slash path relative to the root of the
// git work tree holding it, so that a file keeps its fingerprint however it
// was named (scan ., scan sub/, scan sub/file) and matches what keysweep
// git reports; outside a work tree, the path as given when it is relative
// and below the working directory, else relative to the target itself
// ("" for a folder, the base name for a file).
func placeKey(target string) string {
	abs, err := filepath.Abs(target)
	if err != nil {
		return ""
	}
	for dir := abs; ; dir = filepath.Dir(dir) {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			rel, err := filepath.Rel(dir, abs)
			if err != nil || rel == "." {
				return ""
			}
			return filepath.ToSlash(rel)
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	if target == "." {
		return ""
	}
	if filepath.IsAbs(target) || strings.HasPrefix(target, "..") {
		if st, err := os.Stat(target); err == nil && !st.IsDir() {
			return filepath.Base(target)
		}
		return ""
	}
	return filepath.ToSlash(target)
}

// joinKey appends a slash path to a key ("" is the root).
func joinKey(key, rel string) string {
	if key == "" {
		return rel
	}
	return key + "/" + rel
}
