package git

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	gogit "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/transport"
	githttp "github.com/go-git/go-git/v5/plumbing/transport/http"
)

// IsURL reports whether target names a remote repository rather than a
// path: a URL with a scheme git clones over (https, http, ssh, git), or
// scp-like "user@host:path".
func IsURL(target string) bool {
	if u, err := url.Parse(target); err == nil && u.Host != "" {
		switch u.Scheme {
		case "https", "http", "ssh", "git":
			return true
		}
	}
	if strings.Contains(target, "://") {
		return false
	}
	user, rest, ok := strings.Cut(target, "@")
	host, _, hasColon := strings.Cut(rest, ":")
	return ok && hasColon && user != "" && host != "" && !strings.ContainsAny(user, "/:")
}

// CloneOptions configure Clone.
type CloneOptions struct {
	// Dir is the folder the temporary clone is made in. The default, "",
	// is os.TempDir().
	Dir string
	// Env looks up environment variables (for tokens); the default, nil,
	// is os.Getenv.
	Env func(string) string
	// Home is the folder holding .git-credentials and .netrc; the default,
	// "", is the user's home folder.
	Home string
}

// Clone clones the repository at rawURL, bare and with every branch and
// tag, into a new temporary folder, and returns the folder and a func that
// removes it. Nothing of the remote repository is executed.
//
// Credentials come from the usual places, in order: the URL's own
// user:password; KEYSWEEP_GIT_TOKEN; GITHUB_TOKEN or GH_TOKEN for
// github.com, GITLAB_TOKEN for gitlab.com; ~/.git-credentials (git's
// credential store); ~/.netrc. SSH URLs use the SSH agent and
// ~/.ssh/known_hosts, as git does. Git credential helpers are not run.
// Errors never contain a credential.
func Clone(ctx context.Context, rawURL string, opts CloneOptions) (dir string, cleanup func(), err error) {
	if opts.Env == nil {
		opts.Env = os.Getenv
	}
	dir, err = os.MkdirTemp(opts.Dir, "keysweep-clone-")
	if err != nil {
		return "", nil, fmt.Errorf("making a folder for the clone: %w", err)
	}
	cleanup = func() { _ = os.RemoveAll(dir) }
	safe := RedactURL(rawURL)
	auth, err := credentials(rawURL, opts)
	if err != nil {
		cleanup()
		return "", nil, err
	}
	_, err = gogit.PlainCloneContext(ctx, dir, true, &gogit.CloneOptions{
		URL:  rawURL,
		Auth: auth,
		Tags: gogit.AllTags,
	})
	if err != nil {
		cleanup()
		if errors.Is(err, transport.ErrEmptyRemoteRepository) {
			return "", nil, fmt.Errorf("cloning %s: the repository is empty", safe)
		}
		return "", nil, fmt.Errorf("cloning %s: %s", safe, redactError(err, rawURL))
	}
	return dir, cleanup, nil
}

// credentials finds HTTP credentials for rawURL; nil means none (or not
// HTTP: go-git's SSH defaults apply).
func credentials(rawURL string, opts CloneOptions) (transport.AuthMethod, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") {
		return nil, nil
	}
	if u.User != nil {
		return nil, nil // go-git takes the URL's own credentials
	}
	host := u.Hostname()
	token := opts.Env("KEYSWEEP_GIT_TOKEN")
	switch {
	case token != "":
	case host == "github.com":
		token = firstNonEmpty(opts.Env("GITHUB_TOKEN"), opts.Env("GH_TOKEN"))
	case host == "gitlab.com":
		token = opts.Env("GITLAB_TOKEN")
	}
	if token != "" {
		// GitHub and GitLab take a token as the password of any user name.
		return &githttp.BasicAuth{Username: "x-access-token", Password: token}, nil
	}
	home := opts.Home
	if home == "" {
		if home, err = os.UserHomeDir(); err != nil {
			return nil, nil
		}
	}
	if user, pass, ok := fromGitCredentials(filepath.Join(home, ".git-credentials"), u); ok {
		return &githttp.BasicAuth{Username: user, Password: pass}, nil
	}
	if user, pass, ok := fromNetrc(filepath.Join(home, ".netrc"), host); ok {
		return &githttp.BasicAuth{Username: user, Password: pass}, nil
	}
	return nil, nil
}

// fromGitCredentials reads git's credential store: one URL with
// credentials per line; the first whose scheme and host match (and whose
// path, if any, prefixes the URL's) wins.
func fromGitCredentials(file string, target *url.URL) (user, pass string, ok bool) {
	f, err := os.Open(file)
	if err != nil {
		return "", "", false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		c, err := url.Parse(strings.TrimSpace(sc.Text()))
		if err != nil || c.User == nil || c.Scheme != target.Scheme || !strings.EqualFold(c.Host, target.Host) {
			continue
		}
		if p := strings.Trim(c.Path, "/"); p != "" && !strings.HasPrefix(strings.Trim(target.Path, "/"), p) {
			continue
		}
		pass, _ := c.User.Password()
		return c.User.Username(), pass, true
	}
	return "", "", false
}

// fromNetrc reads a .netrc file for host's login and password (or the
// default entry's).
func fromNetrc(file, host string) (user, pass string, ok bool) {
	data, err := os.ReadFile(file)
	if err != nil {
		return "", "", false
	}
	var machine, login, password string
	var matched, found bool
	fields := strings.Fields(string(data))
	flush := func() {
		if matched && !found && login != "" {
			user, pass, found = login, password, true
		}
	}
	for i := 0; i < len(fields); i++ {
		next := func() string {
			if i+1 < len(fields) {
				i++
				return fields[i]
			}
			return ""
		}
		switch fields[i] {
		case "machine":
			flush()
			machine = next()
			matched, login, password = strings.EqualFold(machine, host), "", ""
		case "default":
			flush()
			matched, login, password = true, "", ""
		case "login":
			login = next()
		case "password":
			password = next()
		case "macdef":
			flush()
			matched = false // a macro runs to the next blank line; not ours
		}
	}
	flush()
	return user, pass, found
}

// RedactURL hides a URL's user information (a token may be the user
// name alone), for messages and reports.
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	u.User = url.User("xxxxx")
	return u.String()
}

// redactError removes the URL's password from an error's text, in case the
// transport put it there.
func redactError(err error, rawURL string) string {
	msg := err.Error()
	if u, perr := url.Parse(rawURL); perr == nil && u.User != nil {
		msg = strings.ReplaceAll(msg, rawURL, RedactURL(rawURL))
		if p, ok := u.User.Password(); ok && p != "" {
			msg = strings.ReplaceAll(msg, p, "xxxxx")
		}
		if n := u.User.Username(); len(n) >= 8 {
			msg = strings.ReplaceAll(msg, n, "xxxxx")
		}
	}
	return msg
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}
