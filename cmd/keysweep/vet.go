package main

import (
	"fmt"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"

	"github.com/spf13/cobra"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/keysweep/keysweep/analyzers/secrets"
	"github.com/keysweep/keysweep/analyzers/suite"
	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
)

type vetFlags struct {
	report reportFlags
	config string
	tests  bool
}

func newVetCmd() *cobra.Command {
	var f vetFlags
	cmd := &cobra.Command{
		Use:   "vet [PACKAGE...]",
		Short: "Analyse Go packages for hard-coded secrets and secrets that reach logs",
		Long: `Load Go packages (./... by default) with their dependencies, type-check
them, and run keysweep's Go analyzers: hardcodedsecret (string constants
matched against the catalog, and random-looking literals assigned to
secret-looking names), staticcreds (literal secrets given to credential
constructors) and secretleak (secrets flowing to logs, errors, HTTP
responses and os.Setenv). The same analyzers run under
"go vet -vettool=$(which keysweep-vet)" and as a golangci-lint plugin; here
their diagnostics become findings with the catalog's IDs, reported like
"keysweep scan"'s. A package that cannot be loaded or type-checked makes the
run incomplete (exit 2).`,
		Example: `  keysweep vet
  keysweep vet --format sarif -o vet.sarif ./...
  keysweep vet --tests ./internal/...`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runVet(cmd, args, &f)
		},
	}
	f.report.register(cmd)
	fl := cmd.Flags()
	fl.StringVarP(&f.config, "config", "c", "", "rule configuration `FILE` (keysweep or gitleaks TOML)")
	fl.BoolVar(&f.tests, "tests", false, "also analyse _test.go files and test packages")
	return cmd
}

func runVet(cmd *cobra.Command, args []string, f *vetFlags) error {
	if err := f.report.validate(); err != nil {
		return err
	}
	if len(args) == 0 {
		args = []string{"./..."}
	}
	filter, err := f.report.filter(".")
	if err != nil {
		return err
	}
	engine, err := loadEngine(f.config, ".")
	if err != nil {
		return err
	}
	analyzers := suite.New()
	for _, a := range analyzers {
		if fl := a.Flags.Lookup("tests"); fl != nil {
			_ = fl.Value.Set(strconv.FormatBool(f.tests))
		}
	}
	r := newReport(args)
	pkgs, err := packages.Load(&packages.Config{
		Mode:    packages.LoadAllSyntax,
		Context: cmd.Context(),
		Tests:   f.tests,
	}, args...)
	if err != nil {
		return fmt.Errorf("loading packages: %w", err)
	}
	var good []*packages.Package
	for _, p := range pkgs {
		if n := loadErrors(p); n > 0 {
			r.Notices = append(r.Notices, finding.Notice{
				Level:   finding.LevelError,
				Path:    p.PkgPath,
				Message: fmt.Sprintf("not analysed: %d errors loading or type-checking it or its dependencies (go build shows them)", n),
			})
			continue
		}
		good = append(good, p)
		r.Stats.Files += int64(len(p.CompiledGoFiles))
	}
	if len(pkgs) == 0 {
		r.Notices = append(r.Notices, finding.Notice{Level: finding.LevelError, Message: "no Go packages matched"})
	}
	if len(good) > 0 {
		graph, err := checker.Analyze(analyzers, good, nil)
		if err != nil {
			return fmt.Errorf("analysing packages: %w", err)
		}
		for _, act := range graph.Roots {
			if act.Err != nil {
				r.Notices = append(r.Notices, finding.Notice{
					Level:   finding.LevelError,
					Path:    act.Package.PkgPath,
					Message: fmt.Sprintf("analyzer %s failed: %v", act.Analyzer.Name, act.Err),
				})
				continue
			}
			found, _ := act.Result.(secrets.Map)
			for _, d := range act.Diagnostics {
				if fd, ok := vetFinding(engine, act.Package.Fset, r.WorkDir, d, found[d.Pos]); ok {
					r.Findings = append(r.Findings, fd)
				}
			}
		}
	}
	return f.report.finish(cmd, r, filter, engine.Rules())
}

// loadErrors counts the errors of p and of its dependencies: a package
// whose dependency did not type-check is not analysed soundly either.
func loadErrors(p *packages.Package) int {
	n := 0
	packages.Visit([]*packages.Package{p}, nil, func(q *packages.Package) {
		n += len(q.Errors) + len(q.TypeErrors)
	})
	return n
}

// ruleSuffix is the " (rule-id)" that ends each analyzer message.
var ruleSuffix = regexp.MustCompile(` \([a-z0-9-]+\)$`)

// vetFinding turns a diagnostic into a finding of its rule (its
// category), through the engine's catalog, allowlists and fingerprints.
func vetFinding(engine *rules.Engine, fset *token.FileSet, wd string, d analysis.Diagnostic, secret string) (finding.Finding, bool) {
	start := fset.Position(d.Pos)
	end := start
	if d.End.IsValid() {
		end = fset.Position(d.End)
	}
	path := start.Filename
	if rel, err := filepath.Rel(wd, path); err == nil && filepath.IsLocal(rel) {
		path = rel
	}
	path = filepath.ToSlash(path)
	loc := finding.Location{
		Kind: finding.KindFile, Path: path, Key: path,
		StartLine: start.Line, StartColumn: start.Column, EndLine: end.Line, EndColumn: end.Column,
	}
	return engine.Report(d.Category, loc, ruleSuffix.ReplaceAllString(d.Message, ""), secret)
}
