package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules/dockerfile"
)

// maxDockerfileSize bounds the Dockerfiles `keysweep dockerfile` reads.
const maxDockerfileSize = 8 << 20

type dockerfileFlags struct {
	report reportFlags
	config string
}

func newDockerfileCmd() *cobra.Command {
	var f dockerfileFlags
	cmd := &cobra.Command{
		Use:   "dockerfile FILE...",
		Short: "Check Dockerfiles for secrets baked into images",
		Long: `Check Dockerfiles (and Containerfiles) for secrets that builds bake into
images: secrets in ENV and ARG, secret build arguments, COPY or ADD of
secret files, a whole build context copied without a .dockerignore that
keeps .env and .git out, and credentials on RUN command lines. Each finding
names the fix: build secrets (RUN --mount=type=secret) or run-time injection.

A finding in a build stage that never reaches the final image is reported
one severity lower. The .dockerignore next to each Dockerfile is read, its
folder taken as the build context. A file that does not parse is reported
as an error naming its line (exit 2).

"keysweep scan" runs the same checks on every Dockerfile it meets, with the
content rules.`,
		Example: `  keysweep dockerfile Dockerfile
  keysweep dockerfile --format sarif -o dockerfile.sarif services/*/Dockerfile`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDockerfile(cmd, args, &f)
		},
	}
	f.report.register(cmd)
	cmd.Flags().StringVarP(&f.config, "config", "c", "", "rule configuration `FILE` (keysweep or gitleaks TOML)")
	return cmd
}

func runDockerfile(cmd *cobra.Command, args []string, f *dockerfileFlags) error {
	if err := f.report.validate(); err != nil {
		return err
	}
	root := "."
	filter, err := f.report.filter(root)
	if err != nil {
		return err
	}
	engine, err := loadEngine(f.config, root)
	if err != nil {
		return err
	}
	check := dockerfile.NewCheck(engine)
	r := newReport(args)
	for _, arg := range args {
		name := filepath.ToSlash(filepath.Clean(arg))
		content, err := readDockerfile(arg)
		if err != nil {
			r.Notices = append(r.Notices, finding.Notice{Level: finding.LevelError, Path: name, Message: err.Error()})
			continue
		}
		r.Stats.Files++
		r.Stats.Bytes += int64(len(content))
		loc := finding.Location{Kind: finding.KindFile, Path: name, Key: dockerfileKey(arg)}
		fs, err := check.Check(cmd.Context(), content, loc)
		r.Findings = append(r.Findings, fs...)
		if err != nil {
			if ctxErr := cmd.Context().Err(); ctxErr != nil {
				return ctxErr
			}
			r.Notices = append(r.Notices, finding.Notice{Level: finding.LevelError, Path: name, Message: fmt.Sprintf("%s: dockerfile check not completed: %v", name, err)})
		}
	}
	return f.report.finish(cmd, r, filter, engine.Rules())
}

// readDockerfile reads a regular file of at most maxDockerfileSize bytes.
// Its errors name no content.
func readDockerfile(name string) ([]byte, error) {
	file, err := os.Open(name)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, errors.New("cannot read: no such file")
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is the notice's own
		}
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file: not checked")
	}
	content, err := io.ReadAll(io.LimitReader(file, maxDockerfileSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	if len(content) > maxDockerfileSize {
		return nil, fmt.Errorf("larger than %d bytes: not checked", maxDockerfileSize)
	}
	return content, nil
}

// dockerfileKey is the fingerprint key of a Dockerfile: its path relative
// to the root of the git work tree it is in, else its base name for a path
// outside the working directory, else the cleaned path as given: as
// `keysweep scan` keys a file named on its command line.
func dockerfileKey(name string) string {
	abs, err := filepath.Abs(name)
	if err != nil {
		return filepath.ToSlash(filepath.Clean(name))
	}
	for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			if rel, err := filepath.Rel(dir, abs); err == nil && !strings.HasPrefix(rel, "..") {
				return filepath.ToSlash(rel)
			}
			break
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	clean := filepath.Clean(name)
	if filepath.IsAbs(clean) || strings.HasPrefix(clean, "..") {
		return filepath.Base(clean)
	}
	return filepath.ToSlash(clean)
}
