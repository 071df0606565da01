// Package golangci is keysweep's golangci-lint v2 module plugin: it
// registers the analyzers hardcodedsecret, staticcreds and secretleak
// under the linter name "keysweep". Build a custom golangci-lint with it
// (see docs/golangci-lint.md) and enable it in .golangci.yml:
//
//	linters:
//	  enable: [keysweep]
//	  settings:
//	    custom:
//	      keysweep:
//	        type: module
//	        settings:
//	          tests: false
package golangci

import (
	"fmt"
	"strconv"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/keysweep/keysweep/analyzers/suite"
)

// Name is the linter's name in .golangci.yml.
const Name = "keysweep"

// golangci-lint's module plugins register themselves when their package is
// imported by the generated main package: this init is that protocol, not
// a registry of keysweep's own.
func init() {
	register.Plugin(Name, New)
}

// Settings are the plugin's settings (linters.settings.custom.keysweep.settings).
type Settings struct {
	// Tests also analyses _test.go files. The default is false.
	Tests bool `json:"tests"`
	// Disable names analyzers not to run (hardcodedsecret, staticcreds,
	// secretleak). The default is none.
	Disable []string `json:"disable"`
}

// Plugin runs keysweep's analyzers inside golangci-lint.
type Plugin struct {
	settings Settings
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New makes the plugin from its raw settings.
func New(raw any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return nil, fmt.Errorf("keysweep plugin settings: %w", err)
	}
	return &Plugin{settings: s}, nil
}

// BuildAnalyzers returns fresh analyzers configured from the settings.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	var out []*analysis.Analyzer
	known := map[string]bool{}
	for _, a := range suite.New() {
		known[a.Name] = true
		if contains(p.settings.Disable, a.Name) {
			continue
		}
		if f := a.Flags.Lookup("tests"); f != nil {
			if err := f.Value.Set(strconv.FormatBool(p.settings.Tests)); err != nil {
				return nil, fmt.Errorf("keysweep plugin: %s: %w", a.Name, err)
			}
		}
		out = append(out, a)
	}
	for _, d := range p.settings.Disable {
		if !known[d] {
			return nil, fmt.Errorf("keysweep plugin settings: disable: unknown analyzer %q", d)
		}
	}
	return out, nil
}

// GetLoadMode asks for type information: the analyzers use the type
// checker and SSA.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
