package staticcreds_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/keysweep/keysweep/analyzers/internal/atest"
	"github.com/keysweep/keysweep/analyzers/staticcreds"
)

func TestAnalyzer(t *testing.T) {
	dir := atest.Copy(t, analysistest.TestData())
	analysistest.Run(t, dir, staticcreds.Analyzer, "a")
}

func TestCatalogExamples(t *testing.T) {
	atest.Examples(t, staticcreds.Analyzer, staticcreds.RuleID)
}

func TestDSNPassword(t *testing.T) {
	for dsn, want := range map[string]string{
		"postgres://svc:pw-1@db/app":                        "pw-1", // keysweep:allow a fake DSN for the parser
		"postgres://svc@db/app":                             "",
		"host=db user=svc password=pw-2 dbname=app":         "pw-2",
		"host=db user=svc password='pw 3' dbname=app":       "pw 3",
		"Server=db;Database=app;User Id=svc;Password=pw-4;": "pw-4",
		"DRIVER={ODBC};SERVER=db;UID=svc;PWD={pw-5};":       "pw-5",
		"svc:pw-6@tcp(db:3306)/app?parseTime=true":          "pw-6",
		"svc@tcp(db:3306)/app":                              "",
		"file:test.db?cache=shared&mode=memory":             "",
		"sqlserver://sa:pw-7@localhost:1433?database=app":   "pw-7", // keysweep:allow a fake DSN for the parser
		"user=svc dbname=app sslmode=disable":               "",
		"":                                                  "",
	} {
		if got := staticcreds.DSNPassword(dsn); got != want {
			t.Errorf("DSNPassword(%q) = %q, want %q", dsn, got, want)
		}
	}
}

func FuzzDSNPassword(f *testing.F) {
	for _, s := range []string{"postgres://u:p@h/d", "u:p@tcp(h)/d", "password=p", "a=b;pwd=c", "://", "@"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, dsn string) {
		p := staticcreds.DSNPassword(dsn)
		if len(p) > len(dsn) {
			t.Fatalf("DSNPassword(%q) = %q, longer than the DSN", dsn, p)
		}
	})
}
