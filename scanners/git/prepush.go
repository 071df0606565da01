package git

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// PushUpdate is one line that git writes to a pre-push hook's standard
// input: a local ref about to update a remote ref.
type PushUpdate struct {
	LocalRef, LocalSHA, RemoteRef, RemoteSHA string
}

// zeroSHA is what git writes for a ref that does not exist (a deleted
// local ref, or a remote ref the push creates).
func zeroSHA(s string) bool { return strings.Trim(s, "0") == "" }

// ParsePrePush reads the lines git gives a pre-push hook
// ("<local ref> <local sha> <remote ref> <remote sha>").
func ParsePrePush(r io.Reader) ([]PushUpdate, error) {
	var out []PushUpdate
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 4 || !isHex(f[1]) || !isHex(f[3]) {
			return nil, fmt.Errorf("pre-push input line %d: want \"<local ref> <local sha> <remote ref> <remote sha>\"", n)
		}
		out = append(out, PushUpdate{LocalRef: f[0], LocalSHA: f[1], RemoteRef: f[2], RemoteSHA: f[3]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading pre-push input: %w", err)
	}
	return out, nil
}

func isHex(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !strings.ContainsRune("0123456789abcdef", c) {
			return false
		}
	}
	return true
}

// PushOptions returns the selection that scans the commits a push sends:
// each updated ref's new commits, not those the remote ref already had;
// for a ref the push creates, not those on any remote-tracking branch.
// Deletions send nothing. ok is false when the push sends no commits.
func PushOptions(base Options, updates []PushUpdate) (opts Options, ok bool) {
	opts = base
	opts.Include, opts.Exclude = nil, nil
	opts.EmptyOK = true
	for _, u := range updates {
		if zeroSHA(u.LocalSHA) {
			continue // a deletion
		}
		opts.Include = append(opts.Include, u.LocalSHA)
		if zeroSHA(u.RemoteSHA) {
			opts.ExcludeRemotes = true
		} else {
			opts.Exclude = append(opts.Exclude, u.RemoteSHA)
		}
	}
	return opts, len(opts.Include) > 0
}
