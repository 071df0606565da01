// Package atest prepares the analyzers' test data: it copies a testdata
// tree into a temporary GOPATH, filling in fake secrets generated at test
// time (so that no realistic credential is committed), and runs the
// catalog's examples of a check through an analyzer.
package atest

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/keysweep/keysweep/rules"
	"github.com/keysweep/keysweep/rules/rulestest"
)

// placeholder is {{name}} or {{name[from:to]}} in a testdata file.
var placeholder = regexp.MustCompile(`\{\{([a-z0-9]+)(?:\[(\d*):(\d*)\])?\}\}`)

// Values returns the fake secrets that placeholders name, generated from
// seed: ghp (a checksum-valid GitHub token), akia and awssecret (an AWS
// key pair), rand and rand2 (24 random letters and digits), pem (a PEM
// private-key block, with \n escapes, whose body is not a key).
func Values(seed uint64) map[string]string {
	r := rulestest.Rand(seed)
	return map[string]string{
		"ghp":       rulestest.GitHubToken(r),
		"akia":      rulestest.AWSAccessKeyID(r),
		"awssecret": rulestest.AWSSecretKey(r),
		"rand":      randomish(r),
		"rand2":     randomish(r),
		"pem":       `-----BEGIN EC PRIVATE KEY-----\nTm90IGEga2V5\n-----END EC PRIVATE KEY-----\n`,
	}
}

// randomish returns 24 letters and digits holding both.
func randomish(r *rand.Rand) string {
	const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	for {
		s := rulestest.String(r, alnum, 24)
		if strings.ContainsAny(s, "0123456789") && strings.ContainsAny(s, "abcdefghijklmnopqrstuvwxyz") {
			return s
		}
	}
}

// Fill replaces the placeholders in text with values.
func Fill(text string, values map[string]string) (string, error) {
	var err error
	out := placeholder.ReplaceAllStringFunc(text, func(m string) string {
		g := placeholder.FindStringSubmatch(m)
		v, ok := values[g[1]]
		if !ok {
			err = fmt.Errorf("unknown placeholder %s", m)
			return m
		}
		from, to := 0, len(v)
		if g[2] != "" {
			from, _ = strconv.Atoi(g[2])
		}
		if g[3] != "" {
			to, _ = strconv.Atoi(g[3])
		}
		return v[from:to]
	})
	return out, err
}

// Copy copies the tree dir (a testdata folder holding src/) into a new
// temporary folder, filling placeholders in .go files, and returns it.
func Copy(t *testing.T, dir string) string {
	t.Helper()
	dst := t.TempDir()
	values := Values(1)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		text, err := Fill(string(data), values)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		return os.WriteFile(target, []byte(text), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// recorder is an analysistest.Testing that keeps errors instead of
// failing: the examples have no // want comments.
type recorder struct{}

func (recorder) Errorf(string, ...any) {}

// Examples runs every example and negative example of the catalog's "go"
// rules in ids through a, each as package main of its own, and fails t
// when a positive example does not yield a diagnostic of its rule or a
// negative one does. It fails too when one of ids is not in the catalog.
func Examples(t *testing.T, a *analysis.Analyzer, ids ...string) {
	t.Helper()
	specs, err := rules.CheckRules(rules.CheckGo)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		i := slices.IndexFunc(specs, func(s rules.RuleSpec) bool { return s.ID == id })
		if i < 0 {
			t.Errorf("rule %s is not a %q rule of the catalog", id, rules.CheckGo)
			continue
		}
		spec := specs[i]
		run := func(kind string, n int, src string, want bool) {
			dir := t.TempDir()
			pkg := filepath.Join(dir, "src", "example")
			if err := os.MkdirAll(pkg, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(pkg, "main.go"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			res := analysistest.Run(recorder{}, dir, a, "example")
			if len(res) == 0 {
				t.Errorf("rule %s: %s %d: the example did not load", id, kind, n)
			}
			got := false
			for _, r := range res {
				if r.Err != nil {
					t.Errorf("rule %s: %s %d: %v", id, kind, n, r.Err)
				}
				for _, d := range r.Diagnostics {
					got = got || d.Category == id
				}
			}
			if got != want {
				t.Errorf("rule %s: %s %d: reported %v, want %v", id, kind, n, got, want)
			}
		}
		for n, ex := range spec.Examples {
			run("example", n+1, ex, true)
		}
		for n, ex := range spec.NegativeExamples {
			run("negative example", n+1, ex, false)
		}
	}
}
