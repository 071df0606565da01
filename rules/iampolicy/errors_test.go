package iampolicy

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
)

// TestMalformedInput checks that a file meant for the check that does not
// parse gives an error naming the file and the line, and that files that
// are none of its business give nothing.
func TestMalformedInput(t *testing.T) {
	check := NewFileCheck(testEngine(t))
	tests := []struct {
		path, content, want string
	}{
		{"policy.json", "{\n  \"Statement\": [\n    {\"Effect\": \"Allow\" \"Action\": \"*\"}\n  ]\n}\n", "policy.json:3: "},
		{"policy.json", "{\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}\n", "policy.json:3: unexpected end"},
		{"policy.json", "{\n  \"Statement\": [\n    {\"Effect\": \"Permit\", \"Action\": \"*\", \"Resource\": \"*\"}\n  ]\n}\n", "policy.json:3: statement #1: Effect must be Allow or Deny"},
		{"main.tf", "resource \"aws_iam_policy\" \"p\" {\n  policy = jsonencode({\n    Statement = [\n  })\n}\n", "main.tf:4: "},
		{"main.tf", "resource \"aws_iam_policy\" \"p\" {\n  name = \"p\"\n  policy = <<EOF\n{\n  \"Statement\": [\n    {\"Effect\": \"Allow\",, \"Action\": \"*\"}\n  ]\n}\nEOF\n}\n", "main.tf:6: aws_iam_policy.p: "},
		{"template.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties: {PolicyDocument: [\n", "template.yaml:5: did not find expected node content"},
		{"template.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Resource: \"*\"\n", "template.yaml:8: P: statement #1 needs exactly one of Action and NotAction"},
		{"template.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n\"Resources\": {\"P\": {\"Type\": \"AWS::IAM::Policy\", \"Properties\": {\"PolicyDocument\": \"{not json\"}}}}\n", "template.json:2: "},
		{"authorization-details.json", "{\"RoleDetailList\": [{\"RoleName\": \"r\",\n\"AssumeRolePolicyDocument\": \"%ZZ\"}]}", "authorization-details.json:2: role r trust policy: policy document is neither JSON nor URL-encoded JSON"},
	}
	for _, tt := range tests {
		loc := finding.Location{Kind: finding.KindFile, Path: tt.path, Key: tt.path}
		_, err := check.Check(context.Background(), []byte(tt.content), loc)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s %q: err = %v, want prefix %q", tt.path, tt.content, err, tt.want)
		}
	}
	for path, content := range map[string]string{
		"package.json":   `{"name": "x", "dependencies": {`,
		"config.yaml":    "a: [1, 2\n",
		"data.json":      `{"Statement": "not a policy but a sentence"`,
		"compose.yml":    "services:\n  web:\n    image: nginx\n",
		"other.json":     `{"Resources": {"A": {"Type": "Custom::Thing"}}}`,
		"list.json":      `["Statement"]`,
		"notes.template": "Hello {{name}}",
	} {
		loc := finding.Location{Kind: finding.KindFile, Path: path, Key: path}
		fs, err := check.Check(context.Background(), []byte(content), loc)
		if path == "data.json" {
			// It says Statement, so it is meant to be a policy: an error.
			if err == nil || !strings.HasPrefix(err.Error(), "data.json:1: ") {
				t.Errorf("%s: err = %v", path, err)
			}
			continue
		}
		if err != nil || len(fs) > 0 {
			t.Errorf("%s: findings %v, err %v; want none", path, fs, err)
		}
	}
}

func TestMatch(t *testing.T) {
	check := NewFileCheck(testEngine(t))
	for p, want := range map[string]bool{
		"infra/main.tf": true, "policy.JSON": true, "template.yaml": true, "t.yml": true, "stack.template": true,
		"main.go": false, "README.md": false, "Dockerfile": false, "main.tf.in": false,
	} {
		if got := check.Match(p); got != want {
			t.Errorf("Match(%q) = %v", p, got)
		}
	}
	if check.Name() != "iam" {
		t.Errorf("Name = %q", check.Name())
	}
}

func TestYAMLAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("AWSTemplateFormatVersion: x\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 9; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	check := NewFileCheck(testEngine(t))
	loc := finding.Location{Kind: finding.KindFile, Path: "t.yaml", Key: "t.yaml"}
	_, err := check.Check(context.Background(), []byte(b.String()), loc)
	if err == nil || !strings.Contains(err.Error(), "too many nodes") {
		t.Errorf("err = %v", err)
	}
}
