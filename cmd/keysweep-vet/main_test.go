package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/rules/rulestest"
)

func TestVetProtocol(t *testing.T) {
	for args, want := range map[string]bool{
		"-V=full":                       true,
		"-flags":                        true,
		"/tmp/go-build1/b001/vet.cfg":   true,
		"-hardcodedsecret.tests /x.cfg": true,
		"./...":                         false,
		"-json ./...":                   false,
		"":                              false,
		"help":                          false,
	} {
		if got := vetProtocol(strings.Fields(args)); got != want {
			t.Errorf("vetProtocol(%q) = %v, want %v", args, got, want)
		}
	}
}

// plantedModule writes a small module with one problem of each analyzer
// and returns its folder and the lines go vet must print.
func plantedModule(t *testing.T) (dir string, want []string) {
	t.Helper()
	dir = t.TempDir()
	token := rulestest.GitHubToken(rulestest.Rand(7))
	files := map[string]string{
		"go.mod": "module example.test/planted\n\ngo 1.22\n",
		"main.go": `package main

import (
	"log"
	"net/url"
	"os"
)

const deployToken = "` + token + `"

func main() {
	u := url.URL{User: url.UserPassword("svc", "planted-pw-1")}
	log.Printf("token %s", os.Getenv("DEPLOY_TOKEN"))
	logit(os.Getenv("DB_PASSWORD"))
	_ = u
	_ = deployToken
}
`,
		"wrap.go": `package main

import "fmt"

func logit(v string) { fmt.Println("value", v) }
`,
		"clean/clean.go": `// Package clean has nothing to report.
package clean

import "os"

// Home returns the home folder.
func Home() string { return os.Getenv("HOME") }
`,
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want = []string{
		"main.go:9:21: GitHub personal access token (classic) assigned to deployToken (github-pat)",
		"main.go:12:45: literal password passed to url.UserPassword (go-static-credentials)",
		`main.go:13:12: secret from os.Getenv("DEPLOY_TOKEN") reaches log.Printf (go-secret-logged)`,
		`main.go:14:7: secret from os.Getenv("DB_PASSWORD") reaches main.logit (which passes it to fmt.Println) (go-secret-logged)`,
	}
	slices.Sort(want)
	return dir, want
}

func buildTool(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "keysweep-vet")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// diagLines returns the file:line:col lines of a vet run's output, with
// the folder prefix removed, sorted.
func diagLines(out, dir string) []string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		l = strings.TrimPrefix(strings.TrimPrefix(l, dir+string(filepath.Separator)), "./")
		if strings.HasPrefix(l, "main.go:") || strings.HasPrefix(l, "wrap.go:") || strings.HasPrefix(l, "clean/") {
			lines = append(lines, l)
		}
	}
	slices.Sort(lines)
	return lines
}

// TestGoVet runs `go vet -vettool` with the built tool on the planted
// module, and the tool on its own.
func TestGoVet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the tool and runs go vet")
	}
	bin := buildTool(t)
	dir, want := plantedModule(t)
	for _, args := range [][]string{
		{"go", "vet", "-vettool=" + bin, "./..."},
		{bin, "./..."},
	} {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		if err == nil {
			t.Errorf("%s: exit status 0 with problems planted", strings.Join(args, " "))
		}
		if got := diagLines(string(out), dir); !slices.Equal(got, want) {
			t.Errorf("%s:\ngot  %q\nwant %q\noutput:\n%s", args[0]+" "+args[1], got, want, out)
		}
	}
}
