package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	fsscan "github.com/keysweep/keysweep/scanners/fs"
)

// fingerprintKeyEnv names the environment variable that keys fingerprints.
const fingerprintKeyEnv = "KEYSWEEP_FINGERPRINT_KEY"

type scanFlags struct {
	report           reportFlags
	config           string
	exclude          []string
	respectGitignore bool
	maxFileSize      string
	workers          int
}

func newScanCmd() *cobra.Command {
	var f scanFlags
	cmd := &cobra.Command{
		Use:   "scan [PATH...]",
		Short: "Scan files and folders (or - for standard input) for secrets",
		Long: `Scan files and folders for secrets. With no PATH, scans the current folder;
"-" reads standard input. Everything on disk is scanned except .git folders
(history is "keysweep git"'s job); --respect-gitignore skips what git
ignores, --exclude skips what matches a glob. Symlinks are never followed.

Configuration: --config FILE, else .keysweep.toml, else .gitleaks.toml at
the first scanned folder, else the built-in catalog.`,
		Example: `  keysweep scan
  keysweep scan --format sarif -o keysweep.sarif .
  git diff | keysweep scan -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runScan(cmd, args, &f)
		},
	}
	f.report.register(cmd)
	fl := cmd.Flags()
	fl.StringVarP(&f.config, "config", "c", "", "rule configuration `FILE` (keysweep or gitleaks TOML)")
	fl.StringArrayVar(&f.exclude, "exclude", nil, "skip paths matching this `GLOB` (repeatable; ** matches any folders)")
	fl.BoolVar(&f.respectGitignore, "respect-gitignore", false, "skip files that git ignores (.gitignore, .git/info/exclude)")
	fl.StringVar(&f.maxFileSize, "max-file-size", "0", "skip files larger than this (e.g. 10MB; 0: no limit), reporting each")
	fl.IntVar(&f.workers, "workers", 0, "files scanned at once (default: the number of CPUs)")
	return cmd
}

func runScan(cmd *cobra.Command, args []string, f *scanFlags) error {
	if err := f.report.validate(); err != nil {
		return err
	}
	maxSize, err := parseSize(f.maxFileSize)
	if err != nil {
		return fmt.Errorf("--max-file-size: %w", err)
	}
	opts := fsscan.Options{
		Exclude:          f.exclude,
		RespectGitignore: f.respectGitignore,
		MaxFileSize:      maxSize,
		Workers:          f.workers,
	}
	if err := opts.Validate(); err != nil {
		return fmt.Errorf("--exclude: %w", err)
	}
	if len(args) == 0 {
		args = []string{"."}
	}
	root := configRoot(args)
	filter, err := f.report.filter(root)
	if err != nil {
		return err
	}
	engine, err := loadEngine(f.config, root)
	if err != nil {
		return err
	}
	opts.Checks = fileChecks(engine)
	scanner := fsscan.New(engine, opts)
	res, err := scanner.Scan(cmd.Context(), args, cmd.InOrStdin())
	if err != nil {
		return err
	}
	r := newReport(args)
	r.Findings, r.Notices, r.Stats = res.Findings, res.Notices, res.Stats
	return f.report.finish(cmd, r, filter, engine.Rules())
}

// configRoot is where .keysweep.toml, .gitleaks.toml and .keysweepignore
// are looked for: the first folder scanned, else the working directory.
func configRoot(targets []string) string {
	for _, t := range targets {
		if st, err := os.Stat(t); err == nil && st.IsDir() {
			return filepath.Clean(t)
		}
	}
	return "."
}
