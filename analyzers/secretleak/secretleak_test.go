package secretleak_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/keysweep/keysweep/analyzers/internal/atest"
	"github.com/keysweep/keysweep/analyzers/secretleak"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), secretleak.Analyzer, "a", "b")
}

func TestCatalogExamples(t *testing.T) {
	atest.Examples(t, secretleak.Analyzer, secretleak.RuleLogged, secretleak.RuleEnv)
}
