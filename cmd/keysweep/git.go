package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	gitscan "github.com/keysweep/keysweep/scanners/git"
)

type gitFlags struct {
	report     reportFlags
	config     string
	branch     string
	rng        string
	maxCommits int
	since      string
	staged     bool
	prePush    bool
	allCommits bool
	workers    int
}

func newGitCmd() *cobra.Command {
	var f gitFlags
	cmd := &cobra.Command{
		Use:   "git [REPO|URL] | --staged [FILE...]",
		Short: "Scan a git repository's history for secrets",
		Long: `Scan the history of a git repository (the current folder by default, or a
URL, cloned into a temporary folder that is removed afterwards): every blob
reachable from its refs (as git log --all), each scanned once and attributed
to the commit that introduced it. A secret "fixed" by a later commit is still
in history, and is reported as removed, with the commit that removed it.

With --staged, only what the next commit would add: the lines that the
staged (index) version of each file adds to HEAD's, so a pre-commit hook
reports new secrets, not old ones. Files named after --staged (as the
pre-commit framework passes them) limit the scan to them, and one with no
staged change is scanned whole: "pre-commit run --all-files" scans every
file. With --pre-push, the commits a push
sends, read from the lines git gives a pre-push hook on standard input.

The repository is read with go-git: no git binary is needed, and nothing the
repository's configuration names (hooks, filters, fsmonitor) is run.
Credentials for a URL: its own user:password, KEYSWEEP_GIT_TOKEN,
GITHUB_TOKEN/GH_TOKEN (github.com), GITLAB_TOKEN (gitlab.com),
~/.git-credentials, ~/.netrc; SSH URLs use the SSH agent.`,
		Example: `  keysweep git
  keysweep git --branch main --since 2026-01-01 --format sarif -o history.sarif
  keysweep git --range origin/main..HEAD
  keysweep git https://github.com/example/project.git
  keysweep git --staged            # in a pre-commit hook
  keysweep git --pre-push          # in a pre-push hook`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runGit(cmd, args, &f)
		},
	}
	f.report.register(cmd)
	fl := cmd.Flags()
	fl.StringVarP(&f.config, "config", "c", "", "rule configuration `FILE` (keysweep or gitleaks TOML)")
	fl.StringVar(&f.branch, "branch", "", "scan the history of this `REF` only (default: every ref and HEAD)")
	fl.StringVar(&f.rng, "range", "", "scan the commits in `A..B`: reachable from B (default HEAD), not from A")
	fl.IntVar(&f.maxCommits, "max-commits", 0, "scan only the newest N commits (0: all)")
	fl.StringVar(&f.since, "since", "", "scan only commits made on or after this `DATE` (2006-01-02 or RFC 3339)")
	fl.BoolVar(&f.staged, "staged", false, "scan what the next commit would add (the index against HEAD), for pre-commit hooks")
	fl.BoolVar(&f.prePush, "pre-push", false, "scan the commits a push sends, as a pre-push hook reads them on standard input")
	fl.BoolVar(&f.allCommits, "all-commits", false, "list every commit that carries each secret, not only the first (slower)")
	fl.IntVar(&f.workers, "workers", 0, "blobs scanned at once (default: the number of CPUs)")
	return cmd
}

func runGit(cmd *cobra.Command, args []string, f *gitFlags) error {
	if err := f.report.validate(); err != nil {
		return err
	}
	target := "."
	var files []string
	switch {
	case f.staged:
		var err error
		if target, files, err = stagedArgs(args); err != nil {
			return err
		}
	case len(args) > 1:
		return fmt.Errorf("one repository at a time (got %d)", len(args))
	case len(args) == 1:
		target = args[0]
	}
	opts, err := f.options()
	if err != nil {
		return err
	}
	if f.prePush {
		updates, err := gitscan.ParsePrePush(cmd.InOrStdin())
		if err != nil {
			return err
		}
		var ok bool
		if opts, ok = gitscan.PushOptions(opts, updates); !ok {
			fmt.Fprintln(cmd.ErrOrStderr(), "keysweep: the push sends no commits: nothing to scan")
			return nil
		}
	}
	repo, root, shown := target, target, target
	if gitscan.IsURL(target) {
		if f.staged || f.prePush {
			return fmt.Errorf("--staged and --pre-push scan a local repository, not a URL")
		}
		dir, cleanup, err := gitscan.Clone(cmd.Context(), target, gitscan.CloneOptions{})
		if err != nil {
			return err
		}
		defer cleanup()
		repo, root, shown = dir, ".", gitscan.RedactURL(target)
	} else if _, err := os.Stat(target); err != nil {
		return fmt.Errorf("scanning %s: %w", target, err)
	}
	filter, err := f.report.filter(root)
	if err != nil {
		return err
	}
	engine, err := loadEngine(f.config, root)
	if err != nil {
		return err
	}
	if os.Getenv("GOGC") == "" {
		// A history scan's heap is mostly short-lived blob contents:
		// collecting at half the usual growth costs about 4% more time
		// and a third less peak memory.
		defer debug.SetGCPercent(debug.SetGCPercent(50))
	}
	scanner := gitscan.New(engine, opts)
	var res *gitscan.Result
	if f.staged {
		res, err = scanner.ScanStaged(cmd.Context(), repo, files)
	} else {
		res, err = scanner.Scan(cmd.Context(), repo)
	}
	if err != nil {
		return fmt.Errorf("scanning %s: %w", shown, err)
	}
	r := newReport([]string{shown})
	r.Findings, r.Notices, r.Stats = res.Findings, res.Notices, res.Stats
	return f.report.finish(cmd, r, filter, engine.Rules())
}

// stagedArgs splits --staged's arguments: a folder names the repository
// (the current one by default), files limit the scan; the files are
// returned as slash paths relative to the work tree's root.
func stagedArgs(args []string) (repo string, files []string, err error) {
	repo = "."
	var named []string
	for _, a := range args {
		st, err := os.Stat(a)
		switch {
		case err == nil && st.IsDir():
			if repo != "." {
				return "", nil, fmt.Errorf("--staged: one repository at a time")
			}
			repo = a
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return "", nil, fmt.Errorf("--staged: %w", err)
		default:
			named = append(named, a) // a file, or one being deleted
		}
	}
	if len(named) == 0 {
		return repo, nil, nil
	}
	root, err := workTreeRoot(repo)
	if err != nil {
		return "", nil, err
	}
	for _, n := range named {
		abs, err := filepath.Abs(n)
		if err != nil {
			return "", nil, fmt.Errorf("--staged: %w", err)
		}
		rel, err := filepath.Rel(root, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return "", nil, fmt.Errorf("--staged: %s is outside the repository at %s", n, root)
		}
		files = append(files, filepath.ToSlash(rel))
	}
	return repo, files, nil
}

// workTreeRoot returns the absolute root of the work tree holding dir: the
// nearest folder upwards with a .git.
func workTreeRoot(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("%s is not in a git work tree", dir)
		}
	}
}

// options turns the selection flags into scanner options, refusing
// combinations that make no sense.
func (f *gitFlags) options() (gitscan.Options, error) {
	opts := gitscan.Options{Branch: f.branch, MaxCommits: f.maxCommits, AllCommits: f.allCommits, Workers: f.workers}
	selection := f.branch != "" || f.rng != "" || f.since != "" || f.maxCommits != 0 || f.allCommits
	switch {
	case f.staged && f.prePush:
		return opts, fmt.Errorf("--staged and --pre-push: choose one")
	case f.staged && selection:
		return opts, fmt.Errorf("--staged scans the index: --branch, --range, --since, --max-commits and --all-commits do not apply")
	case f.prePush && (f.branch != "" || f.rng != ""):
		return opts, fmt.Errorf("--pre-push reads the commits to scan from standard input: --branch and --range do not apply")
	case f.branch != "" && f.rng != "":
		return opts, fmt.Errorf("--branch and --range: choose one")
	}
	if f.rng != "" {
		from, to, ok := strings.Cut(f.rng, "..")
		if !ok || strings.HasPrefix(to, ".") || from == "" {
			return opts, fmt.Errorf("--range %q: want A..B (commits reachable from B, default HEAD, and not from A)", f.rng)
		}
		if to == "" {
			to = "HEAD"
		}
		opts.Include, opts.Exclude = []string{to}, []string{from}
	}
	if f.since != "" {
		t, err := parseDate(f.since)
		if err != nil {
			return opts, fmt.Errorf("--since: %w", err)
		}
		opts.Since = t
	}
	return opts, nil
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
