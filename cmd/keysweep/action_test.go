package main

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// actionManifest is the part of action.yml the tests read.
type actionManifest struct {
	Name   string `yaml:"name"`
	Inputs map[string]struct {
		Description string `yaml:"description"`
		Default     string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string           `yaml:"using"`
		Steps []map[string]any `yaml:"steps"`
	} `yaml:"runs"`
}

// TestActionManifest checks action.yml: a composite action with the
// documented inputs, each run step in bash, each action pinned to a major
// version, each input it uses declared, and each variable the entry script
// reads passed to it. With KEYSWEEP_ACTION_WORKFLOW set it writes the
// action as an equivalent reusable workflow there, which
// scripts/lint-actions.sh lints with actionlint.
func TestActionManifest(t *testing.T) {
	data, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var m actionManifest
	if err := yaml.Unmarshal(data, &m); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if m.Runs.Using != "composite" || len(m.Runs.Steps) == 0 {
		t.Fatalf("action.yml: runs.using %q with %d steps, want a composite action", m.Runs.Using, len(m.Runs.Steps))
	}
	for _, in := range []string{"args", "config", "baseline", "fail-on", "verify"} {
		if _, ok := m.Inputs[in]; !ok {
			t.Errorf("action.yml: no input %q", in)
		}
	}
	if d := m.Inputs["verify"].Default; d != "false" {
		t.Errorf("input verify defaults to %q, want false (verification sends credentials out)", d)
	}
	used := regexp.MustCompile(`inputs\.([a-z][a-z0-9-]*)`).FindAllStringSubmatch(string(data), -1)
	for _, u := range used {
		if _, ok := m.Inputs[u[1]]; !ok {
			t.Errorf("action.yml uses undeclared input %q", u[1])
		}
	}
	pinned := regexp.MustCompile(`^[\w.-]+/[\w./-]+@v\d+$`)
	var env []string
	for i, s := range m.Runs.Steps {
		if uses, ok := s["uses"].(string); ok && !pinned.MatchString(uses) {
			t.Errorf("step %d: uses %q, want owner/repo@vN", i, uses)
		}
		if _, ok := s["run"]; ok && s["shell"] != "bash" {
			t.Errorf("step %d: a run step needs shell: bash (composite actions require a shell)", i)
		}
		if e, ok := s["env"].(map[string]any); ok {
			for k := range e {
				env = append(env, k)
			}
		}
	}
	script, err := os.ReadFile("../../scripts/action-run.sh")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"KEYSWEEP_BIN", "KEYSWEEP_SARIF", "EVENT_BEFORE", "EVENT_AFTER", "PR_BASE_SHA", "PR_HEAD_SHA",
		"MG_BASE_SHA", "MG_HEAD_SHA", "DEFAULT_BRANCH", "INPUT_ARGS", "INPUT_CONFIG", "INPUT_BASELINE", "INPUT_FAIL_ON", "INPUT_VERIFY"} {
		if !strings.Contains(string(script), v) {
			t.Errorf("scripts/action-run.sh does not read %s", v)
		}
		if !slices.Contains(env, v) {
			t.Errorf("action.yml does not pass %s to the entry script", v)
		}
	}
	if !strings.Contains(string(data), "github/codeql-action/upload-sarif@") {
		t.Error("action.yml does not upload SARIF with github/codeql-action/upload-sarif")
	}
	if out := os.Getenv("KEYSWEEP_ACTION_WORKFLOW"); out != "" {
		if err := os.WriteFile(out, equivalentWorkflow(t, m), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// equivalentWorkflow returns action m as a reusable workflow with the same
// inputs and steps, which actionlint can lint.
func equivalentWorkflow(t *testing.T, m actionManifest) []byte {
	inputs := map[string]any{}
	for name, in := range m.Inputs {
		inputs[name] = map[string]any{"type": "string", "required": false, "default": in.Default, "description": in.Description}
	}
	wf := map[string]any{
		"name":        m.Name + " (action.yml as a workflow, for actionlint)",
		"on":          map[string]any{"workflow_call": map[string]any{"inputs": inputs}},
		"permissions": map[string]any{"contents": "read", "security-events": "write"},
		"jobs":        map[string]any{"action": map[string]any{"runs-on": "ubuntu-latest", "steps": m.Runs.Steps}},
	}
	out, err := yaml.Marshal(wf)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
