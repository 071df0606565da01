package git

import (
	"context"
	"net/http"
	"net/http/cgi"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestIsURL(t *testing.T) {
	for in, want := range map[string]bool{
		"https://github.com/o/r.git": true,
		"http://localhost:8080/r":    true,
		"ssh://git@host/o/r":         true,
		"git@github.com:o/r.git":     true,
		".":                          false,
		"/srv/repo.git":              false,
		"file:///srv/repo":           false,
		"C:/repo":                    false,
		"dir/with@sign:colon/x":      false,
	} {
		if got := IsURL(in); got != want {
			t.Errorf("IsURL(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestCredentialSources(t *testing.T) {
	home := t.TempDir()
	// Plainly fake credentials, generated for the test.
	storePass, netrcPass := "store-"+strings.Repeat("s", 12), "netrc-"+strings.Repeat("n", 12)
	if err := os.WriteFile(filepath.Join(home, ".git-credentials"),
		[]byte("https://other.example/\nhttps://alice:"+storePass+"@git.example.com/team\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, ".netrc"),
		[]byte("machine nope.example login x password y\nmachine code.example.org\n  login bob\n  password "+netrcPass+"\n"), 0o600); err != nil { // keysweep:allow fake .netrc written for the test
		t.Fatal(err)
	}
	env := map[string]string{}
	opts := CloneOptions{Home: home, Env: func(k string) string { return env[k] }}
	auth := func(raw string) string {
		a, err := credentials(raw, opts)
		if err != nil {
			t.Fatal(err)
		}
		if a == nil {
			return ""
		}
		return a.String() // go-git masks the password
	}
	if got := auth("https://git.example.com/team/repo.git"); !strings.Contains(got, "alice") {
		t.Errorf("git-credentials: %q", got)
	}
	if got := auth("https://git.example.com/elsewhere/repo.git"); got != "" {
		t.Errorf("git-credentials for another path: %q", got)
	}
	if got := auth("https://code.example.org/r.git"); !strings.Contains(got, "bob") {
		t.Errorf("netrc: %q", got)
	}
	env["GITHUB_TOKEN"] = "from-env"
	if got := auth("https://github.com/o/r.git"); !strings.Contains(got, "x-access-token") {
		t.Errorf("GITHUB_TOKEN: %q", got)
	}
	if got := auth("git@github.com:o/r.git"); got != "" {
		t.Errorf("ssh: %q", got)
	}
	for _, s := range []string{storePass, netrcPass, "from-env"} {
		for _, u := range []string{"https://git.example.com/team/r", "https://code.example.org/r", "https://github.com/o/r"} {
			if strings.Contains(auth(u), s) {
				t.Errorf("a credential leaked into the auth's description")
			}
		}
	}
}

// TestCloneOverSmartHTTP serves a repository with git's own smart HTTP
// server (git http-backend, through net/http/cgi) behind basic
// authentication, and scans it by URL with a token from the environment.
func TestCloneOverSmartHTTP(t *testing.T) {
	gitBin, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed: no smart HTTP server to clone from")
	}
	execPath, err := exec.Command(gitBin, "--exec-path").Output()
	if err != nil {
		t.Fatal(err)
	}
	tok := token(131)
	r := newRepo(t)
	r.commit("secret", map[string]string{"app.env": "T=" + tok + "\n"})
	root := filepath.Dir(r.dir)

	const user, pass = "ci", "fake-password-for-test"
	backend := &cgi.Handler{
		Path: filepath.Join(strings.TrimSpace(string(execPath)), "git-http-backend"),
		Env:  []string{"GIT_PROJECT_ROOT=" + root, "GIT_HTTP_EXPORT_ALL=1"},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if u, p, ok := req.BasicAuth(); !ok || u == "" || p != pass {
			w.Header().Set("WWW-Authenticate", `Basic realm="test"`)
			http.Error(w, "authentication required", http.StatusUnauthorized)
			return
		}
		backend.ServeHTTP(w, req)
	}))
	defer srv.Close()
	repoURL := srv.URL + "/" + filepath.Base(r.dir) + "/.git"

	ctx := context.Background()
	tmp := t.TempDir()
	noCreds := CloneOptions{Dir: tmp, Home: t.TempDir(), Env: func(string) string { return "" }}
	if _, _, err := Clone(ctx, repoURL, noCreds); err == nil {
		t.Fatal("clone without credentials: want an error")
	}
	withToken := noCreds
	withToken.Env = func(k string) string {
		if k == "KEYSWEEP_GIT_TOKEN" {
			return pass
		}
		return ""
	}
	dir, cleanup, err := Clone(ctx, repoURL, withToken)
	if err != nil {
		t.Fatal(err)
	}
	res := scan(t, dir, Options{})
	if got := secrets(res); !slices.Equal(got, []string{tok}) {
		t.Errorf("%d secrets from the clone, want 1", len(got))
	}
	cleanup()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("clone not removed: %v", err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left behind in the temp folder: %v", left)
	}

	// Credentials in the URL never reach an error message.
	u, _ := url.Parse(srv.URL)
	u.User = url.UserPassword(user, "wrong-"+pass)
	u.Path = "/missing.git"
	_, _, err = Clone(ctx, u.String(), noCreds)
	if err == nil || strings.Contains(err.Error(), "wrong-"+pass) {
		t.Errorf("error %v: want one without the password", err)
	}
}
