package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	gogit "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/keysweep/keysweep/rules/rulestest"
)

// commitFile writes content to name in the work tree and commits it.
func commitFile(t *testing.T, repo *gogit.Repository, dir, name, content string, when time.Time) string {
	t.Helper()
	write(t, filepath.Join(dir, name), content)
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wt.Add(name); err != nil {
		t.Fatal(err)
	}
	sig := &object.Signature{Name: "Dev", Email: "dev@test.invalid", When: when}
	h, err := wt.Commit("change "+name, &gogit.CommitOptions{Author: sig, Committer: sig})
	if err != nil {
		t.Fatal(err)
	}
	return h.String()
}

// TestGitCommand: a secret committed and then removed is found in history,
// attributed to the commit that added it, and --since can leave it out.
func TestGitCommand(t *testing.T) {
	dir := t.TempDir()
	repo, err := gogit.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)
	added := commitFile(t, repo, dir, "app.env", "TOKEN="+rulestest.GitHubToken(rulestest.Rand(20))+"\n", day)
	commitFile(t, repo, dir, "app.env", "TOKEN=${TOKEN}\n", day.AddDate(0, 0, 1))

	code, stdout, stderr := keysweep(t, "", "git", "--format", "json", dir)
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{`"commit": "` + added + `"`, `"path": "app.env"`, `"removed_from_head": "true"`, `"author": "Dev"`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report lacks %s:\n%s", want, stdout)
		}
	}
	if code, _, _ := keysweep(t, "", "git", "--since", "2026-01-11", dir); code != exitClean {
		t.Errorf("--since after the leak: exit %d", code)
	}
	if code, _, stderr := keysweep(t, "", "git", filepath.Join(dir, "missing")); code != exitError || !strings.Contains(stderr, "missing") {
		t.Errorf("no repository: exit %d %s", code, stderr)
	}
	if code, _, stderr := keysweep(t, "", "git", "--since", "last week", dir); code != exitError || !strings.Contains(stderr, "--since") {
		t.Errorf("bad --since: exit %d %s", code, stderr)
	}
}

// TestGitStaged: --staged reports the secret being added, not the one
// already committed.
func TestGitStaged(t *testing.T) {
	dir := t.TempDir()
	repo, err := gogit.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)
	commitFile(t, repo, dir, "app.env", "OLD="+rulestest.GitHubToken(rulestest.Rand(21))+"\n", day)
	write(t, filepath.Join(dir, "app.env"), "OLD="+rulestest.GitHubToken(rulestest.Rand(21))+"\nNEW="+rulestest.GitHubToken(rulestest.Rand(22))+"\n")
	wt, _ := repo.Worktree()
	if _, err := wt.Add("app.env"); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := keysweep(t, "", "git", "--staged", "--format", "json", dir)
	if code != exitFindings || strings.Count(stdout, `"rule_id": "github-pat"`) != 1 || !strings.Contains(stdout, `"start_line": 2`) {
		t.Errorf("exit %d, stderr %s\n%s", code, stderr, stdout)
	}
	if code, _, stderr := keysweep(t, "", "git", "--staged", "--branch", "main", dir); code != exitError || !strings.Contains(stderr, "--staged") {
		t.Errorf("--staged with --branch: exit %d %s", code, stderr)
	}
}
