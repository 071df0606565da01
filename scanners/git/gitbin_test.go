package git

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
)

// realGit runs the git binary in dir (tests that need git's own repository
// layouts: linked worktrees, submodules).
func realGit(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+t.TempDir(),
		"GIT_AUTHOR_NAME=Dev", "GIT_AUTHOR_EMAIL=dev@test.invalid", "GIT_COMMITTER_NAME=Dev", "GIT_COMMITTER_EMAIL=dev@test.invalid")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func needGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
}

// TestLinkedWorktreeAndSubmodule: a linked worktree's folder scans its
// repository's history; a submodule is named, not silently skipped.
func TestLinkedWorktreeAndSubmodule(t *testing.T) {
	needGit(t)
	tok := token(160)
	r := newRepo(t)
	r.commit("one", map[string]string{"a.env": "T=" + tok + "\n"})
	sub := newRepo(t)
	sub.commit("sub", map[string]string{"s.txt": "s\n"})
	realGit(t, r.dir, "-c", "protocol.file.allow=always", "submodule", "add", "-q", sub.dir, "vendor/sub")
	realGit(t, r.dir, "commit", "-q", "-m", "add a submodule")
	wt := filepath.Join(t.TempDir(), "wt")
	realGit(t, r.dir, "worktree", "add", "-q", wt)

	res := scan(t, wt, Options{})
	if got := secrets(res); !slices.Equal(got, []string{tok}) {
		t.Errorf("from the linked worktree: %d secrets, want 1", len(got))
	}
	var noted bool
	for _, n := range res.Notices {
		noted = noted || (n.Level == finding.LevelNote && n.Path == "vendor/sub" && strings.Contains(n.Message, "submodule"))
	}
	if !noted {
		t.Errorf("notices %v: want one naming the submodule", res.Notices)
	}
}

// TestRepositoryConfigRunsNothing: hooks, filters and fsmonitor that the
// repository's own configuration names are never run by a scan.
func TestRepositoryConfigRunsNothing(t *testing.T) {
	needGit(t)
	r := newRepo(t)
	r.commit("one", map[string]string{"a.txt": "a\n", ".gitattributes": "* filter=evil\n"})
	marker := filepath.Join(t.TempDir(), "ran")
	script := filepath.Join(t.TempDir(), "evil.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\ntouch "+marker+"\ncat\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, kv := range [][2]string{
		{"core.fsmonitor", script},
		{"filter.evil.clean", script},
		{"filter.evil.smudge", script},
		{"filter.evil.process", script},
		{"core.hooksPath", filepath.Dir(script)},
	} {
		realGit(t, r.dir, "config", kv[0], kv[1])
	}
	if err := os.MkdirAll(filepath.Join(r.dir, ".git", "hooks"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, hook := range []string{"post-checkout", "pre-commit", "reference-transaction"} {
		if err := os.WriteFile(filepath.Join(r.dir, ".git", "hooks", hook), []byte("#!/bin/sh\ntouch "+marker+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	scan(t, r.dir, Options{})
	r.write(map[string]string{"b.txt": "b\n"})
	if _, err := New(engine(t), Options{}).ScanStaged(t.Context(), r.dir, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("a scan ran a program named by the repository's configuration")
	}
}
