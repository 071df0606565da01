package golangci_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/analyzers/golangci"
	"github.com/keysweep/keysweep/rules/rulestest"
)

// golangciVersion is the golangci-lint release the plugin is built with.
const golangciVersion = "v2.15.0"

func TestSettings(t *testing.T) {
	p, err := golangci.New(map[string]any{"tests": true, "disable": []string{"secretleak"}})
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range as {
		names = append(names, a.Name)
		if a.Flags.Lookup("tests").Value.String() != "true" {
			t.Errorf("%s: tests setting not applied", a.Name)
		}
	}
	if !slices.Equal(names, []string{"hardcodedsecret", "staticcreds"}) {
		t.Errorf("analyzers %v", names)
	}
	if p.GetLoadMode() != "typesinfo" {
		t.Errorf("load mode %q", p.GetLoadMode())
	}
	if _, err := golangci.New(map[string]any{"tset": true}); err == nil {
		t.Error("a misspelt setting was accepted")
	}
	p, _ = golangci.New(map[string]any{"disable": []string{"nosuch"}})
	if _, err := p.BuildAnalyzers(); err == nil {
		t.Error("an unknown analyzer in disable was accepted")
	}
}

// repoRoot finds the keysweep module's root above the working directory.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.HasPrefix(data, []byte("module github.com/keysweep/keysweep\n")) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("keysweep's go.mod not found above the working directory")
		}
		dir = parent
	}
}

func run(t *testing.T, dir string, env []string, name string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestCustomGolangciLint builds golangci-lint with the plugin the way
// `golangci-lint custom` does (a main package running golangci-lint's
// commands, with a blank import of the plugin; the module comes from the
// module proxy, not from a git clone) and runs it on a module with
// planted problems, the plugin enabled in .golangci.yml.
func TestCustomGolangciLint(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads and builds golangci-lint")
	}
	root := repoRoot(t)
	build := t.TempDir()
	env := []string{"GOWORK=off", "GOFLAGS=-mod=mod", "CGO_ENABLED=0"}
	files := map[string]string{
		"go.mod": "module example.test/custom-gcl\n\ngo 1.26\n\nrequire (\n\tgithub.com/golangci/golangci-lint/v2 " + golangciVersion +
			"\n\tgithub.com/keysweep/keysweep v0.0.0\n)\n\nreplace github.com/keysweep/keysweep => " + root + "\n",
		"main.go": `// Command custom-gcl is golangci-lint with keysweep's plugin.
package main

import (
	"fmt"
	"os"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"
)

func main() {
	if err := commands.Execute(commands.BuildInfo{Version: "custom", Commit: "test", GoVersion: "go", Date: "now"}); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
`,
		"plugins.go": "package main\n\nimport (\n\t_ \"github.com/keysweep/keysweep/analyzers/golangci\"\n)\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(build, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := run(t, build, env, "go", "mod", "tidy"); err != nil {
		t.Fatalf("go mod tidy: %v\n%s", err, out)
	}
	bin := filepath.Join(build, "custom-gcl")
	if out, err := run(t, build, env, "go", "build", "-o", bin, "."); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	target := t.TempDir()
	token := rulestest.GitHubToken(rulestest.Rand(5))
	targetFiles := map[string]string{
		"go.mod": "module example.test/target\n\ngo 1.22\n",
		".golangci.yml": `version: "2"
linters:
  default: none
  enable:
    - keysweep
  settings:
    custom:
      keysweep:
        type: module
        description: keysweep's secret analyzers
        settings:
          tests: false
`,
		"main.go": `package main

import (
	"log"
	"net/url"
	"os"
)

const deployToken = "` + token + `"

func main() {
	_ = url.UserPassword("svc", "gcl-planted-pw")
	logit(os.Getenv("DB_PASSWORD"))
	_ = deployToken
}

func logit(v string) { log.Println(v) }
`,
	}
	for name, text := range targetFiles {
		if err := os.WriteFile(filepath.Join(target, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := run(t, target, []string{"GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off"}, bin, "run", "--output.text.path=stdout", "./...")
	if err == nil {
		t.Errorf("golangci-lint exited 0 with problems planted\n%s", out)
	}
	for _, want := range []string{
		"main.go:9:21: hardcodedsecret: GitHub personal access token (classic) assigned to deployToken (github-pat) (keysweep)",
		"main.go:12:30: staticcreds: literal password passed to url.UserPassword (go-static-credentials) (keysweep)",
		`main.go:13:7: secretleak: secret from os.Getenv("DB_PASSWORD") reaches main.logit (which passes it to log.Println) (go-secret-logged) (keysweep)`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q\n%s", want, out)
		}
	}
}
