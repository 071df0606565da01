package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/rules/rulestest"
)

// TestMain lets the test binary stand in for keysweep when a git hook
// that a test installed runs it (the hook falls back to the binary that
// installed it).
func TestMain(m *testing.M) {
	if os.Getenv("KEYSWEEP_TEST_AS_CLI") == "1" {
		os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// gitCmd runs the real git in dir, with a clean environment whose PATH
// has no keysweep (so the hook runs this test binary).
func gitCmd(t *testing.T, dir string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=" + t.TempDir(), "KEYSWEEP_TEST_AS_CLI=1",
		"GIT_AUTHOR_NAME=Dev", "GIT_AUTHOR_EMAIL=dev@test.invalid", "GIT_COMMITTER_NAME=Dev", "GIT_COMMITTER_EMAIL=dev@test.invalid",
		"GIT_CONFIG_NOSYSTEM=1"}
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func TestInstallHook(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	if out, err := gitCmd(t, dir, "init", "-q", "-b", "main"); err != nil {
		t.Fatal(out)
	}
	code, stdout, stderr := keysweep(t, "", "install-hook", dir)
	if code != exitClean || !strings.Contains(stdout, filepath.Join(".git", "hooks", "pre-commit")) {
		t.Fatalf("install-hook: exit %d %s %s", code, stdout, stderr)
	}
	write(t, filepath.Join(dir, "a.txt"), "hello\n")
	if out, err := gitCmd(t, dir, "add", "a.txt"); err != nil {
		t.Fatal(out)
	}
	if out, err := gitCmd(t, dir, "commit", "-q", "-m", "clean"); err != nil {
		t.Fatalf("a clean commit was blocked: %s", out)
	}
	write(t, filepath.Join(dir, "a.txt"), "hello\nTOKEN="+rulestest.GitHubToken(rulestest.Rand(61))+"\n")
	if out, err := gitCmd(t, dir, "add", "a.txt"); err != nil {
		t.Fatal(out)
	}
	out, err := gitCmd(t, dir, "commit", "-q", "-m", "leak")
	if err == nil || !strings.Contains(out, "github-pat") {
		t.Fatalf("a commit adding a token: err %v, output %s", err, out)
	}

	// A hook keysweep did not write is kept, unless --force.
	hook := filepath.Join(dir, ".git", "hooks", "pre-push")
	write(t, hook, "#!/bin/sh\nexit 0\n")
	if code, _, stderr := keysweep(t, "", "install-hook", "--pre-push", dir); code != exitError || !strings.Contains(stderr, "--force") {
		t.Errorf("over a foreign hook: exit %d %s", code, stderr)
	}
	if code, _, stderr := keysweep(t, "", "install-hook", "--pre-push", "--force", dir); code != exitClean {
		t.Fatalf("--force: exit %d %s", code, stderr)
	}

	// The pre-push hook blocks a push of the leaking commit.
	remote := t.TempDir()
	if out, err := gitCmd(t, remote, "init", "-q", "--bare"); err != nil {
		t.Fatal(out)
	}
	if out, err := gitCmd(t, dir, "commit", "-q", "--no-verify", "-m", "leak"); err != nil {
		t.Fatal(out)
	}
	if out, err := gitCmd(t, dir, "push", "-q", remote, "main"); err == nil || !strings.Contains(out, "github-pat") {
		t.Errorf("a push of a leaking commit: err %v, output %s", err, out)
	}
}
