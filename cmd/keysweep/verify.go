package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/verify"
)

// verifyFlags are the live-verification flags of every command that
// reports findings (part of reportFlags).
type verifyFlags struct {
	verify         bool
	timeout        time.Duration
	onlyVerified   bool
	verifyCanaries bool
}

func (f *verifyFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.BoolVar(&f.verify, "verify", false, "ask each credential's issuer whether it is live (sends found credentials to their issuers; see 'keysweep verify --list-endpoints')")
	fl.DurationVar(&f.timeout, "verify-timeout", 10*time.Second, "give up verifying one credential after this long (it is then reported unknown)")
	fl.BoolVar(&f.onlyVerified, "only-verified", false, "report only findings verified live (needs --verify)")
	fl.BoolVar(&f.verifyCanaries, "verify-canaries", false, "verify credentials of known canary-token accounts too (trips their alarms)")
}

func (f *verifyFlags) validate() error {
	if f.onlyVerified && !f.verify {
		return fmt.Errorf("--only-verified needs --verify")
	}
	if f.timeout <= 0 {
		return fmt.Errorf("--verify-timeout %s: want a positive duration", f.timeout)
	}
	return nil
}

// apply verifies r's findings when --verify is set, then drops all but
// the live ones when --only-verified is. Verification never fails a run:
// what could not be verified is reported unknown.
func (f *verifyFlags) apply(cmd *cobra.Command, r *finding.Report) {
	if !f.verify {
		return
	}
	runner := verify.New(verify.NewRegistry(), verify.Options{
		Timeout:        f.timeout,
		VerifyCanaries: f.verifyCanaries,
		Version:        toolVersion(),
		Hasher:         finding.NewHasher(os.Getenv(fingerprintKeyEnv)),
	})
	st := runner.Verify(cmd.Context(), r.Findings)
	fmt.Fprintf(cmd.ErrOrStderr(), "verified %d credential(s) in %d finding(s): %d live, %d invalid, %d unknown\n",
		st.Credentials, st.Findings, st.Verified, st.Invalid, st.Unknown)
	if f.onlyVerified {
		r.Findings = slices.DeleteFunc(r.Findings, func(x finding.Finding) bool {
			return x.Verification == nil || x.Verification.Status != finding.Verified
		})
	}
}

func newVerifyCmd() *cobra.Command {
	var list bool
	var format string
	cmd := &cobra.Command{
		Use:   "verify --list-endpoints",
		Short: "List the endpoints --verify may send credentials to",
		Long: `--verify (on scan, git and the other commands that find secrets) asks each
credential's issuer whether it is live, with a read-only identity call. This
command prints every host and path those calls use, for egress allow-lists
and review, and the rules each verifier covers.

A credential is only sent to its issuer's host over TLS; redirects to
another host are not followed; each unique credential is sent once per run.`,
		Example: `  keysweep verify --list-endpoints
  keysweep verify --list-endpoints --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !list {
				return fmt.Errorf("nothing to do: use --list-endpoints (verification itself is --verify on scan, git and the other commands)")
			}
			return writeEndpoints(cmd.OutOrStdout(), format, verify.NewRegistry())
		},
	}
	cmd.Flags().BoolVar(&list, "list-endpoints", false, "print every endpoint the verifiers call")
	cmd.Flags().StringVarP(&format, "format", "f", "table", "output format: table or json")
	return cmd
}

// endpointRow is one endpoint of one verifier, as listed.
type endpointRow struct {
	Verifier string   `json:"verifier"`
	Method   string   `json:"method"`
	Host     string   `json:"host"`
	Path     string   `json:"path"`
	Note     string   `json:"note,omitempty"`
	Rules    []string `json:"rules"`
}

func endpointRows(reg *verify.Registry) []endpointRow {
	var rows []endpointRow
	for _, v := range reg.Verifiers() {
		for _, e := range v.Endpoints() {
			rows = append(rows, endpointRow{Verifier: v.Name(), Method: e.Method, Host: e.Host, Path: e.Path, Note: e.Note, Rules: v.Rules()})
		}
	}
	return rows
}

func writeEndpoints(w io.Writer, format string, reg *verify.Registry) error {
	rows := endpointRows(reg)
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	case "table":
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "VERIFIER\tMETHOD\tHOST\tPATH\tRULES")
		for _, r := range rows {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Verifier, r.Method, r.Host, r.Path, strings.Join(r.Rules, ","))
		}
		return tw.Flush()
	}
	return fmt.Errorf("--format %q: want table or json", format)
}

// endpointsMarkdown renders docs/verification.md's endpoint table.
func endpointsMarkdown(reg *verify.Registry) string {
	var b strings.Builder
	b.WriteString("| verifier | method | host | path | rules |\n|---|---|---|---|---|\n")
	for _, r := range endpointRows(reg) {
		fmt.Fprintf(&b, "| %s | %s | `%s` | `%s` | %s |\n", r.Verifier, r.Method, r.Host, r.Path, strings.Join(r.Rules, ", "))
	}
	return b.String()
}

// verifiableRules returns the IDs of the rules --verify can check.
func verifiableRules() map[string]bool {
	ids := map[string]bool{}
	for _, id := range verify.NewRegistry().RuleIDs() {
		ids[id] = true
	}
	return ids
}
