package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// readmeBlock is one fenced code block of the README.
type readmeBlock struct {
	lang, text string
	line       int
}

// readmeBlocks returns the README's fenced code blocks.
func readmeBlocks(t *testing.T, readme string) []readmeBlock {
	t.Helper()
	var out []readmeBlock
	var cur *readmeBlock
	for i, line := range strings.Split(readme, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case cur == nil && strings.HasPrefix(trimmed, "```"):
			cur = &readmeBlock{lang: strings.TrimPrefix(trimmed, "```"), line: i + 1}
		case cur != nil && trimmed == "```":
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			cur.text += line + "\n"
		}
	}
	if cur != nil {
		t.Fatalf("README.md: code block at line %d is not closed", cur.line)
	}
	return out
}

// TestReadmeYAML checks that every YAML snippet of the README parses, that
// a workflow's use of the action passes only inputs action.yml declares,
// and that pre-commit hook IDs exist in .pre-commit-hooks.yaml.
func TestReadmeYAML(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var action actionManifest
	readYAML(t, "../../action.yml", &action)
	var hooks []struct {
		ID string `yaml:"id"`
	}
	readYAML(t, "../../.pre-commit-hooks.yaml", &hooks)
	n := 0
	for _, b := range readmeBlocks(t, string(data)) {
		if b.lang != "yaml" && b.lang != "yml" {
			continue
		}
		n++
		var doc map[string]any
		if err := yaml.Unmarshal([]byte(b.text), &doc); err != nil {
			t.Errorf("README.md:%d: YAML does not parse: %v", b.line, err)
			continue
		}
		jobs, _ := doc["jobs"].(map[string]any)
		for _, job := range jobs {
			steps, _ := dig(job, "steps").([]any)
			for _, s := range steps {
				uses, _ := dig(s, "uses").(string)
				if !strings.HasPrefix(uses, "keysweep/keysweep@") {
					continue
				}
				with, _ := dig(s, "with").(map[string]any)
				for in := range with {
					if _, ok := action.Inputs[in]; !ok {
						t.Errorf("README.md:%d: the action has no input %q", b.line, in)
					}
				}
			}
		}
		repos, _ := doc["repos"].([]any)
		for _, r := range repos {
			for _, h := range dig(r, "hooks").([]any) {
				id := dig(h, "id")
				found := false
				for _, hk := range hooks {
					found = found || hk.ID == id
				}
				if !found {
					t.Errorf("README.md:%d: no pre-commit hook %v in .pre-commit-hooks.yaml", b.line, id)
				}
			}
		}
	}
	if n < 2 {
		t.Errorf("README.md has %d YAML snippets, want the pre-commit and the Action ones", n)
	}
}

var inlineCode = regexp.MustCompile("`([^`\n]+)`")

// readmeCommands returns every keysweep command line of the README: in
// shell code blocks and in inline code, each without its comment and with
// pipes split.
func readmeCommands(t *testing.T, readme string) []string {
	var lines []string
	for _, b := range readmeBlocks(t, readme) {
		if b.lang == "sh" || b.lang == "bash" || b.lang == "console" {
			lines = append(lines, strings.Split(b.text, "\n")...)
		}
	}
	for _, m := range inlineCode.FindAllStringSubmatch(readme, -1) {
		lines = append(lines, m[1])
	}
	var out []string
	for _, l := range lines {
		if i := strings.Index(l, " #"); i >= 0 {
			l = l[:i]
		}
		for _, seg := range strings.Split(l, "|") {
			f := strings.Fields(seg)
			if len(f) >= 2 && f[0] == "keysweep" {
				out = append(out, strings.Join(f, " "))
			}
		}
	}
	return out
}

// TestReadmeFlags checks that every flag used with a keysweep command in
// the README exists in that command's --help. A command that does not
// exist (yet) is skipped by name, so the check turns on when it lands.
func TestReadmeFlags(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	root, _ := newRootCmd(nil, nil, nil)
	root.InitDefaultCompletionCmd() // cobra adds it when the command runs
	help := map[string]string{}
	cmds := readmeCommands(t, string(data))
	if len(cmds) < 10 {
		t.Fatalf("found %d keysweep command lines in README.md; the extraction is broken", len(cmds))
	}
	// The check itself: a flag --help lists, and one it does not.
	if _, h, _ := keysweep(t, "", "scan", "--help"); !helpHasFlag(h, "-o") || !helpHasFlag(h, "--fail-on") || helpHasFlag(h, "--no-such-flag") || helpHasFlag(h, "--fail") {
		t.Fatal("helpHasFlag does not tell listed flags from others")
	}
	for _, line := range cmds {
		f := strings.Fields(line)
		sub := f[1]
		t.Run(strings.ReplaceAll(line, "/", "_"), func(t *testing.T) {
			if strings.HasPrefix(sub, "-") {
				sub = ""
			} else if c, _, err := root.Find([]string{sub}); err != nil || c == root {
				t.Skipf("keysweep %s does not exist yet", sub)
			}
			h, ok := help[sub]
			if !ok {
				args := []string{"--help"}
				if sub != "" {
					args = []string{sub, "--help"}
				}
				code, stdout, stderr := keysweep(t, "", args...)
				if code != exitClean {
					t.Fatalf("keysweep %s --help: exit %d: %s", sub, code, stderr)
				}
				h, help[sub] = stdout, stdout
			}
			for _, w := range f[2:] {
				if !strings.HasPrefix(w, "-") || w == "-" {
					continue
				}
				name, _, _ := strings.Cut(w, "=")
				if !helpHasFlag(h, name) {
					t.Errorf("README uses %s with keysweep %s, which its --help does not list", name, sub)
				}
			}
		})
	}
}

// helpHasFlag reports whether a command's --help lists flag name ("--x",
// or a shorthand "-x").
func helpHasFlag(help, name string) bool {
	var pat string
	if strings.HasPrefix(name, "--") {
		pat = `(^|[ ,])` + regexp.QuoteMeta(name) + `([ =\n]|$)`
	} else {
		pat = `(^|\s)` + regexp.QuoteMeta(name) + `, --`
	}
	return regexp.MustCompile(`(?m)` + pat).MatchString(help)
}
