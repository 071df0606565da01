package main

import (
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
	gitscan "github.com/keysweep/keysweep/scanners/git"
)

type gitFlags struct {
	report     reportFlags
	config     string
	branch     string
	maxCommits int
	since      string
	staged     bool
}

func newGitCmd() *cobra.Command {
	var f gitFlags
	cmd := &cobra.Command{
		Use:   "git [REPO]",
		Short: "Scan a git repository's history for secrets",
		Long: `Scan the history of a git repository (the current folder by default):
every blob reachable from its branches, tags and HEAD, each scanned once and
attributed to the commit that introduced it. A secret "fixed" by a later
commit is still in history, and is reported as removed from HEAD.

With --staged, only what the next commit would add: the lines that the
staged (index) version of each file adds to HEAD's, so a pre-commit hook
reports new secrets, not old ones.

The repository is read with go-git: no git binary is needed, and nothing the
repository's configuration names (hooks, filters) is run.`,
		Example: `  keysweep git
  keysweep git --branch main --since 2026-01-01 --format sarif -o history.sarif
  keysweep git --staged            # in a pre-commit hook`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runGit(cmd, args, &f)
		},
	}
	f.report.register(cmd)
	fl := cmd.Flags()
	fl.StringVarP(&f.config, "config", "c", "", "rule configuration `FILE` (keysweep or gitleaks TOML)")
	fl.StringVar(&f.branch, "branch", "", "scan the history of this `REF` only (default: all branches, tags and HEAD)")
	fl.IntVar(&f.maxCommits, "max-commits", 0, "scan only the newest N commits (0: all)")
	fl.StringVar(&f.since, "since", "", "scan only commits made on or after this `DATE` (2006-01-02 or RFC 3339)")
	fl.BoolVar(&f.staged, "staged", false, "scan what the next commit would add (the index against HEAD), for pre-commit hooks")
	return cmd
}

func runGit(cmd *cobra.Command, args []string, f *gitFlags) error {
	if err := f.report.validate(); err != nil {
		return err
	}
	repo := "."
	if len(args) == 1 {
		repo = args[0]
	}
	if f.staged && (f.branch != "" || f.since != "" || f.maxCommits != 0) {
		return fmt.Errorf("--staged scans the index: --branch, --since and --max-commits do not apply")
	}
	if _, err := os.Stat(repo); err != nil {
		return fmt.Errorf("scanning %s: %w", repo, err)
	}
	opts := gitscan.Options{Branch: f.branch, MaxCommits: f.maxCommits}
	if f.since != "" {
		t, err := parseDate(f.since)
		if err != nil {
			return fmt.Errorf("--since: %w", err)
		}
		opts.Since = t
	}
	filter, err := f.report.filter(repo)
	if err != nil {
		return err
	}
	engine, _, err := rules.Load(rules.LoadOptions{
		ConfigFile:     f.config,
		Root:           repo,
		FingerprintKey: os.Getenv(fingerprintKeyEnv),
	})
	if err != nil {
		return fmt.Errorf("loading rules: %w", err)
	}
	scanner := gitscan.New(engine, opts)
	var res *gitscan.Result
	if f.staged {
		res, err = scanner.ScanStaged(cmd.Context(), repo)
	} else {
		res, err = scanner.Scan(cmd.Context(), repo)
	}
	if err != nil {
		return fmt.Errorf("scanning %s: %w", repo, err)
	}
	wd, _ := os.Getwd()
	r := &finding.Report{
		Version:  toolVersion(),
		Targets:  []string{repo},
		WorkDir:  wd,
		Findings: res.Findings,
		Notices:  res.Notices,
		Stats:    res.Stats,
	}
	return f.report.finish(cmd, r, filter, engine.Rules())
}

// parseDate reads a date (2006-01-02, in UTC) or an RFC 3339 time.
func parseDate(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date (2006-01-02) or an RFC 3339 time", s)
	}
	return t, nil
}
