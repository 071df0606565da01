package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
)

func newRulesCmd() *cobra.Command {
	var format, config string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rule catalog",
		Long:  "List the rules keysweep runs: the built-in catalog, or the one --config resolves to.",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var (
				e   *rules.Engine
				err error
			)
			if config != "" {
				e, _, err = rules.Load(rules.LoadOptions{ConfigFile: config})
			} else {
				e, err = rules.Default()
			}
			if err != nil {
				return fmt.Errorf("loading rules: %w", err)
			}
			return writeRules(cmd.OutOrStdout(), format, e.Rules())
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "table", "output format: table, json or markdown")
	cmd.Flags().StringVarP(&config, "config", "c", "", "list the rules of this configuration `FILE` instead")
	return cmd
}

func writeRules(w io.Writer, format string, rs []finding.Rule) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rs)
	case "markdown":
		_, err := io.WriteString(w, rulesMarkdown(rs))
		return err
	case "table":
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSEVERITY\tCONFIDENCE\tTITLE")
		for _, r := range rs {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Confidence, r.Title)
		}
		return tw.Flush()
	}
	return fmt.Errorf("--format %q: want table, json or markdown", format)
}

// rulesMarkdown renders the catalog as docs/rules.md's table.
func rulesMarkdown(rs []finding.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d rules.\n\n", len(rs))
	b.WriteString("| ID | Provider | Title | Severity | Confidence | Offline check | `--verify` |\n|---|---|---|---|---|---|---|\n")
	verifiable := verifiableRules()
	for _, r := range rs {
		title := strings.ReplaceAll(r.Title, "|", `\|`)
		if u := r.HelpURI(); u != "" {
			title = fmt.Sprintf("[%s](%s)", title, u)
		}
		check := "—"
		if r.Validation != "" {
			check = "`" + r.Validation + "`"
		}
		live := "—"
		if verifiable[r.ID] {
			live = "yes"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s | %s |\n", r.ID, r.Provider(), title, r.Severity, r.Confidence, check, live)
	}
	return b.String()
}

// rulesSummary renders the README's short account of the catalog.
func rulesSummary(rs []finding.Rule) string {
	providers := map[string]bool{}
	bySeverity := map[finding.Severity]int{}
	byConfidence := map[string]int{}
	checked := 0
	for _, r := range rs {
		providers[r.Provider()] = true
		bySeverity[r.Severity]++
		byConfidence[r.Confidence]++
		if r.Validation != "" {
			checked++
		}
	}
	var sev []string
	for _, s := range slices.Backward(finding.Severities()) {
		if n := bySeverity[s]; n > 0 {
			sev = append(sev, fmt.Sprintf("%d %s", n, s))
		}
	}
	return fmt.Sprintf("%d rules for %d providers (%s; confidence: %d high, %d medium, %d low); %d check structure offline (checksums, parses). "+
		"The full table, with each rule's provider, severity, confidence and offline check, is [docs/rules.md](docs/rules.md); "+
		"`keysweep rules` prints it too.\n",
		len(rs), len(providers), strings.Join(sev, ", "), byConfidence["high"], byConfidence["medium"], byConfidence["low"], checked)
}
