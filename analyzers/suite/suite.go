// Package suite lists keysweep's Go analyzers, for the drivers that run
// them together: keysweep-vet, `keysweep vet` and the golangci-lint
// plugin.
package suite

import (
	"golang.org/x/tools/go/analysis"

	"github.com/keysweep/keysweep/analyzers/hardcodedsecret"
	"github.com/keysweep/keysweep/analyzers/secretleak"
	"github.com/keysweep/keysweep/analyzers/staticcreds"
)

// Analyzers returns the shared Analyzer values of every keysweep
// analyzer, in a fixed order.
func Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{hardcodedsecret.Analyzer, staticcreds.Analyzer, secretleak.Analyzer}
}

// New returns fresh instances of every analyzer (with their own flags), for
// a driver that configures them independently of the shared values.
func New() []*analysis.Analyzer {
	return []*analysis.Analyzer{hardcodedsecret.New(), staticcreds.New(), secretleak.New()}
}

// Rules returns the catalog rule IDs the analyzers report under their own
// names; hardcodedsecret also reports content rules under their IDs.
func Rules() []string {
	return []string{hardcodedsecret.RuleID, staticcreds.RuleID, secretleak.RuleLogged, secretleak.RuleEnv}
}
