package fs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
)

func TestScanFindsSecretInNestedDir(t *testing.T) {
	root := t.TempDir()
	tok := fakeToken('a')
	content := "first\nsecond\n  TOKEN=" + tok + "\n"
	writeFile(t, root, "a/b/c/config.env", content)
	writeFile(t, root, "a/readme.md", "nothing here\n")

	res := scan(t, New(engine(t), Options{}), root)
	noNotices(t, res)
	if len(res.Findings) != 1 {
		t.Fatalf("findings = %v", res.Findings)
	}
	f := res.Findings[0]
	want := finding.Location{
		Kind: finding.KindFile, Path: filepath.ToSlash(root) + "/a/b/c/config.env", Key: "a/b/c/config.env",
		StartLine: 3, StartColumn: 9, EndLine: 3, EndColumn: 9 + len(tok),
	}
	if f.RuleID != "github-pat" || f.Secret != tok || f.Location != want {
		t.Errorf("finding = %s %+v, want github-pat %+v", f.RuleID, f.Location, want)
	}
	wantStats := finding.Stats{Files: 2, Bytes: int64(len(content) + len("nothing here\n"))}
	if res.Stats != wantStats {
		t.Errorf("stats = %+v, want %+v", res.Stats, wantStats)
	}
}

func TestScanTargetPaths(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "src/app/main.go", "var token = \""+fakeToken('b')+"\"\n")
	if err := os.Mkdir(filepath.Join(root, "other"), 0o755); err != nil {
		t.Fatal(err)
	}
	abs := filepath.ToSlash(root)
	// Outside a git work tree, keys are paths as given when relative and
	// below the working directory, else relative to the target.
	tests := []struct {
		dir, target, path, key string
	}{
		{"", "src", "src/app/main.go", "src/app/main.go"},
		{"", "./src/", "src/app/main.go", "src/app/main.go"},
		{"", ".", "src/app/main.go", "src/app/main.go"},
		{"other", "../src", "../src/app/main.go", "app/main.go"},
		{"", root + "/src", abs + "/src/app/main.go", "app/main.go"},
		{"", "src/app/main.go", "src/app/main.go", "src/app/main.go"},
		{"", "./src//app/main.go", "src/app/main.go", "src/app/main.go"},
		{"", root + "/src/app/main.go", abs + "/src/app/main.go", "main.go"},
	}
	for _, tt := range tests {
		t.Run(strings.ReplaceAll(tt.dir+"/"+tt.target, root, "ROOT"), func(t *testing.T) {
			t.Chdir(filepath.Join(root, tt.dir))
			res := scan(t, New(engine(t), Options{}), tt.target)
			noNotices(t, res)
			if len(res.Findings) != 1 {
				t.Fatalf("findings = %v", res.Findings)
			}
			loc := res.Findings[0].Location
			if loc.Path != tt.path || loc.Key != tt.key || loc.StartLine != 1 || loc.StartColumn != 14 {
				t.Errorf("location = %+v, want path %q key %q at 1:14", loc, tt.path, tt.key)
			}
		})
	}
}

// TestScanKeysInWorkTree: inside a git work tree, a file's key is its path
// from the work tree's root however the target names it, so fingerprints
// and rule paths do not depend on where keysweep runs.
func TestScanKeysInWorkTree(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, ".git/HEAD", "ref: refs/heads/main\n")
	writeFile(t, root, "src/app/main.go", "var token = \""+fakeToken('k')+"\"\n")
	for _, tt := range []struct{ dir, target string }{
		{"", "."}, {"", "src"}, {"src", "app"}, {"src/app", "main.go"}, {"", root}, {"/", root + "/src/app/main.go"},
	} {
		t.Run(tt.dir+":"+strings.ReplaceAll(tt.target, root, "ROOT"), func(t *testing.T) {
			t.Chdir(filepath.Join(root, tt.dir))
			if tt.dir == "/" {
				t.Chdir("/")
			}
			res := scan(t, New(engine(t), Options{}), tt.target)
			if len(res.Findings) != 1 || res.Findings[0].Location.Key != "src/app/main.go" {
				t.Errorf("findings = %+v, want key src/app/main.go", res.Findings)
			}
		})
	}
}

func TestScanStdin(t *testing.T) {
	tok := fakeToken('c')
	in := "line one\nexport GH=" + tok + "\n"
	res, err := New(engine(t), Options{}).Scan(context.Background(), []string{"-"}, strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	noNotices(t, res)
	if len(res.Findings) != 1 {
		t.Fatalf("findings = %v", res.Findings)
	}
	loc := res.Findings[0].Location
	if loc.Kind != finding.KindStdin || loc.Path != "stdin" || loc.Key != "stdin" || loc.StartLine != 2 || loc.StartColumn != 11 {
		t.Errorf("location = %+v", loc)
	}
	if res.Stats.Files != 1 || res.Stats.Bytes != int64(len(in)) {
		t.Errorf("stats = %+v", res.Stats)
	}

	res = scan(t, New(engine(t), Options{}), "-")
	if n := noticeFor(t, res, "stdin"); n.Level != finding.LevelError {
		t.Errorf("nil stdin: %+v", n)
	}
}

func TestScanMissingTarget(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "a.txt", fakeToken('d'))
	missing := filepath.ToSlash(filepath.Join(root, "nope"))
	res := scan(t, New(engine(t), Options{}), missing, root)
	n := noticeFor(t, res, missing)
	if n.Level != finding.LevelError || !strings.Contains(n.Message, "no such file") {
		t.Errorf("notice = %+v", n)
	}
	if got := keys(res, "github-pat"); !slices.Equal(got, []string{"a.txt"}) {
		t.Errorf("found in %v; the other target must still be scanned", got)
	}
}

func TestScanSkipsGitDirs(t *testing.T) {
	root := t.TempDir()
	tok := fakeToken('e')
	writeFile(t, root, ".git/config", "[remote]\nurl = https://x:"+tok+"@github.com/a/b\n")
	writeFile(t, root, ".git/objects/ab/cdef", tok)
	writeFile(t, root, "vendor/mod/.git/HEAD", tok)
	writeFile(t, root, "app.env", "GH="+tok+"\n")
	res := scan(t, New(engine(t), Options{}), root)
	noNotices(t, res)
	if got := keys(res, "github-pat"); !slices.Equal(got, []string{"app.env"}) {
		t.Errorf("found in %v, want only app.env", got)
	}
	if want := (finding.Stats{Files: 1, Bytes: int64(len("GH=" + tok + "\n"))}); res.Stats != want {
		t.Errorf("stats = %+v, want %+v (nothing counted for .git)", res.Stats, want)
	}
}

func TestScanBinarySkipped(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "blob.bin", "\x7fELF\x00\x00token="+fakeToken('f'))
	writeFile(t, root, "a.txt", "hello\n")
	res := scan(t, New(engine(t), Options{}), root)
	noNotices(t, res)
	if len(res.Findings) != 0 {
		t.Errorf("findings = %v", res.Findings)
	}
	if want := (finding.Stats{Files: 1, Bytes: 6, SkippedBinary: 1}); res.Stats != want {
		t.Errorf("stats = %+v, want %+v", res.Stats, want)
	}
}

// TestScanUTF16Text: text saved as UTF-16 with a byte-order mark (as
// PowerShell 5 writes it) is decoded and scanned, not skipped as binary.
func TestScanUTF16Text(t *testing.T) {
	root := t.TempDir()
	tok := fakeToken('u')
	text := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune("# deploy\r\n$env:GITHUB_TOKEN = \"" + tok + "\"\r\n")) {
		text = append(text, byte(u), byte(u>>8))
	}
	writeFile(t, root, "deploy.ps1", string(text))
	res := scan(t, New(engine(t), Options{}), root)
	noNotices(t, res)
	if len(res.Findings) != 1 || res.Findings[0].Secret != tok || res.Findings[0].Location.StartLine != 2 {
		t.Fatalf("findings = %v", res.Findings)
	}
	if want := (finding.Stats{Files: 1, Bytes: int64(len(text))}); res.Stats != want {
		t.Errorf("stats = %+v, want %+v", res.Stats, want)
	}
}

func TestScanPathOnlyRuleOnBinary(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "certs/server.jks", "\xfe\xed\xfe\xed\x00\x00\x00\x02binary keystore")
	writeFile(t, root, "certs/readme.txt", "not a keystore\n")
	res := scan(t, New(keystoreEngine(t), Options{}), root)
	noNotices(t, res)
	// The built-in catalog has keystore rules of its own; look at the test's.
	var mine []finding.Finding
	for _, f := range res.Findings {
		if f.RuleID == "test-keystore" {
			mine = append(mine, f)
		}
	}
	if len(mine) != 1 {
		t.Fatalf("findings = %v", res.Findings)
	}
	f := mine[0]
	if f.RuleID != "test-keystore" || f.Location.Key != "certs/server.jks" || f.Location.StartLine != 0 || f.Fingerprint == "" {
		t.Errorf("finding = %+v", f)
	}
	if res.Stats.SkippedBinary != 1 || res.Stats.Files != 1 {
		t.Errorf("stats = %+v", res.Stats)
	}
}

func TestScanMaxFileSize(t *testing.T) {
	root := t.TempDir()
	tok := fakeToken('g')
	writeFile(t, root, "small.txt", "t="+tok)
	writeFile(t, root, "big.txt", "t="+tok+strings.Repeat("x", 100))
	writeFile(t, root, "big.p12", strings.Repeat("k", 200))
	res := scan(t, New(keystoreEngine(t), Options{MaxFileSize: 100}), root)

	if got := keys(res, "github-pat"); !slices.Equal(got, []string{"small.txt"}) {
		t.Errorf("github-pat in %v, want small.txt only", got)
	}
	if got := keys(res, "test-keystore"); !slices.Equal(got, []string{"big.p12"}) {
		t.Errorf("path rules must run on oversized files: test-keystore in %v", got)
	}
	for _, name := range []string{"big.p12", "big.txt"} {
		n := noticeFor(t, res, filepath.ToSlash(filepath.Join(root, name)))
		if n.Level != finding.LevelWarning || !strings.Contains(n.Message, "larger than --max-file-size (100 bytes)") {
			t.Errorf("notice = %+v", n)
		}
	}
	if res.Stats.SkippedSize != 2 || res.Stats.Files != 1 {
		t.Errorf("stats = %+v", res.Stats)
	}
}

func TestScanSuppressed(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "a.txt", "t="+fakeToken('h')+" # gitleaks:allow\n")
	res := scan(t, New(engine(t), Options{}), root)
	if len(res.Findings) != 0 || res.Stats.Suppressed != 1 {
		t.Errorf("findings = %v, stats = %+v", res.Findings, res.Stats)
	}
}

func TestScanInvalidUTF8(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "latin1.txt", "caf\xe9 \xff\xfe\xc3(\ntok="+fakeToken('i')+"\n")
	res := scan(t, New(engine(t), Options{}), root)
	noNotices(t, res)
	if len(res.Findings) != 1 || res.Findings[0].Location.StartLine != 2 || res.Findings[0].Location.StartColumn != 5 {
		t.Errorf("findings = %+v", res.Findings)
	}
}

// TestScanLongLine scans a 12 MB file of one line (a minified bundle,
// say): the secrets near its end and across a chunk boundary are found at
// the right column, and the file is never held whole in memory.
func TestScanLongLine(t *testing.T) {
	root := t.TempDir()
	tok := fakeToken('j')
	data := bytes.Repeat([]byte("a;"), 6<<20)
	at := []int{rules.ChunkSize - 10, len(data) - 100}
	for _, off := range at {
		copy(data[off:], " "+tok+" ")
	}
	if err := os.WriteFile(filepath.Join(root, "bundle.min.js"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	s := New(engine(t), Options{Workers: 1})
	var biggest int
	s.open = func(name string, follow bool) (file, error) {
		f, err := openFile(name, follow)
		if err != nil {
			return nil, err
		}
		return &readSpy{file: f, biggest: &biggest}, nil
	}
	res := scan(t, s, root)
	noNotices(t, res)
	if len(res.Findings) != len(at) {
		t.Fatalf("findings = %v", res.Findings)
	}
	for i, f := range res.Findings {
		if f.Location.StartLine != 1 || f.Location.StartColumn != at[i]+2 {
			t.Errorf("finding %d at %d:%d, want 1:%d", i, f.Location.StartLine, f.Location.StartColumn, at[i]+2)
		}
	}
	if res.Stats.Bytes != int64(len(data)) {
		t.Errorf("bytes = %d, want %d", res.Stats.Bytes, len(data))
	}
	if biggest > rules.ChunkSize+rules.Overlap {
		t.Errorf("read %d bytes at once from a %d-byte file: it must be streamed in chunks", biggest, len(data))
	}
}

// TestScanUnreadable covers files and folders that cannot be read. Tests
// may run as root, which chmod 000 does not stop, so the failures are
// simulated through the scanner's file-system hooks as well.
func TestScanUnreadable(t *testing.T) {
	tok := fakeToken('k')
	tree := func(t *testing.T) string {
		root := t.TempDir()
		writeFile(t, root, "ok.txt", "t="+tok)
		writeFile(t, root, "locked.txt", "t="+tok)
		writeFile(t, root, "lockeddir/inner.txt", "t="+tok)
		return root
	}
	check := func(t *testing.T, res *Result, root string) {
		t.Helper()
		if got := keys(res, "github-pat"); !slices.Equal(got, []string{"ok.txt"}) {
			t.Errorf("found in %v, want ok.txt (the rest must still be scanned)", got)
		}
		for _, name := range []string{"locked.txt", "lockeddir"} {
			n := noticeFor(t, res, filepath.ToSlash(filepath.Join(root, name)))
			if n.Level != finding.LevelError || !strings.Contains(n.Message, "permission denied") {
				t.Errorf("notice = %+v", n)
			}
		}
	}

	t.Run("chmod", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("running as root: chmod 000 does not prevent reading")
		}
		root := tree(t)
		for _, name := range []string{"locked.txt", "lockeddir"} {
			p := filepath.Join(root, name)
			if err := os.Chmod(p, 0); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(p, 0o755) })
		}
		check(t, scan(t, New(engine(t), Options{}), root), root)
	})

	t.Run("simulated", func(t *testing.T) {
		root := tree(t)
		s := New(engine(t), Options{})
		denied := func(op, name string) error { return &iofs.PathError{Op: op, Path: name, Err: syscall.EACCES} }
		s.open = func(name string, follow bool) (file, error) {
			if filepath.Base(name) == "locked.txt" {
				return nil, denied("open", name)
			}
			return openFile(name, follow)
		}
		s.readDir = func(name string) ([]iofs.DirEntry, error) {
			if filepath.Base(name) == "lockeddir" {
				return nil, denied("open", name)
			}
			return os.ReadDir(name)
		}
		check(t, scan(t, s, root), root)
	})

	t.Run("vanished", func(t *testing.T) {
		root := tree(t)
		s := New(engine(t), Options{})
		s.readDir = func(name string) ([]iofs.DirEntry, error) {
			entries, err := os.ReadDir(name)
			if name == root {
				os.Remove(filepath.Join(root, "locked.txt")) // gone between listing and reading
			}
			return entries, err
		}
		res := scan(t, s, root)
		n := noticeFor(t, res, filepath.ToSlash(filepath.Join(root, "locked.txt")))
		if n.Level != finding.LevelError || !strings.Contains(n.Message, "no such file") {
			t.Errorf("notice = %+v", n)
		}
		if got := keys(res, "github-pat"); !slices.Equal(got, []string{"lockeddir/inner.txt", "ok.txt"}) {
			t.Errorf("found in %v", got)
		}
	})
}

// readSpy records the largest read asked of a file.
type readSpy struct {
	file
	biggest *int
}

func (r *readSpy) Read(p []byte) (int, error) {
	*r.biggest = max(*r.biggest, len(p))
	return r.file.Read(p)
}

// failingFile yields data, then fails.
type failingFile struct {
	r    io.Reader
	size int64
}

func (f *failingFile) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		return n, &iofs.PathError{Op: "read", Path: "x", Err: syscall.EIO}
	}
	return n, err
}
func (f *failingFile) Close() error                 { return nil }
func (f *failingFile) Stat() (iofs.FileInfo, error) { return fakeInfo{f.size}, nil }

type fakeInfo struct{ size int64 }

func (i fakeInfo) Name() string        { return "x" }
func (i fakeInfo) Size() int64         { return i.size }
func (i fakeInfo) Mode() iofs.FileMode { return 0o644 }
func (i fakeInfo) ModTime() time.Time  { return time.Time{} }
func (i fakeInfo) IsDir() bool         { return false }
func (i fakeInfo) Sys() any            { return nil }

func TestScanReadErrorKeepsEarlierFindings(t *testing.T) {
	root := t.TempDir()
	p := writeFile(t, root, "disk.log", "placeholder")
	tok := fakeToken('l')
	data := "t=" + tok + "\n" + strings.Repeat("filler line\n", (rules.ChunkSize+rules.Overlap)/12+10)
	s := New(engine(t), Options{})
	s.open = func(name string, follow bool) (file, error) {
		return &failingFile{r: strings.NewReader(data), size: 2 * int64(len(data))}, nil
	}
	res := scan(t, s, root)
	if len(res.Findings) != 1 || res.Findings[0].Location.StartLine != 1 {
		t.Errorf("findings = %v, want the one before the error", res.Findings)
	}
	n := noticeFor(t, res, filepath.ToSlash(p))
	if n.Level != finding.LevelError || !strings.Contains(n.Message, "input/output error") {
		t.Errorf("notice = %+v", n)
	}
	if res.Stats.Files != 0 {
		t.Errorf("stats = %+v: a file not read to its end is not counted as scanned", res.Stats)
	}
}

// TestScanDeterministic checks that the output does not depend on the
// number of workers or on scheduling.
func TestScanDeterministic(t *testing.T) {
	root := t.TempDir()
	for i := range 300 {
		content := fmt.Sprintf("// file %d\nfunc f%d() {}\n", i, i)
		if i%7 == 0 {
			content += "const key = \"" + fakeToken(byte('a'+i%26)) + "\"\n"
		}
		if i%50 == 0 {
			content = "\x00binary"
		}
		writeFile(t, root, fmt.Sprintf("d%d/e%d/f%03d.go", i%5, i%3, i), content)
	}
	targets := []string{root, filepath.Join(root, "missing"), filepath.Join(root, "d1")}
	first := scan(t, New(engine(t), Options{Workers: 1}), targets...)
	if !slices.IsSortedFunc(first.Findings, finding.Compare) || len(first.Findings) == 0 {
		t.Fatalf("findings not sorted or empty: %d", len(first.Findings))
	}
	for _, workers := range []int{2, 8, 32} {
		for range 3 {
			got := scan(t, New(engine(t), Options{Workers: workers}), targets...)
			if !reflect.DeepEqual(got, first) {
				t.Fatalf("workers=%d: result differs from workers=1", workers)
			}
		}
	}
}

func TestScanCancelled(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "a.txt", "x")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := New(engine(t), Options{}).Scan(ctx, []string{root}, nil)
	if !errors.Is(err, context.Canceled) || res != nil {
		t.Errorf("Scan = %v, %v; want nil, context.Canceled", res, err)
	}
}

func TestInvalidExclude(t *testing.T) {
	opts := Options{Exclude: []string{"a/[b"}}
	if err := opts.Validate(); err == nil {
		t.Error("Validate accepted an invalid glob")
	}
	if _, err := New(engine(t), opts).Scan(context.Background(), []string{t.TempDir()}, nil); err == nil {
		t.Error("Scan accepted an invalid glob")
	}
}
