package iampolicy

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
)

// fixtureFindings runs the file check on testdata/NAME.in as if it were
// NAME, and returns "line:col rule" for each finding, sorted.
func fixtureFindings(t *testing.T, name string) ([]string, []finding.Finding) {
	t.Helper()
	content, err := os.ReadFile(filepath.Join("testdata", name+".in"))
	if err != nil {
		t.Fatal(err)
	}
	check := NewFileCheck(testEngine(t))
	loc := finding.Location{Kind: finding.KindFile, Path: name, Key: name}
	if !check.Match(name) {
		t.Fatalf("check does not match %s", name)
	}
	fs, err := check.Check(context.Background(), content, loc)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%d:%d %s", f.Location.StartLine, f.Location.StartColumn, f.RuleID))
	}
	slices.Sort(got)
	return got, fs
}

// TestFixtures checks the exact place of every finding, per input format.
func TestFixtures(t *testing.T) {
	tests := map[string][]string{
		"policy.json": {
			"18:7 iam-allow-not-action",
			"23:7 iam-service-wildcard",
			"24:7 iam-kms-decrypt-any",
			"8:7 iam-secret-read-any",
		},
		"key-policy.json": {
			"14:7 iam-resource-policy-public",
		},
		"main.tf": {
			"10:9 iam-secret-read-any",
			"25:0 iam-ssm-parameter-read-any",
			"30:0 iam-secret-read-any",
			"41:5 iam-kms-decrypt-any",
			"50:5 iam-allow-not-action",
			"51:5 iam-kms-decrypt-any",
			"51:5 iam-secret-read-any",
			"51:5 iam-ssm-parameter-read-any",
			"63:5 iam-resource-policy-public",
			"76:0 iam-admin-wildcard",
			"88:21 iac-lambda-env-literal-secret",
		},
		"template.yaml": {
			"10:22 iac-lambda-env-literal-secret",
			"23:13 iam-secret-read-any",
			"38:13 iam-resource-policy-public",
			"46:17 iam-admin-wildcard",
			"65:15 iam-ssm-parameter-read-any",
			"68:34 iac-lambda-env-literal-secret",
		},
		"template.json": {
			"33:60 iam-kms-decrypt-any",
			"41:55 iac-lambda-env-literal-secret",
		},
		"authorization-details.json": {
			"11:47 iam-service-wildcard",
			"11:77 iam-secret-read-any",
			"23:0 iam-resource-policy-cross-account",
			"32:114 iam-ssm-parameter-read-any",
		},
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			got, fs := fixtureFindings(t, name)
			if !slices.Equal(got, want) {
				t.Errorf("findings =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
				for _, f := range fs {
					t.Logf("%d %s: %s", f.Location.StartLine, f.RuleID, f.Message)
				}
			}
		})
	}
}

// TestResourcePoliciesInTemplates checks that secret and key policies in
// Terraform and CloudFormation are judged as resource policies.
func TestResourcePoliciesInTemplates(t *testing.T) {
	check := NewFileCheck(testEngine(t))
	tests := []struct{ path, content, want string }{
		{"main.tf", `resource "aws_secretsmanager_secret_policy" "p" {
  secret_arn = aws_secretsmanager_secret.db.arn
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "secretsmanager:GetSecretValue"
      Resource  = "*"
    }]
  })
}
`, "6 " + RulePublicResource},
		{"main.tf", `resource "aws_kms_key" "k" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "kms:Decrypt"
      Resource  = "*"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc" } }
    }]
  })
}
`, ""},
		{"main.tf", `resource "aws_iam_role" "r" {
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "sts:AssumeRole" }]
  })
  inline_policy {
    name   = "read"
    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "ssm:GetParameter", Resource = "*" }] })
  }
}
`, "3 " + RulePublicResource + ",7 " + RuleSSMParameterReadAny},
		{"template.yaml", `Resources:
  P:
    Type: AWS::SecretsManager::ResourcePolicy
    Properties:
      ResourcePolicy:
        Statement:
          - Effect: Allow
            Principal: {AWS: "*"}
            Action: secretsmanager:GetSecretValue
            Resource: "*"
`, "8 " + RulePublicResource},
	}
	for _, tt := range tests {
		loc := finding.Location{Kind: finding.KindFile, Path: tt.path, Key: tt.path}
		fs, err := check.Check(context.Background(), []byte(tt.content), loc)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range fs {
			got = append(got, fmt.Sprintf("%d %s", f.Location.StartLine, f.RuleID))
		}
		slices.Sort(got)
		if strings.Join(got, ",") != tt.want {
			t.Errorf("%s\nfindings = %v, want %q", tt.content, got, tt.want)
		}
	}
}
