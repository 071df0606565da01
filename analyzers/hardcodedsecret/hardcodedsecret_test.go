package hardcodedsecret_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/keysweep/keysweep/analyzers/hardcodedsecret"
	"github.com/keysweep/keysweep/analyzers/internal/atest"
	"github.com/keysweep/keysweep/analyzers/internal/srcutil"
)

func TestAnalyzer(t *testing.T) {
	dir := atest.Copy(t, analysistest.TestData())
	analysistest.Run(t, dir, hardcodedsecret.Analyzer, "a", "tests")
}

func TestTestsFlag(t *testing.T) {
	a := hardcodedsecret.New()
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	dir := atest.Copy(t, analysistest.TestData())
	res := analysistest.Run(recorder{}, dir, a, "tests")
	n := 0
	for _, r := range res {
		n += len(r.Diagnostics)
	}
	if n != 1 {
		t.Errorf("with -tests: %d diagnostics in package tests, want 1", n)
	}
}

type recorder struct{}

func (recorder) Errorf(string, ...any) {}

func TestCatalogExamples(t *testing.T) {
	atest.Examples(t, hardcodedsecret.Analyzer, hardcodedsecret.RuleID)
}

func TestSecretName(t *testing.T) {
	for name, want := range map[string]bool{
		"dbPassword": true, "DB_PASSWORD": true, "clientSecret": true, "signingKey": true, "API_KEY": true,
		"apiKey": true, "x-api-token": true, "adminPass": true, "AccessTokens": true, "privateKey": true,
		"tokenRoute": false, "PasswordEnvVar": false, "maxTokens": false, "AccessKeyID": false,
		"requestID": false, "key": false, "bypass": false, "passwordHash": false, "secretName": false,
		"compass": false, "tokenizer": false,
	} {
		if got := srcutil.SecretName(name); got != want {
			t.Errorf("SecretName(%q) = %v, want %v (words %q)", name, got, want, srcutil.Words(name))
		}
	}
}

func FuzzSecretName(f *testing.F) {
	for _, s := range []string{"dbPassword", "API_KEY", "x-api-token", "ÄÖtoken", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		for _, w := range srcutil.Words(name) {
			if w == "" {
				t.Fatalf("Words(%q) holds an empty word", name)
			}
		}
		_ = srcutil.SecretName(name)
	})
}
