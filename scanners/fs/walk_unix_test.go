//go:build unix

package fs

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/keysweep/keysweep/finding"
)

func symlink(t *testing.T, dest, link string) {
	t.Helper()
	if err := os.Symlink(dest, link); err != nil {
		t.Fatal(err)
	}
}

func mkfifo(t *testing.T, p string) {
	t.Helper()
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestScanSymlinks(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "root")
	outside := filepath.Join(base, "outside")
	plant(t, root, "real/a.txt")
	plant(t, outside, "secret.txt")
	symlink(t, "real", filepath.Join(root, "inside-dir"))
	symlink(t, "real/a.txt", filepath.Join(root, "inside-file"))
	symlink(t, ".", filepath.Join(root, "real/up"))
	symlink(t, "loop2", filepath.Join(root, "loop1"))
	symlink(t, "loop1", filepath.Join(root, "loop2"))
	symlink(t, "self", filepath.Join(root, "real/self"))
	symlink(t, "nowhere", filepath.Join(root, "dangling"))
	symlink(t, outside, filepath.Join(root, "escape-abs"))
	symlink(t, "../../outside/secret.txt", filepath.Join(root, "real/escape-rel"))

	res := scan(t, New(engine(t), Options{}), root)
	if got := keys(res, "github-pat"); !slices.Equal(got, []string{"real/a.txt"}) {
		t.Errorf("found in %v, want real/a.txt only (links are never followed)", got)
	}
	want := map[string]string{
		"dangling":        `dangling symlink to "nowhere"`,
		"escape-abs":      "points outside the scanned root",
		"loop1":           "symlink loop",
		"loop2":           "symlink loop",
		"real/escape-rel": "points outside the scanned root",
		"real/self":       "symlink loop",
	}
	if len(res.Notices) != len(want) {
		t.Errorf("notices = %+v, want %d", res.Notices, len(want))
	}
	for rel, msg := range want {
		n := noticeFor(t, res, filepath.ToSlash(filepath.Join(root, rel)))
		if n.Level != finding.LevelNote || !strings.Contains(n.Message, msg) {
			t.Errorf("%s: notice = %+v, want a note saying %q", rel, n, msg)
		}
	}

	// A root given through a link is followed: the user named it.
	link := filepath.Join(base, "link-to-root")
	symlink(t, root, link)
	res = scan(t, New(engine(t), Options{}), link)
	if len(res.Findings) != 1 || res.Findings[0].Location.Path != filepath.ToSlash(link)+"/real/a.txt" {
		t.Errorf("findings through a linked root = %v", res.Findings)
	}
}

func TestScanFIFOInWalk(t *testing.T) {
	root := t.TempDir()
	plant(t, root, "a.txt")
	mkfifo(t, filepath.Join(root, "pipe"))
	done := make(chan *Result)
	go func() { done <- scan(t, New(engine(t), Options{}), root) }()
	select {
	case res := <-done:
		n := noticeFor(t, res, filepath.ToSlash(filepath.Join(root, "pipe")))
		if n.Level != finding.LevelError || n.Message != "not a regular file (fifo): skipped" {
			t.Errorf("notice = %+v", n)
		}
		if got := keys(res, "github-pat"); !slices.Equal(got, []string{"a.txt"}) {
			t.Errorf("found in %v", got)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("scan hung on a FIFO")
	}
}

func TestScanFIFOTarget(t *testing.T) {
	p := filepath.Join(t.TempDir(), "fifo")
	mkfifo(t, p)
	tok := fakeToken('m')
	go func() {
		w, err := os.OpenFile(p, os.O_WRONLY, 0)
		if err != nil {
			t.Error(err)
			return
		}
		defer w.Close()
		w.WriteString("one\ntwo\n  k=")
		time.Sleep(10 * time.Millisecond) // a slow writer: reads come in pieces
		w.WriteString(tok + "\n")
	}()
	res := scan(t, New(engine(t), Options{}), p)
	noNotices(t, res)
	if len(res.Findings) != 1 {
		t.Fatalf("findings = %v", res.Findings)
	}
	loc := res.Findings[0].Location
	if loc.Kind != finding.KindFile || loc.Path != filepath.ToSlash(p) || loc.StartLine != 3 || loc.StartColumn != 5 {
		t.Errorf("location = %+v", loc)
	}
	if res.Stats.Files != 1 {
		t.Errorf("stats = %+v", res.Stats)
	}
}

func TestScanCharDeviceTarget(t *testing.T) {
	res := scan(t, New(engine(t), Options{}), "/dev/null")
	noNotices(t, res)
	if res.Stats.Files != 1 || res.Stats.Bytes != 0 {
		t.Errorf("stats = %+v", res.Stats)
	}
}

// TestScanCancelWaitingFIFO cancels a run that waits for a FIFO's writer:
// Scan returns instead of hanging.
func TestScanCancelWaitingFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "fifo")
	mkfifo(t, p)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	done := make(chan error)
	go func() {
		_, err := New(engine(t), Options{}).Scan(ctx, []string{p}, nil)
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v, want context.DeadlineExceeded", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Scan did not return after cancellation")
	}
	// Let the background open finish so the test leaves nothing behind.
	if w, err := os.OpenFile(p, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
		w.Close()
	}
}

func TestScanSocketInWalk(t *testing.T) {
	root := t.TempDir()
	// Unix socket paths are short; make the socket through a file
	// descriptor-free route: bind in the directory itself.
	t.Chdir(root)
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Skip(err)
	}
	defer syscall.Close(fd)
	if err := syscall.Bind(fd, &syscall.SockaddrUnix{Name: "sock"}); err != nil {
		t.Skip(err)
	}
	res := scan(t, New(engine(t), Options{}), ".")
	n := noticeFor(t, res, "sock")
	if n.Level != finding.LevelError || n.Message != "not a regular file (socket): skipped" {
		t.Errorf("notice = %+v", n)
	}
}
