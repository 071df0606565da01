package main

import (
	"encoding/json"
	"fmt"
	"io"
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

// rulesMarkdown renders the catalog as the README's rule table.
func rulesMarkdown(rs []finding.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d rules.\n\n", len(rs))
	b.WriteString("| ID | Title | Severity | Confidence |\n|---|---|---|---|\n")
	for _, r := range rs {
		title := strings.ReplaceAll(r.Title, "|", `\|`)
		if u := r.HelpURI(); u != "" {
			title = fmt.Sprintf("[%s](%s)", title, u)
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.ID, title, r.Severity, r.Confidence)
	}
	return b.String()
}
