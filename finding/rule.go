package finding

import "strings"

// Rule is the catalog metadata of one detector: everything a report needs to
// describe it. The catalog in package rules is the only place these values
// are written; SARIF rules[], `keysweep rules` and the README table are all
// made from it.
type Rule struct {
	// ID is stable forever: kebab-case, provider first ("github-pat").
	ID string `json:"id"`
	// Title is a short, sentence-case name ("GitHub personal access token").
	Title string `json:"title"`
	// Description says what the rule finds and why it matters.
	Description string `json:"description"`
	// Remediation says what to do about a finding.
	Remediation string `json:"remediation,omitempty"`
	// Severity is the default severity of the rule's findings.
	Severity Severity `json:"severity"`
	// Confidence is "high", "medium" or "low": how likely a match is a real
	// credential. It maps to SARIF's properties.precision.
	Confidence string `json:"confidence,omitempty"`
	// Tags group rules ("cloud", "aws", "generic").
	Tags []string `json:"tags,omitempty"`
	// References are documentation URLs; the first is the rule's help URI.
	References []string `json:"references,omitempty"`
	// Validation names the offline structural check a match must pass
	// (a checksum, a parse), or is empty.
	Validation string `json:"validation,omitempty"`
	// Check names the structural check that reports the rule
	// ("dockerfile", "iam", "aws", "go"), or is empty for a content rule,
	// which matches text.
	Check string `json:"check,omitempty"`
}

// Provider is who issues the credential: the rule's first tag, else the
// first word of its ID.
func (r Rule) Provider() string {
	if len(r.Tags) > 0 {
		return r.Tags[0]
	}
	id, _, _ := strings.Cut(r.ID, "-")
	return id
}

// HelpURI returns the rule's first reference, or "".
func (r Rule) HelpURI() string {
	if len(r.References) == 0 {
		return ""
	}
	return r.References[0]
}
