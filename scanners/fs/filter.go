package fs

import (
	"fmt"
	"path"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// excludePattern is one compiled Options.Exclude entry.
type excludePattern struct {
	glob string
	// base: the pattern has no slash, so it matches a base name anywhere.
	base bool
	// dirOnly: the pattern ended with a slash.
	dirOnly bool
}

// compileExcludes validates and normalizes Exclude patterns.
func compileExcludes(patterns []string) ([]excludePattern, error) {
	var out []excludePattern
	for _, p := range patterns {
		q := strings.TrimPrefix(p, "./")
		anchored := q != p || strings.HasPrefix(q, "/")
		q = strings.TrimLeft(q, "/")
		dirOnly := strings.HasSuffix(q, "/")
		q = strings.TrimRight(q, "/")
		if q == "" {
			return nil, fmt.Errorf("exclude pattern %q matches nothing", p)
		}
		if !doublestar.ValidatePattern(q) {
			return nil, fmt.Errorf("exclude pattern %q is not a valid glob", p)
		}
		out = append(out, excludePattern{glob: q, base: !anchored && !strings.Contains(q, "/"), dirOnly: dirOnly})
	}
	return out, nil
}

// excluded reports whether the entry with slash key key matches an Exclude
// pattern.
func (s *Scanner) excluded(key string, isDir bool) bool {
	for _, p := range s.exclude {
		if p.dirOnly && !isDir {
			continue
		}
		name := key
		if p.base {
			name = path.Base(key)
		}
		if ok, _ := doublestar.Match(p.glob, name); ok {
			return true
		}
	}
	return false
}
