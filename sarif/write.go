package sarif

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	gosarif "github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/keysweep/keysweep/finding"
)

const (
	// toolName and informationURI describe keysweep in tool.driver.
	toolName       = "keysweep"
	informationURI = "https://github.com/keysweep/keysweep"

	// schemaURI is the canonical location of the final SARIF 2.1.0 schema,
	// the one GitHub code scanning and the SARIF validator expect.
	schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

	// srcRoot is the uriBaseId of relative paths: the working directory,
	// which GitHub code scanning maps to the repository's root.
	srcRoot = "%SRCROOT%"

	// stdinURI names standard input in artifact locations.
	stdinURI = "stdin"
)

// Write writes r to w as a SARIF 2.1.0 log for GitHub code scanning and
// other SARIF consumers: one run whose driver lists r.Rules (and a minimal
// entry for any rule a finding names that r.Rules lacks), one result per
// finding, and one invocation carrying r's notices, stats and targets.
//
// Secrets are redacted with finding.Redact unless r.ShowSecrets is set.
// Results are sorted by path, line, column and rule ID, rules by ID, and the
// JSON is indented with two spaces, so that equal reports give equal bytes.
func Write(w io.Writer, r *finding.Report) error {
	if r == nil {
		return errors.New("writing SARIF: nil report")
	}
	log := build(r)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(log); err != nil {
		return fmt.Errorf("encoding SARIF: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("writing SARIF: %w", err)
	}
	return nil
}

// build converts r to go-sarif's model.
func build(r *finding.Report) *gosarif.Report {
	findings := sortedFindings(r.Findings)
	rules := collectRules(r.Rules, findings)

	driver := gosarif.NewDriver(toolName).WithInformationURI(informationURI)
	if r.Version != "" {
		driver.WithVersion(r.Version)
		if sv := semanticVersion(r.Version); sv != "" {
			driver.WithSemanticVersion(sv)
		}
	}
	index := make(map[string]int, len(rules))
	for i, rule := range rules {
		index[rule.ID] = i
		driver.Rules = append(driver.Rules, ruleDescriptor(rule))
	}

	run := gosarif.NewRun(gosarif.Tool{Driver: driver})
	if r.WorkDir != "" {
		run.WithOriginalUriBaseIds(map[string]*gosarif.ArtifactLocation{
			srcRoot: gosarif.NewSimpleArtifactLocation(dirURI(r.WorkDir)),
		})
	}
	for i := range findings {
		run.Results = append(run.Results, result(&findings[i], index[findings[i].RuleID], r.ShowSecrets))
	}
	run.Invocations = []*gosarif.Invocation{invocation(r)}

	return &gosarif.Report{
		Version: string(gosarif.Version210),
		Schema:  schemaURI,
		Runs:    []*gosarif.Run{run},
	}
}

// sortedFindings returns a copy of fs in report order: by path, line,
// column and rule ID, then by everything else that tells findings apart.
func sortedFindings(fs []finding.Finding) []finding.Finding {
	out := slices.Clone(fs)
	slices.SortStableFunc(out, finding.Compare)
	return out
}

// collectRules returns the rules to describe, sorted by ID, one per ID: the
// given ones, plus a minimal entry for each rule a finding names that the
// caller did not pass, so that every result's ruleId resolves.
func collectRules(given []finding.Rule, findings []finding.Finding) []finding.Rule {
	seen := make(map[string]bool, len(given))
	var rules []finding.Rule
	for _, rule := range given {
		if !seen[rule.ID] {
			seen[rule.ID] = true
			rules = append(rules, rule)
		}
	}
	for _, f := range findings {
		if !seen[f.RuleID] {
			seen[f.RuleID] = true
			rules = append(rules, finding.Rule{ID: f.RuleID, Title: f.RuleID, Severity: f.Severity})
		}
	}
	slices.SortStableFunc(rules, func(a, b finding.Rule) int { return cmp.Compare(a.ID, b.ID) })
	return rules
}

// ruleDescriptor describes one catalog rule as SARIF's reportingDescriptor.
func ruleDescriptor(rule finding.Rule) *gosarif.ReportingDescriptor {
	title := cmp.Or(strings.TrimSpace(rule.Title), rule.ID)
	description := cmp.Or(strings.TrimSpace(rule.Description), title)

	d := gosarif.NewRule(rule.ID).
		WithName(pascalCase(rule.ID)).
		WithShortDescription(gosarif.NewMultiformatMessageString(title)).
		WithFullDescription(gosarif.NewMultiformatMessageString(description)).
		WithHelp(help(rule, description)).
		WithDefaultConfiguration(gosarif.NewReportingConfiguration().WithLevel(rule.Severity.Level()))
	if uri := rule.HelpURI(); uri != "" {
		d.WithHelpURI(uri)
	}

	props := gosarif.Properties{
		"tags":              ruleTags(rule.Tags),
		"security-severity": rule.Severity.SecuritySeverity(),
		"problem.severity":  problemSeverity(rule.Severity),
	}
	if p := precision(rule.Confidence); p != "" {
		props["precision"] = p
	}
	return d.WithProperties(props)
}

// help renders a rule's description, remediation and references as plain
// text and as Markdown.
func help(rule finding.Rule, description string) *gosarif.MultiformatMessageString {
	var text, md strings.Builder
	text.WriteString(description)
	md.WriteString(description)
	if rem := strings.TrimSpace(rule.Remediation); rem != "" {
		fmt.Fprintf(&text, "\n\nRemediation: %s", rem)
		fmt.Fprintf(&md, "\n\n**Remediation:** %s", rem)
	}
	if len(rule.References) > 0 {
		text.WriteString("\n\nReferences:")
		md.WriteString("\n\n**References:**\n")
		for _, ref := range rule.References {
			fmt.Fprintf(&text, "\n- %s", ref)
			fmt.Fprintf(&md, "\n- <%s>", ref)
		}
	}
	return gosarif.NewMultiformatMessageString(text.String()).WithMarkdown(md.String())
}

// ruleTags returns the tags GitHub shows for a rule: "security" (which
// makes code scanning read security-severity) and "secret", then the
// rule's own, without repeats.
func ruleTags(own []string) []string {
	tags := []string{"security", "secret"}
	for _, t := range own {
		if t != "" && !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	return tags
}

// precision maps a rule's confidence to SARIF's properties.precision, or ""
// when the confidence is not one keysweep defines.
func precision(confidence string) string {
	switch c := strings.ToLower(strings.TrimSpace(confidence)); c {
	case "high", "medium", "low":
		return c
	default:
		return ""
	}
}

// problemSeverity is the properties.problem.severity GitHub reads for
// rules without a security-severity: the SARIF level, with "note" called
// "recommendation".
func problemSeverity(s finding.Severity) string {
	if level := s.Level(); level != "note" {
		return level
	}
	return "recommendation"
}

// result converts one finding to a SARIF result.
func result(f *finding.Finding, ruleIndex int, showSecrets bool) *gosarif.Result {
	res := gosarif.NewRuleResult(f.RuleID).
		WithRuleIndex(ruleIndex).
		WithLevel(f.Severity.Level()).
		WithMessage(gosarif.NewTextMessage(messageText(f, showSecrets)))
	res.WithLocations([]*gosarif.Location{location(f.Location)})
	if f.Fingerprint != "" {
		res.WithPartialFingerPrints(map[string]interface{}{finding.FingerprintVersion: f.Fingerprint})
	}
	res.Properties = resultProperties(f)
	if v := f.Verification; v != nil && v.Status == finding.Verified {
		// A live credential is an incident: raise it above everything.
		res.WithLevel("error").WithRank(100)
	}
	return res
}

// messageText is the finding's message as a sentence, followed by the
// secret: redacted unless showSecrets is set. The raw secret appears
// nowhere else in the log.
func messageText(f *finding.Finding, showSecrets bool) string {
	msg := sentence(cmp.Or(strings.TrimSpace(f.Message), f.RuleID))
	if f.Secret == "" {
		return msg
	}
	secret := finding.Redact(f.Secret)
	if showSecrets {
		secret = f.Secret
	}
	return fmt.Sprintf(`%s Secret: "%s".`, msg, secret)
}

// location converts a finding's place to a SARIF location: a physical
// location when it has a path, a logical one when it names a resource.
func location(l finding.Location) *gosarif.Location {
	loc := gosarif.NewLocation()
	if al := findingArtifact(l); al != nil {
		pl := gosarif.NewPhysicalLocation().WithArtifactLocation(al)
		if reg := region(l); reg != nil {
			pl.WithRegion(reg)
		}
		loc.WithPhysicalLocation(pl)
	}
	if l.Resource != "" {
		ll := gosarif.NewLogicalLocation().WithName(l.Resource).WithKind("resource")
		if l.Field != "" {
			ll.WithFullyQualifiedName(l.Resource + "#" + l.Field)
		}
		lls := []*gosarif.LogicalLocation{ll}
		// An ARN's region and account are logical locations too, so that
		// results can be grouped by them.
		if parts := strings.SplitN(l.Resource, ":", 6); len(parts) == 6 && parts[0] == "arn" {
			if parts[3] != "" {
				lls = append(lls, gosarif.NewLogicalLocation().WithName(parts[3]).WithKind("region"))
			}
			if parts[4] != "" {
				lls = append(lls, gosarif.NewLogicalLocation().WithName(parts[4]).WithKind("account"))
			}
		}
		// An image layer is one too: its digest, and its place from the
		// base layer (1) up.
		if l.Layer != "" {
			lls = append(lls, gosarif.NewLogicalLocation().WithName(l.Layer).WithKind("layer").
				WithFullyQualifiedName(fmt.Sprintf("%s#layer/%d", l.Resource, l.LayerIndex)))
		}
		loc.WithLogicalLocations(lls)
	}
	if loc.PhysicalLocation == nil && loc.LogicalLocations == nil {
		// GitHub code scanning rejects a result without a location, so a
		// finding with neither path nor resource (a commit message, say)
		// is placed by whatever names it best.
		name := cmp.Or(l.Commit, l.Key, string(l.Kind), "unknown")
		loc.WithLogicalLocations([]*gosarif.LogicalLocation{gosarif.NewLogicalLocation().WithName(name)})
	}
	return loc
}

// region returns the lines and columns of l, or nil when it has no line.
// Ends that would come before the start are left out rather than written
// inconsistent.
func region(l finding.Location) *gosarif.Region {
	if l.StartLine <= 0 {
		return nil
	}
	reg := gosarif.NewRegion().WithStartLine(l.StartLine)
	if l.StartColumn > 0 {
		reg.WithStartColumn(l.StartColumn)
	}
	endLine := l.StartLine
	if l.EndLine > l.StartLine {
		endLine = l.EndLine
	}
	if l.EndLine > 0 {
		reg.WithEndLine(endLine)
	}
	if l.EndColumn > 0 && (endLine > l.StartLine || l.EndColumn >= l.StartColumn) {
		reg.WithEndColumn(l.EndColumn)
	}
	return reg
}

// resultProperties holds what GitHub does not model but users want: the
// severity, offline validation, details, entropy, and the commit or cloud
// resource a finding came from.
func resultProperties(f *finding.Finding) gosarif.Properties {
	props := gosarif.Properties{
		"severity":  f.Severity.String(),
		"validated": f.Validated,
	}
	if len(f.Details) > 0 {
		props["details"] = f.Details
	}
	if f.Verification != nil {
		props["verification"] = f.Verification
	}
	if f.Entropy > 0 {
		props["entropy"] = math.Round(f.Entropy*1000) / 1000
	}
	l := f.Location
	for key, value := range map[string]string{
		"commit":   l.Commit,
		"author":   l.Author,
		"date":     l.Date,
		"resource": l.Resource,
		"field":    l.Field,
		"layer":    l.Layer,
	} {
		if value != "" {
			props[key] = value
		}
	}
	if l.LayerIndex > 0 {
		props["layer_index"] = l.LayerIndex
	}
	return props
}

// invocation describes the run: whether it covered everything asked, what
// went wrong or was skipped, and what it counted.
func invocation(r *finding.Report) *gosarif.Invocation {
	inv := gosarif.NewInvocation().WithExecutionSuccess(!r.Incomplete())
	if r.WorkDir != "" {
		inv.WithWorkingDirectory(gosarif.NewSimpleArtifactLocation(dirURI(r.WorkDir)))
	}
	notices := slices.Clone(r.Notices)
	slices.SortStableFunc(notices, func(a, b finding.Notice) int {
		return cmp.Or(
			cmp.Compare(levelRank(a.Level), levelRank(b.Level)),
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Message, b.Message),
		)
	})
	for _, n := range notices {
		nt := gosarif.NewNotification().
			WithLevel(notificationLevel(n.Level)).
			WithTextMessage(sentence(cmp.Or(strings.TrimSpace(n.Message), "No details.")))
		if n.Path != "" {
			nt.WithLocations([]*gosarif.Location{
				gosarif.NewLocationWithPhysicalLocation(
					gosarif.NewPhysicalLocation().WithArtifactLocation(noticeArtifact(n.Path))),
			})
		}
		inv.AddTToolExecutionNotification(nt)
	}
	targets := r.Targets
	if targets == nil {
		targets = []string{}
	}
	inv.Properties = gosarif.Properties{
		"stats":   r.Stats,
		"targets": targets,
	}
	return inv
}

// notificationLevel maps a notice level to SARIF's; unknown levels are
// notes.
func notificationLevel(l finding.Level) string {
	switch l {
	case finding.LevelError, finding.LevelWarning:
		return string(l)
	default:
		return string(finding.LevelNote)
	}
}

// levelRank orders notices errors first.
func levelRank(l finding.Level) int {
	switch l {
	case finding.LevelError:
		return 0
	case finding.LevelWarning:
		return 1
	default:
		return 2
	}
}

// sentence ends s with a full stop unless it already ends a sentence, as
// SARIF asks of messages.
func sentence(s string) string {
	if r, _ := utf8.DecodeLastRuneInString(s); r == '.' || r == '!' || r == '?' {
		return s
	}
	return s + "."
}

// pascalCase turns a rule ID into SARIF's rule name: "github-pat" becomes
// "GithubPat".
func pascalCase(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		r, size := utf8.DecodeRuneInString(part)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(part[size:])
	}
	if b.Len() == 0 {
		return "Rule"
	}
	return b.String()
}

// semverPattern matches a semantic version with an optional "v" prefix.
var semverPattern = regexp.MustCompile(`^v?((0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?)$`)

// semanticVersion returns version as a semantic version without the "v",
// or "" when it is not one ("dev", a commit hash).
func semanticVersion(version string) string {
	m := semverPattern.FindStringSubmatch(version)
	if m == nil {
		return ""
	}
	return m[1]
}
