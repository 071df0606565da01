package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// iamFixtures copies rules/iampolicy's fixtures (NAME.in) into a
// temporary folder under their real names.
func iamFixtures(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files, err := filepath.Glob("../../rules/iampolicy/testdata/*.in")
	if err != nil || len(files) < 5 {
		t.Fatalf("fixtures: %v %v", files, err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, strings.TrimSuffix(filepath.Base(f), ".in")), string(data))
	}
	return dir
}

type sarifLog struct {
	Runs []struct {
		Results []struct {
			RuleID    string `json:"ruleId"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine int `json:"startLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
		Invocations []struct {
			ExecutionSuccessful bool `json:"executionSuccessful"`
		} `json:"invocations"`
	} `json:"runs"`
}

// TestIAMCommandSARIFLines checks the exact line of each finding in the
// SARIF report, for every input format.
func TestIAMCommandSARIFLines(t *testing.T) {
	dir := iamFixtures(t)
	want := map[string][]string{
		"policy.json":                {"8 iam-secret-read-any", "18 iam-allow-not-action", "23 iam-service-wildcard", "24 iam-kms-decrypt-any"},
		"key-policy.json":            {"14 iam-resource-policy-public"},
		"main.tf":                    {"10 iam-secret-read-any", "25 iam-ssm-parameter-read-any", "30 iam-secret-read-any", "41 iam-kms-decrypt-any", "50 iam-allow-not-action", "51 iam-kms-decrypt-any", "51 iam-secret-read-any", "51 iam-ssm-parameter-read-any", "63 iam-resource-policy-public", "76 iam-admin-wildcard", "88 iac-lambda-env-literal-secret"},
		"template.yaml":              {"10 iac-lambda-env-literal-secret", "23 iam-secret-read-any", "38 iam-resource-policy-public", "46 iam-admin-wildcard", "65 iam-ssm-parameter-read-any", "68 iac-lambda-env-literal-secret"},
		"template.json":              {"33 iam-kms-decrypt-any", "41 iac-lambda-env-literal-secret"},
		"authorization-details.json": {"11 iam-secret-read-any", "11 iam-service-wildcard", "23 iam-resource-policy-cross-account", "32 iam-ssm-parameter-read-any"},
	}
	for name, lines := range want {
		t.Run(name, func(t *testing.T) {
			code, stdout, stderr := keysweep(t, "", "iam", "--format", "sarif", filepath.Join(dir, name))
			if code != exitFindings {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var log sarifLog
			if err := json.Unmarshal([]byte(stdout), &log); err != nil || len(log.Runs) != 1 {
				t.Fatalf("SARIF: %v", err)
			}
			var got []string
			for _, r := range log.Runs[0].Results {
				pl := r.Locations[0].PhysicalLocation
				if !strings.HasSuffix(pl.ArtifactLocation.URI, name) {
					t.Errorf("uri = %q", pl.ArtifactLocation.URI)
				}
				got = append(got, fmt.Sprintf("%d %s", pl.Region.StartLine, r.RuleID))
			}
			slices.Sort(got)
			w := slices.Clone(lines)
			slices.Sort(w)
			if !slices.Equal(got, w) {
				t.Errorf("results =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(w, "\n"))
			}
		})
	}
}

func TestIAMCommandExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "ok.json")
	write(t, good, `{"Statement": [{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:us-west-2:123456789012:secret:prod-rds-1a2b3c"}]}`)
	if code, stdout, stderr := keysweep(t, "", "iam", good); code != exitClean {
		t.Errorf("scoped policy: exit %d\n%s%s", code, stdout, stderr)
	}
	bad := filepath.Join(dir, "broken.json")
	write(t, bad, "{\n\"Statement\": [\n{\"Effect\": \"Allow\",, }\n]}\n")
	code, stdout, _ := keysweep(t, "", "iam", "--format", "json", bad)
	if code != exitError || !strings.Contains(stdout, filepath.ToSlash(bad)+`:3: `) {
		t.Errorf("malformed: exit %d\n%s", code, stdout)
	}
	other := filepath.Join(dir, "notes.txt")
	write(t, other, "hello\n")
	if code, stdout, _ := keysweep(t, "", "iam", "--format", "json", other); code != exitError || !strings.Contains(stdout, "not checked") {
		t.Errorf("unrecognised file: exit %d\n%s", code, stdout)
	}
	if code, _, _ := keysweep(t, "", "iam", filepath.Join(dir, "missing.json")); code != exitError {
		t.Errorf("missing file: exit %d", code)
	}
	if code, _, _ := keysweep(t, `{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}`, "iam", "-"); code != exitFindings {
		t.Errorf("stdin: exit %d", code)
	}
	if code, _, _ := keysweep(t, "", "iam"); code != exitError {
		t.Errorf("no args: exit %d", code)
	}
}

// TestScanRunsIAMCheck checks that `keysweep scan` runs the IAM check on
// the files it walks, without reporting a Lambda secret twice.
func TestScanRunsIAMCheck(t *testing.T) {
	dir := iamFixtures(t)
	code, out, stderr := scanJSON(t, dir)
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	count := map[string]int{}
	for _, f := range out.Findings {
		count[f.RuleID]++
	}
	if count["iam-admin-wildcard"] != 2 || count["iac-lambda-env-literal-secret"] != 4 || count["iam-resource-policy-public"] != 3 {
		t.Errorf("findings by rule = %v", count)
	}
}
