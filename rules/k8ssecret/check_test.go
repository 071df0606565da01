package k8ssecret

import (
	"context"
	"encoding/base64"
	"slices"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
	"github.com/keysweep/keysweep/rules/rulestest"
)

// engine is the built-in catalog's engine, compiled once.
func engine(t testing.TB) *rules.Engine { return rulestest.Engine(t) }

func check(t testing.TB, name, text string) []finding.Finding {
	t.Helper()
	loc := finding.Location{Kind: finding.KindFile, Path: name, Key: name}
	fs, err := NewCheck(engine(t)).Check(context.Background(), []byte(text), loc)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return fs
}

// TestCatalogExamples runs every example of the check's catalog rules: each
// positive example yields its rule, no negative one does.
func TestCatalogExamples(t *testing.T) {
	specs, err := rules.CheckRules(rules.CheckKubernetes)
	if err != nil {
		t.Fatal(err)
	}
	if len(specs) == 0 {
		t.Fatal("no kubernetes rules in the catalog")
	}
	for _, spec := range specs {
		t.Run(spec.ID, func(t *testing.T) {
			if len(spec.Examples) < 2 || len(spec.NegativeExamples) < 1 {
				t.Fatalf("%d examples and %d negative examples", len(spec.Examples), len(spec.NegativeExamples))
			}
			has := func(fs []finding.Finding) bool {
				return slices.ContainsFunc(fs, func(f finding.Finding) bool { return f.RuleID == spec.ID })
			}
			for i, ex := range spec.Examples {
				if !has(check(t, spec.ExamplePath, ex)) {
					t.Errorf("example %d: no %s finding", i+1, spec.ID)
				}
			}
			for i, ex := range spec.NegativeExamples {
				if fs := check(t, spec.ExamplePath, ex); has(fs) {
					t.Errorf("negative example %d: %s found", i+1, spec.ID)
				}
			}
		})
	}
}

// TestDecodedValuesGoThroughContentRules: a token of a known format in a
// Secret is reported as that token, at the line of its base64, and once.
func TestDecodedValuesGoThroughContentRules(t *testing.T) {
	tok := rulestest.GitHubToken(rulestest.Rand(7))
	text := "apiVersion: v1\nkind: Secret\nmetadata:\n  name: ci\ndata:\n  token: " + base64.StdEncoding.EncodeToString([]byte(tok)) + "\n"
	fs := check(t, "deploy/ci-secret.yaml", text)
	if len(fs) != 1 || fs[0].RuleID != "github-pat" || fs[0].Secret != tok || fs[0].Location.StartLine != 6 {
		t.Fatalf("findings %+v, want one github-pat at line 6", fs)
	}
	if !strings.Contains(fs[0].Message, `Secret "ci", key "token"`) {
		t.Errorf("message %q names neither the Secret nor the key", fs[0].Message)
	}
	if strings.Contains(fs[0].Message, tok) {
		t.Error("the message holds the secret")
	}
}

func TestNotSecrets(t *testing.T) {
	for name, text := range map[string]string{
		"not yaml":            "{{- if .Values.enabled }}\nkind: Secret\n{{ end }}\n",
		"configmap":           "kind: ConfigMap\ndata:\n  session: " + base64.StdEncoding.EncodeToString([]byte("Zx81-kPq2-Wm4r-Lt6v")) + "\n",
		"not base64":          "kind: Secret\ndata:\n  session: not-base64-at-all!\n",
		"tls certificate":     "kind: Secret\ntype: kubernetes.io/tls\ndata:\n  tls.crt: " + base64.StdEncoding.EncodeToString([]byte("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n")) + "\n",
		"stringData template": "kind: Secret\nstringData:\n  session: \"{{ .Values.session }}\"\n",
	} {
		if fs := check(t, "x.yaml", text); len(fs) > 0 {
			t.Errorf("%s: %d findings", name, len(fs))
		}
	}
}

func TestMatch(t *testing.T) {
	c := NewCheck(engine(t))
	for p, want := range map[string]bool{"k8s/secret.yaml": true, "a.YML": true, "secret.json": false, "values.yaml.tpl": false} {
		if c.Match(p) != want {
			t.Errorf("Match(%q) = %v", p, !want)
		}
	}
}

func FuzzCheck(f *testing.F) {
	f.Add([]byte("kind: Secret\ndata:\n  a: YWJjZGVmZ2hpamtsbW5vcA==\n"))
	f.Add([]byte("---\nkind: Secret\ndata: [1, 2]\n---\n: :\n"))
	e := engine(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		loc := finding.Location{Kind: finding.KindFile, Path: "f.yaml", Key: "f.yaml"}
		fs, err := NewCheck(e).Check(context.Background(), data, loc)
		for _, x := range fs {
			if err != nil && strings.Contains(err.Error(), x.Secret) {
				t.Fatal("the error holds a secret")
			}
		}
	})
}

// TestStringData: a literal stringData value no content rule names is
// reported; one a content rule names is left to the content rules, which
// see it in the file.
func TestStringData(t *testing.T) {
	fs := check(t, "s.yaml", "kind: Secret\nmetadata:\n  name: app\nstringData:\n  session: Zx81-kPq2-Wm4r-Lt6v\n  password: q7Rt2xWm9LpZ4vKb\n") // keysweep:allow fake stringData fixture
	if len(fs) != 1 || fs[0].RuleID != RuleSecretData || fs[0].Secret != "Zx81-kPq2-Wm4r-Lt6v" || fs[0].Location.StartLine != 5 {
		t.Fatalf("findings %+v, want session's value at line 5 only", fs)
	}
}

// TestConnectionEntries: a Service Binding Secret's entries that say
// where and which the service is are not reported; a credential inside a
// URL still is.
func TestConnectionEntries(t *testing.T) {
	pw := "q7Rt2xWm9LpZ4vKb" // keysweep:allow fake stringData fixture
	text := "kind: Secret\nmetadata:\n  name: db\ntype: servicebinding.io/postgresql\nstringData:\n" +
		"  type: postgresql\n  provider: bitnami\n  host: demo-db\n  port: \"5432\"\n  database: petclinic\n  username: petclinic-app\n" +
		"  password: " + pw + "\n" +
		"data:\n  DB_HOST: " + base64.StdEncoding.EncodeToString([]byte("db.internal.example")) + "\n" +
		"  jdbc-url: " + base64.StdEncoding.EncodeToString([]byte("postgresql://app:"+pw+"@db.internal.example:5432/app")) + "\n"
	fs := check(t, "k8s/db.yml", text)
	var got []string
	for _, f := range fs {
		got = append(got, f.RuleID+" "+f.Secret)
	}
	// The password in stringData is the content rules' to report (they
	// see it in the file); the check adds the URL's, decoded.
	if len(fs) != 1 || fs[0].Secret != pw || fs[0].Location.StartLine != 15 {
		t.Errorf("findings %v, want the URL's password only", got)
	}
}

// TestParseErrorAfterASecret: a file that held a Secret and then does not
// parse is an error naming the line, without quoting the document.
func TestParseErrorAfterASecret(t *testing.T) {
	loc := finding.Location{Kind: finding.KindFile, Path: "s.yaml", Key: "s.yaml"}
	text := "kind: Secret\nmetadata:\n  name: a\n---\nkind: Secret\ndata:\n  k: [unclosed zZx81kPq2\n"
	_, err := NewCheck(engine(t)).Check(context.Background(), []byte(text), loc)
	if err == nil || !strings.Contains(err.Error(), "line") || strings.Contains(err.Error(), "zZx81kPq2") {
		t.Errorf("err = %v, want a parse error naming a line and quoting nothing", err)
	}
	// A template that never parsed is no error: Helm charts are not YAML.
	if _, err := NewCheck(engine(t)).Check(context.Background(), []byte("{{ if }}\nkind: Secret\n"), loc); err != nil {
		t.Errorf("template: %v", err)
	}
}
