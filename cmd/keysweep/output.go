package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/report"
	"github.com/keysweep/keysweep/rules"
	"github.com/keysweep/keysweep/sarif"
)

// reportFlags are the flags every command that reports findings shares.
type reportFlags struct {
	format        string
	output        string
	baseline      string
	ignoreFile    string
	failOn        string
	showSecrets   bool
	noColor       bool
	allowPartial  bool
	minConfidence string
	verification  verifyFlags
}

func (f *reportFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVarP(&f.format, "format", "f", "text", "report format: sarif, json or text")
	fl.StringVarP(&f.output, "output", "o", "", "write the report to `FILE` (default: standard output)")
	fl.StringVar(&f.baseline, "baseline", "", "report only findings not in this earlier SARIF or JSON report (`FILE`)")
	fl.StringVar(&f.ignoreFile, "ignore-file", "", "`FILE` of fingerprints to ignore, each with a reason (default: .keysweepignore at the scanned root)")
	fl.StringVar(&f.failOn, "fail-on", "any", "exit 1 when a finding is at least this severe: info, low, medium, high, critical, any or none")
	fl.BoolVar(&f.showSecrets, "show-secrets", false, "print secrets in reports instead of redacting them")
	fl.BoolVar(&f.noColor, "no-color", false, "never colour the text report (also: NO_COLOR)")
	fl.BoolVar(&f.allowPartial, "allow-partial", false, "exit 0 or 1 even when some items could not be scanned (they are still reported)")
	fl.StringVar(&f.minConfidence, "min-confidence", "low", "report only findings of rules at least this confident: low, medium or high")
	f.verification.register(cmd)
}

func (f *reportFlags) validate() error {
	switch f.format {
	case "sarif", "json", "text":
	default:
		return fmt.Errorf("--format %q: want sarif, json or text", f.format)
	}
	if _, err := report.ParseConfidence(f.minConfidence); err != nil {
		return err
	}
	if err := f.verification.validate(); err != nil {
		return err
	}
	_, err := report.ParseFailOn(f.failOn)
	return err
}

// filter loads what decides which findings to drop (baseline, ignore file,
// confidence threshold), before any scanning, so that a bad file fails fast.
func (f *reportFlags) filter(root string) (report.Filter, error) {
	minConfidence, _ := report.ParseConfidence(f.minConfidence)
	filter := report.Filter{MinConfidence: minConfidence}
	if f.baseline != "" {
		fps, err := report.LoadBaseline(f.baseline)
		if err != nil {
			return filter, err
		}
		filter.Baseline = fps
	}
	ignorePath := f.ignoreFile
	if ignorePath == "" {
		ignorePath = joinRoot(root, ".keysweepignore")
	}
	ig, err := report.LoadIgnoreFile(ignorePath)
	if err != nil {
		return filter, err
	}
	if ig == nil && f.ignoreFile != "" {
		return filter, fmt.Errorf("--ignore-file %s: no such file", f.ignoreFile)
	}
	filter.Ignore = ig
	return filter, nil
}

// finish filters r, writes it where the flags say, and returns the exit
// code error (nil for a clean run).
func (f *reportFlags) finish(cmd *cobra.Command, r *finding.Report, filter report.Filter, allRules []finding.Rule) error {
	filter.Apply(r)
	slices.SortStableFunc(r.Findings, finding.Compare)
	r.Findings = dedupe(r.Findings)
	f.verification.apply(cmd, r)
	r.Rules = rulesUsed(r.Findings, allRules)
	r.ShowSecrets = f.showSecrets

	if err := f.write(cmd, r); err != nil {
		return err
	}
	if f.format != "text" || f.output != "" {
		fmt.Fprintln(cmd.ErrOrStderr(), report.Summary(r))
	}
	failOn, _ := report.ParseFailOn(f.failOn)
	switch {
	case r.Incomplete() && !f.allowPartial:
		return exitCodeError{exitError}
	case failOn.Fails(r.Findings):
		return exitCodeError{exitFindings}
	}
	return nil
}

func (f *reportFlags) write(cmd *cobra.Command, r *finding.Report) error {
	if f.output == "" || f.output == "-" {
		w := cmd.OutOrStdout()
		color := false
		if file, ok := w.(*os.File); ok {
			color = !f.noColor && os.Getenv("NO_COLOR") == "" && term.IsTerminal(int(file.Fd()))
		}
		return f.encode(w, r, color)
	}
	// Open without replacing: a device or pipe such as /dev/null stays what
	// it is, and a regular file is rewritten in place.
	file, err := os.OpenFile(f.output, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("opening report file: %w", err)
	}
	err = f.encode(file, r, false)
	if cerr := file.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("writing report file: %w", cerr)
	}
	return err
}

// encode writes r in the chosen format.
func (f *reportFlags) encode(w io.Writer, r *finding.Report, color bool) error {
	switch f.format {
	case "sarif":
		return sarif.Write(w, r)
	case "json":
		return report.WriteJSON(w, r)
	default:
		return report.WriteText(w, r, report.TextOptions{Color: color})
	}
}

// loadEngine loads the rules a run uses: --config, else the configuration
// files at root, else the built-in catalog, keyed for fingerprints with
// KEYSWEEP_FINGERPRINT_KEY.
func loadEngine(config, root string) (*rules.Engine, error) {
	engine, _, err := rules.Load(rules.LoadOptions{
		ConfigFile:     config,
		Root:           root,
		FingerprintKey: os.Getenv(fingerprintKeyEnv),
	})
	if err != nil {
		return nil, fmt.Errorf("loading rules: %w", err)
	}
	return engine, nil
}

// newReport starts the report of a run over targets.
func newReport(targets []string) *finding.Report {
	wd, _ := os.Getwd()
	return &finding.Report{Version: toolVersion(), Targets: targets, WorkDir: wd}
}

func rulesUsed(findings []finding.Finding, all []finding.Rule) []finding.Rule {
	used := map[string]bool{}
	for _, f := range findings {
		used[f.RuleID] = true
	}
	var out []finding.Rule
	for _, r := range all {
		if used[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

// dedupe drops repeated findings (the same place named twice, as when
// both a folder and a file in it are given); findings are sorted.
func dedupe(fs []finding.Finding) []finding.Finding {
	return slices.CompactFunc(fs, func(a, b finding.Finding) bool {
		return a.RuleID == b.RuleID && a.Fingerprint == b.Fingerprint && a.Location.Path == b.Location.Path &&
			a.Location.StartLine == b.Location.StartLine && a.Location.StartColumn == b.Location.StartColumn
	})
}

func joinRoot(root, name string) string {
	if root == "" {
		return name
	}
	return strings.TrimSuffix(root, string(os.PathSeparator)) + string(os.PathSeparator) + name
}
