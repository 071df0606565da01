package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestCompletion(t *testing.T) {
	for shell, marker := range map[string]string{
		"bash": "__start_keysweep",
		"zsh":  "#compdef keysweep",
		"fish": "complete -c keysweep",
	} {
		code, stdout, stderr := keysweep(t, "", "completion", shell)
		if code != exitClean || !strings.Contains(stdout, marker) {
			t.Errorf("completion %s: exit %d, no %q in %d bytes; %s", shell, code, marker, len(stdout), stderr)
		}
	}
	// Completion of the commands themselves, as the shell asks for it.
	code, stdout, _ := keysweep(t, "", "__complete", "gi")
	if code != exitClean || !strings.Contains(stdout, "git") {
		t.Errorf("__complete gi: exit %d %q", code, stdout)
	}
}

func TestManPages(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := keysweep(t, "", "man", dir); code != exitClean {
		t.Fatalf("man: exit %d: %s", code, stderr)
	}
	for _, page := range []string{"keysweep.1", "keysweep-scan.1", "keysweep-git.1", "keysweep-version.1"} {
		data, err := os.ReadFile(filepath.Join(dir, page))
		if err != nil {
			t.Error(err)
			continue
		}
		if !strings.Contains(string(data), `.TH "KEYSWEEP" "1"`) || !strings.Contains(string(data), ".SH NAME") {
			t.Errorf("%s is not a man page:\n%.300s", page, data)
		}
	}
	git, _ := os.ReadFile(filepath.Join(dir, "keysweep-git.1"))
	if !strings.Contains(string(git), `\fB--range\fP`) {
		t.Error("keysweep-git.1 does not document --range")
	}
	if code, _, _ := keysweep(t, "", "man"); code != exitError {
		t.Errorf("man without a folder: exit %d, want %d", code, exitError)
	}
}

func TestVersionStamps(t *testing.T) {
	saved := [3]string{version, commit, date}
	t.Cleanup(func() { version, commit, date = saved[0], saved[1], saved[2] })
	version, commit, date = "v1.2.3", "0123456789abcdef0123456789abcdef01234567", "2026-11-29T12:00:00Z"
	code, stdout, _ := keysweep(t, "", "version")
	want := "keysweep v1.2.3\ncommit: 0123456789abcdef0123456789abcdef01234567\ndate: 2026-11-29T12:00:00Z\ngo: "
	if code != exitClean || !strings.HasPrefix(stdout, want) {
		t.Errorf("version: exit %d\n%s\nwant prefix\n%s", code, stdout, want)
	}
}

// TestDeployRecipes checks that the deploy/ recipes parse, that the ECS
// template grants exactly docs/aws-sweep-policy.json, and that the
// Kubernetes CronJob runs keysweep's sweep as non-root under IRSA.
func TestDeployRecipes(t *testing.T) {
	policy := readSweepPolicy(t)
	var cfn struct {
		Resources map[string]struct {
			Type       string         `yaml:"Type"`
			Properties map[string]any `yaml:"Properties"`
		} `yaml:"Resources"`
	}
	readYAML(t, "../../deploy/ecs/keysweep-sweep.yaml", &cfn)
	role := cfn.Resources["TaskRole"].Properties
	pols, _ := role["Policies"].([]any)
	if len(pols) != 1 {
		t.Fatalf("TaskRole: %d inline policies, want 1", len(pols))
	}
	doc := pols[0].(map[string]any)["PolicyDocument"]
	if got := statementActions(t, doc); !equalActions(got, policy) {
		t.Errorf("TaskRole's policy is not docs/aws-sweep-policy.json:\n got %v\nwant %v", got, policy)
	}
	types := map[string]bool{}
	for _, r := range cfn.Resources {
		types[r.Type] = true
	}
	for _, want := range []string{"AWS::Scheduler::Schedule", "AWS::ECS::TaskDefinition", "AWS::ECS::Cluster"} {
		if !types[want] {
			t.Errorf("deploy/ecs: no %s", want)
		}
	}

	data, err := os.ReadFile("../../deploy/kubernetes/cronjob.yaml")
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]map[string]any{}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	for {
		var obj map[string]any
		if err := dec.Decode(&obj); err != nil {
			break
		}
		kinds[obj["kind"].(string)] = obj
	}
	sa := kinds["ServiceAccount"]
	if sa == nil || dig(sa, "metadata", "annotations", "eks.amazonaws.com/role-arn") == nil {
		t.Error("deploy/kubernetes: no ServiceAccount with an IRSA role annotation")
	}
	cj := kinds["CronJob"]
	pod := dig(cj, "spec", "jobTemplate", "spec", "template", "spec")
	if pod == nil {
		t.Fatal("deploy/kubernetes: no CronJob pod spec")
	}
	p := pod.(map[string]any)
	if p["serviceAccountName"] != dig(sa, "metadata", "name") || dig(p, "securityContext", "runAsNonRoot") != true {
		t.Errorf("CronJob pod: service account %v, runAsNonRoot %v", p["serviceAccountName"], dig(p, "securityContext", "runAsNonRoot"))
	}
	c := p["containers"].([]any)[0].(map[string]any)
	if args := c["args"].([]any); len(args) == 0 || args[0] != "aws" {
		t.Errorf("CronJob container args %v, want the aws sweep", args)
	}
	if dig(c, "securityContext", "readOnlyRootFilesystem") != true || dig(c, "securityContext", "allowPrivilegeEscalation") != false {
		t.Error("CronJob container: want a read-only root and no privilege escalation")
	}
}

func readYAML(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// readSweepPolicy returns the actions of docs/aws-sweep-policy.json, by
// statement Sid.
func readSweepPolicy(t *testing.T) map[string][]string {
	t.Helper()
	data, err := os.ReadFile("../../docs/aws-sweep-policy.json")
	if err != nil {
		t.Skipf("docs/aws-sweep-policy.json: %v (the AWS sweep has not landed)", err)
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("docs/aws-sweep-policy.json: %v", err)
	}
	return statementActions(t, doc)
}

// statementActions returns a policy document's actions by statement Sid
// (with the resources, so a narrowed or widened resource shows too).
func statementActions(t *testing.T, doc any) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	stmts, _ := dig(doc, "Statement").([]any)
	for _, s := range stmts {
		m, _ := s.(map[string]any)
		sid, _ := m["Sid"].(string)
		for _, key := range []string{"Action", "Resource"} {
			switch v := m[key].(type) {
			case string:
				out[sid] = append(out[sid], key+":"+v)
			case []any:
				for _, a := range v {
					out[sid] = append(out[sid], key+":"+a.(string))
				}
			}
		}
		slices.Sort(out[sid])
	}
	if len(out) == 0 {
		t.Fatal("policy document without statements")
	}
	return out
}

func equalActions(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// dig follows map keys into nested YAML or JSON values.
func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}
