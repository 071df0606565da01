package iampolicy

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/keysweep/keysweep/finding"
)

func addFixtures(f *testing.F, pattern string) {
	f.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", pattern))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// FuzzPolicy feeds the policy parser and both analyses arbitrary
// documents: they must return findings or an error, never panic.
func FuzzPolicy(f *testing.F) {
	addFixtures(f, "*.json.in")
	f.Add([]byte(`{"Statement": {"Effect": "Allow", "NotAction": "iam:*", "NotResource": ["a*"], "Condition": {"Null": {"a": true}}}}`))
	f.Add([]byte(`{"Statement": [{"Effect": "Deny", "Principal": {"AWS": ["*", 1]}, "Action": "*:*", "Resource": "*"}]}`))
	a := NewAnalyzer(testEngine(f))
	loc := finding.Location{Kind: finding.KindResource, Resource: "arn:aws:iam::123456789012:policy/p", Field: "p"}
	f.Fuzz(func(t *testing.T, doc []byte) {
		fs, err := a.IdentityPolicy(doc, loc)
		if err != nil && len(fs) > 0 {
			t.Fatal("findings with an error")
		}
		_, _ = a.ResourcePolicy(doc, KindSecret, "123456789012", loc)
	})
}

// FuzzTerraform feeds the Terraform reader arbitrary files.
func FuzzTerraform(f *testing.F) {
	addFixtures(f, "*.tf.in")
	f.Add([]byte("data \"aws_iam_policy_document\" \"x\" {\n statement {\n  principals {\n   type = \"*\"\n   identifiers = [\"*\"]\n  }\n  condition {\n   test = var.t\n  }\n }\n}\n"))
	a := NewAnalyzer(testEngine(f))
	loc := finding.Location{Kind: finding.KindFile, Path: "main.tf", Key: "main.tf"}
	f.Fuzz(func(t *testing.T, content []byte) {
		// The reader and the policy analysis; the content rules that
		// Lambda values also go through are fuzzed in package rules.
		tf, err := readTerraform(content, "main.tf")
		if err != nil {
			return
		}
		for _, p := range tf.policies {
			_, _ = a.analyse(p.doc, p.name, p.kind, "", p.cols, loc)
		}
	})
}

// FuzzCloudFormation feeds the template reader arbitrary YAML and JSON.
func FuzzCloudFormation(f *testing.F) {
	addFixtures(f, "template.*.in")
	addFixtures(f, "authorization-details.json.in")
	f.Add([]byte("Resources:\n  A: &a\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument: !Sub [\"${X}\", {X: !GetAtt B.Arn}]\n  B: *a\n"))
	a := NewAnalyzer(testEngine(f))
	loc := finding.Location{Kind: finding.KindFile, Path: "template.yaml", Key: "template.yaml"}
	f.Fuzz(func(t *testing.T, content []byte) {
		// The readers and the policy analysis; the content rules that
		// Lambda values also go through are fuzzed in package rules.
		for _, parse := range []func([]byte) (*node, error){parseYAML, func(b []byte) (*node, error) { return parseJSON(b, 1) }} {
			doc, err := parse(content)
			if err != nil {
				continue
			}
			if isTemplate(doc) {
				for _, p := range readTemplate(doc).policies {
					_, _ = a.analyse(p.doc, p.name, p.kind, "", p.cols, loc)
				}
			}
			if isAuthDetails(doc) {
				for _, p := range readAuthDetails(doc) {
					_, _ = a.analyse(p.doc, p.name, p.kind, p.account, true, loc)
				}
			}
		}
	})
}
