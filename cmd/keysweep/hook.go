package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
)

// hookMarker identifies a hook that keysweep wrote, so that it can be
// replaced without --force.
const hookMarker = "# installed by keysweep install-hook"

func newInstallHookCmd() *cobra.Command {
	var prePush, force bool
	cmd := &cobra.Command{
		Use:   "install-hook [REPO]",
		Short: "Install a plain git pre-commit (or pre-push) hook that runs keysweep",
		Long: `Install a git hook in the repository (the current one by default) for people
who do not use the pre-commit framework: the pre-commit hook runs
"keysweep git --staged" and blocks a commit that adds a secret; with
--pre-push, the pre-push hook runs "keysweep git --pre-push" on the commits
being pushed. The hook calls the keysweep found on PATH, else this binary.

An existing hook that keysweep did not write is left alone unless --force.
core.hooksPath is honoured. "git commit --no-verify" skips the hook.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			repo := "."
			if len(args) == 1 {
				repo = args[0]
			}
			name := "pre-commit"
			if prePush {
				name = "pre-push"
			}
			path, err := installHook(repo, name, force)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "installed %s\n", path)
			return nil
		},
	}
	cmd.Flags().BoolVar(&prePush, "pre-push", false, "install a pre-push hook instead of a pre-commit one")
	cmd.Flags().BoolVar(&force, "force", false, "replace an existing hook that keysweep did not write")
	return cmd
}

// installHook writes hook name into repo's hooks folder.
func installHook(repo, name string, force bool) (string, error) {
	root, err := workTreeRoot(repo)
	if err != nil {
		return "", err
	}
	hooks, err := hooksDir(root)
	if err != nil {
		return "", err
	}
	path := filepath.Join(hooks, name)
	if old, err := os.ReadFile(path); err == nil && !force && !strings.Contains(string(old), hookMarker) {
		return "", fmt.Errorf("%s exists and was not written by keysweep: use --force to replace it", path)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("reading %s: %w", path, err)
	}
	self, err := os.Executable()
	if err != nil {
		self = "keysweep"
	}
	args := "git --staged"
	if name == "pre-push" {
		args = "git --pre-push"
	}
	script := fmt.Sprintf(`#!/bin/sh
%s
# Blocks the %s when keysweep finds a secret; "git %s --no-verify" skips it.
keysweep=$(command -v keysweep || echo %s)
exec "$keysweep" %s
`, hookMarker, strings.TrimPrefix(name, "pre-"), strings.TrimPrefix(name, "pre-"), shellQuote(self), args)
	if err := os.MkdirAll(hooks, 0o755); err != nil {
		return "", fmt.Errorf("making %s: %w", hooks, err)
	}
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	// WriteFile keeps an existing file's mode: make sure it runs.
	if err := os.Chmod(path, 0o755); err != nil {
		return "", fmt.Errorf("making %s executable: %w", path, err)
	}
	return path, nil
}

// hooksDir returns the folder git runs hooks from: core.hooksPath when the
// repository's config sets it (relative to the work tree), else
// .git/hooks (following a .git file to a linked worktree's common dir).
func hooksDir(root string) (string, error) {
	gitDir := filepath.Join(root, ".git")
	if st, err := os.Stat(gitDir); err == nil && !st.IsDir() {
		data, err := os.ReadFile(gitDir)
		if err != nil {
			return "", err
		}
		dir := strings.TrimSpace(strings.TrimPrefix(string(data), "gitdir:"))
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(root, dir)
		}
		gitDir = dir
		if common, err := os.ReadFile(filepath.Join(dir, "commondir")); err == nil {
			c := strings.TrimSpace(string(common))
			if !filepath.IsAbs(c) {
				c = filepath.Join(dir, c)
			}
			gitDir = c
		}
	}
	if p := hooksPathSetting(filepath.Join(gitDir, "config")); p != "" {
		if strings.HasPrefix(p, "~/") {
			if home, err := os.UserHomeDir(); err == nil {
				p = filepath.Join(home, p[2:])
			}
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(root, p)
		}
		return p, nil
	}
	return filepath.Join(gitDir, "hooks"), nil
}

// hooksPathSetting reads core.hooksPath from a git config file ("" when
// unset); a plain reading of the [core] section is enough here.
func hooksPathSetting(config string) string {
	data, err := os.ReadFile(config)
	if err != nil {
		return ""
	}
	inCore := false
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			inCore = strings.EqualFold(strings.Trim(line, "[] \t"), "core")
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if inCore && ok && strings.EqualFold(strings.TrimSpace(key), "hooksPath") {
			return strings.Trim(strings.TrimSpace(value), `"`)
		}
	}
	return ""
}

// shellQuote quotes s for sh.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
