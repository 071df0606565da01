package fs

import (
	"bufio"
	"errors"
	iofs "io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"

	"github.com/keysweep/keysweep/finding"
)

// maxIgnoreFile bounds how much of a .gitignore or .git/info/exclude is
// read.
const maxIgnoreFile = 4 << 20

// walker walks one directory target.
type walker struct {
	*run
	// realRoot is the root's absolute path with symlinks resolved, to tell
	// whether a symlink points inside it.
	realRoot string
	// key is the root's place key (see placeKey); files' keys extend it.
	key string
}

// walk walks the directory root (cleaned), whose place key is key, and
// queues its files.
func (r *run) walk(root, key string) {
	w := &walker{run: r, key: key}
	if real, err := filepath.EvalSymlinks(root); err == nil {
		w.realRoot, _ = filepath.Abs(real)
	}
	var ign []gitignore.Pattern
	if r.s.opts.RespectGitignore {
		ign = w.readIgnore(filepath.Join(root, ".git", "info", "exclude"), nil)
	}
	w.dir(root, "", ign)
}

// dir walks one directory: dir is its path on disk, rel its slash path
// relative to the root ("" for the root), ign the gitignore patterns that
// apply above it.
func (w *walker) dir(dir, rel string, ign []gitignore.Pattern) {
	entries, err := w.s.readDir(dir)
	if err != nil {
		// Scan what could be listed; the rest is reported.
		w.notice(finding.LevelError, filepath.ToSlash(dir), "cannot read directory: %s", reason(err))
	}
	if w.s.opts.RespectGitignore {
		i := slices.IndexFunc(entries, func(e iofs.DirEntry) bool { return e.Name() == ".gitignore" })
		if i >= 0 && entries[i].Type().IsRegular() {
			var domain []string
			if rel != "" {
				domain = strings.Split(rel, "/")
			}
			ign = append(slices.Clip(ign), w.readIgnore(filepath.Join(dir, ".gitignore"), domain)...)
		}
	}
	for _, e := range entries {
		if w.ctx.Err() != nil {
			return
		}
		name := e.Name()
		typ := e.Type()
		if typ.IsDir() && name == ".git" {
			continue // history is keysweep git's job
		}
		childRel := name
		if rel != "" {
			childRel = rel + "/" + name
		}
		child := filepath.Join(dir, name)
		if w.s.excluded(childRel, typ.IsDir()) || ignored(ign, childRel, typ.IsDir()) {
			w.skipped++
			continue
		}
		loc := finding.Location{Kind: finding.KindFile, Path: filepath.ToSlash(child), Key: joinKey(w.key, childRel)}
		switch {
		case typ.IsDir():
			w.dir(child, childRel, ign)
		case typ&iofs.ModeSymlink != 0:
			w.symlink(child, loc.Path)
		case typ.IsRegular():
			info, err := e.Info()
			if err != nil {
				w.notice(finding.LevelError, loc.Path, "cannot read: %s", reason(err))
				continue
			}
			if !w.send(job{kind: fileJob, name: child, loc: loc, size: info.Size()}) {
				return
			}
		default:
			// Opening a FIFO would block, and devices and sockets hold no
			// file content; they were asked for, so the run says so.
			w.notice(finding.LevelError, loc.Path, "not a regular file (%s): skipped", fileKind(typ))
		}
	}
}

// symlink reports a link that is not scanned through and whose target the
// walk will not reach either: a dangling link, a loop, or a link out of the
// root. A link to something inside the root is silent: the walk scans its
// target where it lives.
func (w *walker) symlink(link, name string) {
	dest, err := os.Readlink(link)
	if err != nil {
		w.notice(finding.LevelNote, name, "symlink: %s: not followed", reason(err))
		return
	}
	_, err = os.Stat(link)
	switch {
	case errors.Is(err, syscall.ELOOP):
		w.notice(finding.LevelNote, name, "symlink loop (points to %q): not followed", dest)
		return
	case errors.Is(err, iofs.ErrNotExist):
		w.notice(finding.LevelNote, name, "dangling symlink to %q: not followed", dest)
		return
	case err != nil:
		w.notice(finding.LevelNote, name, "symlink to %q: %s: not followed", dest, reason(err))
		return
	}
	real, err := filepath.EvalSymlinks(link)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		w.notice(finding.LevelNote, name, "symlink to %q: %s: not followed", dest, reason(err))
		return
	}
	if w.realRoot == "" || !within(w.realRoot, real) {
		w.notice(finding.LevelNote, name, "symlink to %q points outside the scanned root: not followed", dest)
	}
}

// within reports whether path p is root or under it; both are absolute
// and clean.
func within(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// readIgnore reads the gitignore patterns of one file; domain is the slash
// path of the directory the patterns are relative to. A missing or
// unreadable file has no patterns (an unreadable .gitignore is reported
// when the walk scans it as a file). The file is opened like any walked
// file: not through a symlink (as git does not) and never blocking.
func (w *walker) readIgnore(name string, domain []string) []gitignore.Pattern {
	f, err := w.s.open(name, false)
	if err != nil {
		return nil
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil
	}
	var ps []gitignore.Pattern
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), maxIgnoreFile)
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		ps = append(ps, gitignore.ParsePattern(line, domain))
	}
	return ps
}

// ignored reports whether git would ignore the entry at slash path rel.
func ignored(ps []gitignore.Pattern, rel string, isDir bool) bool {
	if len(ps) == 0 {
		return false
	}
	return gitignore.NewMatcher(ps).Match(strings.Split(rel, "/"), isDir)
}
