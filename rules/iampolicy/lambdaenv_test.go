package iampolicy

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
	"github.com/keysweep/keysweep/rules/rulestest"
)

// TestLambdaEnvNoDoubleReport checks who reports a literal in a Lambda
// environment: the content rules when they match the file's raw text
// (`keysweep scan` runs them on it), the check when only the decoded value
// matches, and the structural rule when no content rule does.
func TestLambdaEnvNoDoubleReport(t *testing.T) {
	e := testEngine(t)
	check := NewFileCheck(e)
	tok := rulestest.GitHubToken(rulestest.Rand(6))
	escaped := strings.Replace(tok, "_", `\u005f`, 1)
	tests := []struct {
		name, path, content string
		want                string // "line rule" of the check's findings
	}{
		{"raw match left to content rules", "template.yaml", cfnFn("GITHUB_TOKEN: " + tok), ""},
		{"generic raw match left to content rules", "template.yaml", cfnFn("DB_PASSWORD: Hx7-kq2Lm9-pZ"), ""}, // keysweep:allow plainly fake password: the content rule must match it
		{"escaped value found by the check", "template.json",
			`{"Resources": {"Fn": {"Type": "AWS::Lambda::Function", "Properties": {` + "\n" +
				`"Environment": {"Variables": {"GH": "` + escaped + `"}}}}}}`, "2 github-pat"},
		{"name only", "template.yaml", cfnFn("API_TOKEN: Zq81mX"), "7 " + RuleLambdaEnvSecret},
		{"reference name", "template.yaml", cfnFn("API_TOKEN_PARAM: Zq81mX"), ""},
		{"inline allow", "template.yaml", cfnFn("API_TOKEN: " + tok + " # keysweep:allow test fixture"), ""},
		{"terraform raw match", "main.tf", tfFn(`GITHUB_TOKEN = "` + tok + `"`), ""},
		{"terraform name only", "main.tf", tfFn(`SESSION_SECRET = "Zq81mX"`), "5 " + RuleLambdaEnvSecret},
		{"terraform interpolation", "main.tf", tfFn(`SESSION_SECRET = "${var.secret}"`), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc := finding.Location{Kind: finding.KindFile, Path: tt.path, Key: tt.path}
			fs, err := check.Check(context.Background(), []byte(tt.content), loc)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range fs {
				got = append(got, fmt.Sprintf("%d %s", f.Location.StartLine, f.RuleID))
				if strings.Contains(f.Message, tok) || strings.Contains(f.Message, "Zq81mX") {
					t.Errorf("message holds the secret: %q", f.Message)
				}
			}
			if strings.Join(got, ",") != tt.want {
				t.Errorf("findings = %v, want %q", got, tt.want)
			}
			if tt.want == "" && strings.Contains(tt.content, tok) && !strings.Contains(tt.content, "keysweep:allow") {
				// The raw text's scan does report it, once.
				res := e.Scan(rules.Chunk{Data: []byte(tt.content), Location: loc})
				if len(res.Findings) != 1 || res.Findings[0].RuleID != "github-pat" {
					t.Errorf("content scan = %v", res.Findings)
				}
			}
		})
	}
}

func cfnFn(variable string) string {
	return "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables:\n          " + variable + "\n"
}

func tfFn(variable string) string {
	return "resource \"aws_lambda_function\" \"f\" {\n  environment {\n    variables = {\n      A = \"b\"\n      " + variable + "\n    }\n  }\n}\n"
}
