package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/rules/rulestest"
)

// vetModule writes a module of the given files (and a go.mod) into a
// temporary folder and makes it the working directory.
func vetModule(t *testing.T, files map[string]string) {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module example.test/vetme\n\ngo 1.22\n")
	for name, text := range files {
		write(t, filepath.Join(dir, name), text)
	}
	t.Chdir(dir)
	t.Setenv("GOWORK", "off")
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOPROXY", "off")
}

func TestVetCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks packages and their dependencies from source")
	}
	token := rulestest.GitHubToken(rulestest.Rand(11))
	vetModule(t, map[string]string{
		"main.go": `package main

import (
	"log"
	"net/url"
	"os"
)

var deploy = "` + token + `"

func main() {
	_ = url.UserPassword("svc", "vet-planted-pw")
	log.Println(os.Getenv("API_TOKEN"), deploy)
}
`,
		"lib/lib.go": "// Package lib is clean.\npackage lib\n\n// N is a number.\nconst N = 1\n",
	})
	code, stdout, stderr := keysweep(t, "", "vet", "--format", "json")
	if code != exitFindings {
		t.Fatalf("exit %d, want %d\n%s\n%s", code, exitFindings, stdout, stderr)
	}
	var out jsonOut
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range out.Findings {
		got = append(got, f.RuleID+" "+f.Location.Path)
		if f.Fingerprint == "" {
			t.Errorf("%s: no fingerprint", f.RuleID)
		}
	}
	slices.Sort(got)
	want := []string{"github-pat main.go", "go-secret-logged main.go", "go-static-credentials main.go"}
	if !slices.Equal(got, want) || !out.Complete {
		t.Errorf("findings %q (complete %v), want %q", got, out.Complete, want)
	}
	if strings.Contains(stdout, token) || strings.Contains(stdout, "vet-planted-pw") {
		t.Error("a secret was printed unredacted")
	}

	code, stdout, _ = keysweep(t, "", "vet", "--format", "sarif", "./...")
	if code != exitFindings || !strings.Contains(stdout, `"ruleId": "go-static-credentials"`) {
		t.Errorf("sarif: exit %d\n%.400s", code, stdout)
	}
	if code, _, _ := keysweep(t, "", "vet", "./lib"); code != exitClean {
		t.Errorf("clean package: exit %d, want %d", code, exitClean)
	}
}

func TestVetCommandBrokenPackage(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks packages and their dependencies from source")
	}
	vetModule(t, map[string]string{
		"main.go": "package main\n\nfunc main() { var x int = \"not an int\"; _ = x }\n",
	})
	code, stdout, stderr := keysweep(t, "", "vet", "--format", "json")
	var out jsonOut
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("exit %d: %v\n%s", code, err, stderr)
	}
	if code != exitError || out.Complete || len(out.Notices) == 0 || strings.Contains(stdout, "not an int") {
		t.Errorf("exit %d, complete %v, notices %v; want exit %d, an error notice without source text", code, out.Complete, out.Notices, exitError)
	}
}
