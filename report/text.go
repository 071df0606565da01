package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/keysweep/keysweep/finding"
)

// TextOptions control the text report.
type TextOptions struct {
	// Color uses ANSI colours; callers set it only for a terminal that
	// wants them (not when NO_COLOR is set). The default is no colour.
	Color bool
}

const (
	ansiReset = "\x1b[0m"
	ansiBold  = "\x1b[1m"
	ansiDim   = "\x1b[2m"
)

var severityColor = map[finding.Severity]string{
	finding.Critical: "\x1b[1;31m",
	finding.High:     "\x1b[31m",
	finding.Medium:   "\x1b[33m",
	finding.Low:      "\x1b[36m",
	finding.Info:     "\x1b[2m",
}

// WriteText writes r for a person at a terminal: findings grouped by file
// (or resource), then notices, then a one-line summary.
func WriteText(w io.Writer, r *finding.Report, opts TextOptions) error {
	bw := bufio.NewWriter(w)
	paint := func(code, s string) string {
		if !opts.Color || code == "" {
			return s
		}
		return code + s + ansiReset
	}
	titles := map[string]string{}
	for _, rule := range r.Rules {
		titles[rule.ID] = rule.Title
	}
	groups := map[string][]finding.Finding{}
	var order []string
	for _, f := range r.Findings {
		key := f.Location.Path
		if key == "" {
			key = f.Location.Resource
		}
		if _, ok := groups[key]; !ok {
			order = append(order, key)
		}
		groups[key] = append(groups[key], f)
	}
	sort.Strings(order)
	for _, key := range order {
		fmt.Fprintln(bw, paint(ansiBold, key))
		for _, f := range groups[key] {
			pos := ""
			if f.Location.StartLine > 0 {
				pos = fmt.Sprintf("%d:%d", f.Location.StartLine, f.Location.StartColumn)
			}
			sev := fmt.Sprintf("%-8s", f.Severity)
			title := titles[f.RuleID]
			if title == "" {
				title = f.Message
			}
			secret := f.Redacted()
			if r.ShowSecrets {
				secret = f.Secret
			}
			fmt.Fprintf(bw, "  %-9s %s %s %s\n", pos, paint(severityColor[f.Severity], sev), title, paint(ansiDim, "["+f.RuleID+"]"))
			var facts []string
			if secret != "" {
				facts = append(facts, "secret "+secret)
			}
			if f.Message != title && f.Message != "" {
				facts = append(facts, f.Message)
			}
			if f.Location.Commit != "" {
				facts = append(facts, fmt.Sprintf("commit %.12s by %s on %s", f.Location.Commit, f.Location.Author, f.Location.Date))
			}
			if f.Location.Layer != "" {
				facts = append(facts, fmt.Sprintf("layer %d %s", f.Location.LayerIndex, f.Location.Layer))
			}
			if f.Location.Field != "" {
				facts = append(facts, "field "+f.Location.Field)
			}
			if f.Validated {
				facts = append(facts, "structure checked")
			}
			for _, k := range sortedKeys(f.Details) {
				facts = append(facts, k+" "+f.Details[k])
			}
			if v := f.Verification; v != nil {
				facts = append(facts, verificationFact(v))
			}
			facts = append(facts, "fingerprint "+f.Fingerprint)
			fmt.Fprintf(bw, "  %-9s %s\n", "", paint(ansiDim, strings.Join(facts, " · ")))
		}
		fmt.Fprintln(bw)
	}
	if groups := resourceGroups(r.Findings); len(groups) > 0 {
		fmt.Fprintln(bw, paint(ansiBold, "By account, region and service"))
		for _, g := range groups {
			fmt.Fprintln(bw, "  "+g)
		}
		fmt.Fprintln(bw)
	}
	for _, n := range r.Notices {
		where := ""
		if n.Path != "" {
			where = n.Path + ": "
		}
		fmt.Fprintf(bw, "%s %s%s\n", paint(noticeColor(n.Level), string(n.Level)+":"), where, n.Message)
	}
	fmt.Fprintln(bw, Summary(r))
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing text report: %w", err)
	}
	return nil
}

// Summary is the report's last line: counts of findings by severity and of
// what was scanned and skipped.
func Summary(r *finding.Report) string {
	var bySev []string
	counts := map[finding.Severity]int{}
	for _, f := range r.Findings {
		counts[f.Severity]++
	}
	sevs := finding.Severities()
	for i := len(sevs) - 1; i >= 0; i-- {
		if n := counts[sevs[i]]; n > 0 {
			bySev = append(bySev, fmt.Sprintf("%d %s", n, sevs[i]))
		}
	}
	s := r.Stats
	head := "no findings"
	if len(r.Findings) > 0 {
		head = fmt.Sprintf("%d finding%s (%s)", len(r.Findings), plural(len(r.Findings)), strings.Join(bySev, ", "))
	}
	line := fmt.Sprintf("%s in %d file%s, %s", head, s.Files, plural(int(s.Files)), humanBytes(s.Bytes))
	if s.Resources > 0 && s.Files == 0 {
		line = fmt.Sprintf("%s in %d cloud resource%s", head, s.Resources, plural(int(s.Resources)))
	}
	if s.Layers > 0 {
		line = fmt.Sprintf("%s in %d layer%s (%d file%s, %s)", head, s.Layers, plural(int(s.Layers)), s.Files, plural(int(s.Files)), humanBytes(s.Bytes))
	}
	if s.Commits > 0 {
		line = fmt.Sprintf("%s in %d commit%s (%d blob%s, %s)", head, s.Commits, plural(int(s.Commits)), s.Files, plural(int(s.Files)), humanBytes(s.Bytes))
	}
	var extra []string
	if s.SkippedBinary > 0 {
		extra = append(extra, fmt.Sprintf("%d binary skipped", s.SkippedBinary))
	}
	if s.SkippedSize > 0 {
		extra = append(extra, fmt.Sprintf("%d over size limit", s.SkippedSize))
	}
	if s.SkippedLFS > 0 {
		extra = append(extra, fmt.Sprintf("%d Git LFS pointer%s (content not in git)", s.SkippedLFS, plural(int(s.SkippedLFS))))
	}
	if s.SkippedIgnored > 0 {
		extra = append(extra, fmt.Sprintf("%d excluded", s.SkippedIgnored))
	}
	if s.Suppressed > 0 {
		extra = append(extra, fmt.Sprintf("%d suppressed inline", s.Suppressed))
	}
	if s.BelowConfidence > 0 {
		extra = append(extra, fmt.Sprintf("%d below --min-confidence", s.BelowConfidence))
	}
	if s.Baselined > 0 {
		extra = append(extra, fmt.Sprintf("%d in baseline or ignore file", s.Baselined))
	}
	if len(extra) > 0 {
		line += "; " + strings.Join(extra, ", ")
	}
	if r.Incomplete() {
		line += "; INCOMPLETE: some items were not scanned (see errors above)"
	}
	return line
}

func noticeColor(l finding.Level) string {
	switch l {
	case finding.LevelError:
		return severityColor[finding.High]
	case finding.LevelWarning:
		return severityColor[finding.Medium]
	}
	return ansiDim
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func humanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// verificationFact describes a --verify result: "LIVE (github: login
// octocat)", "invalid (rejected by the issuer (HTTP 401))".
func verificationFact(v *finding.Verification) string {
	status := string(v.Status)
	if v.Status == finding.Verified {
		status = "LIVE"
	}
	var what []string
	if v.Reason != "" {
		what = append(what, v.Reason)
	}
	for _, k := range sortedKeys(v.Details) {
		what = append(what, k+" "+v.Details[k])
	}
	if len(what) == 0 {
		return "verification " + status + " (" + v.Verifier + ")"
	}
	return "verification " + status + " (" + v.Verifier + ": " + strings.Join(what, ", ") + ")"
}

// resourceGroups counts the findings in cloud resources named by ARN by
// account, region and service ("222222222222 us-east-1 lambda: 3"), in
// order; global services (IAM) have region "global".
func resourceGroups(fs []finding.Finding) []string {
	counts := map[string]int{}
	for _, f := range fs {
		parts := strings.SplitN(f.Location.Resource, ":", 6)
		if len(parts) != 6 || parts[0] != "arn" {
			continue
		}
		region := parts[3]
		if region == "" {
			region = "global"
		}
		counts[parts[4]+" "+region+" "+parts[2]]++
	}
	out := make([]string, 0, len(counts))
	for k, n := range counts {
		out = append(out, fmt.Sprintf("%s: %d finding%s", k, n, plural(n)))
	}
	sort.Strings(out)
	return out
}
