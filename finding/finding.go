package finding

import (
	"cmp"
	"fmt"
	"unicode/utf8"
)

// Finding is one thing keysweep found: a secret matched by a content rule,
// or a misconfiguration reported by a structural check. Secret is kept in
// memory for verification and fingerprinting only; reporters print
// Redacted unless the user asked for --show-secrets, and Secret is never
// marshalled to JSON by this type.
type Finding struct {
	RuleID   string   `json:"rule_id"`
	Severity Severity `json:"severity"`
	// Confidence is the rule's: "high", "medium" or "low".
	Confidence string `json:"confidence,omitempty"`
	// Message describes this finding. It never contains the secret.
	Message  string   `json:"message"`
	Location Location `json:"location"`

	// Secret is the credential itself (the rule's secret group), or "" for
	// findings that are not about one value.
	Secret string `json:"-"`
	// Entropy is the Shannon entropy of Secret in bits per byte.
	Entropy float64 `json:"entropy,omitempty"`
	// Validated is true when the secret passed an offline structural check
	// (a checksum or a parse), not merely a regular expression.
	Validated bool `json:"validated,omitempty"`
	// Details are facts learned about the secret offline (the AWS account
	// ID of an access key, a key's type and size); never the secret.
	Details map[string]string `json:"details,omitempty"`
	// Parts are the other parts of a multi-part credential found with it
	// (the access key ID of an AWS secret key), by rule ID. Like Secret,
	// they are kept in memory for verification and never marshalled.
	Parts map[string]string `json:"-"`
	// Fingerprint identifies the finding across runs; see Fingerprint.
	Fingerprint string `json:"fingerprint"`
	// Tags are copied from the rule.
	Tags []string `json:"tags,omitempty"`
	// Verification is the result of asking the credential's issuer whether
	// it is live (--verify), or nil when it was not verified.
	Verification *Verification `json:"verification,omitempty"`
}

// VerificationStatus is what live verification learned of a credential.
type VerificationStatus string

// Verification statuses.
const (
	// Verified: the issuer accepted the credential; it is live.
	Verified VerificationStatus = "verified"
	// Invalid: the issuer rejected it (revoked, expired, never issued).
	Invalid VerificationStatus = "invalid"
	// Unknown: no answer either way (a network error, a rate limit, an
	// answer the verifier could not read, a canary token left alone).
	Unknown VerificationStatus = "unknown"
)

// Verification is the result of verifying one credential with its issuer.
type Verification struct {
	Status VerificationStatus `json:"status"`
	// Verifier names the verifier that checked it ("github").
	Verifier string `json:"verifier,omitempty"`
	// Reason explains the status in a few words; never the secret.
	Reason string `json:"reason,omitempty"`
	// Details are what the issuer said about the credential's owner and
	// reach (account, user, scopes, mode); never the secret.
	Details map[string]string `json:"details,omitempty"`
}

// Redacted returns the secret as reports show it: see Redact.
func (f *Finding) Redacted() string { return Redact(f.Secret) }

// Redact hides a secret, keeping a short prefix (at most four characters and
// never more than a quarter of it) and its length, so that a reader can tell
// which credential is meant without learning it: "ghp_…(40 chars)".
func Redact(secret string) string {
	if secret == "" {
		return ""
	}
	n := utf8.RuneCountInString(secret)
	keep := min(n/4, 4)
	prefix := []rune(secret)[:keep]
	return fmt.Sprintf("%s…(%d chars)", string(prefix), n)
}

// String describes f for logs and errors, with the secret redacted.
func (f Finding) String() string {
	loc := f.Location.Path
	if loc == "" {
		loc = f.Location.Resource
	}
	if f.Location.StartLine > 0 {
		loc = fmt.Sprintf("%s:%d", loc, f.Location.StartLine)
	}
	return fmt.Sprintf("%s %s %s", loc, f.RuleID, Redact(f.Secret))
}

// Compare orders findings as reports list them: by path (or resource),
// line, column and rule, then by everything else that tells two findings
// apart, so that the order is the same on every run.
func Compare(a, b Finding) int {
	la, lb := a.Location, b.Location
	return cmp.Or(
		cmp.Compare(la.Path, lb.Path),
		cmp.Compare(la.Resource, lb.Resource),
		cmp.Compare(la.StartLine, lb.StartLine),
		cmp.Compare(la.StartColumn, lb.StartColumn),
		cmp.Compare(a.RuleID, b.RuleID),
		cmp.Compare(la.Field, lb.Field),
		cmp.Compare(la.Commit, lb.Commit),
		cmp.Compare(la.EndLine, lb.EndLine),
		cmp.Compare(la.EndColumn, lb.EndColumn),
		cmp.Compare(a.Fingerprint, b.Fingerprint),
		cmp.Compare(a.Message, b.Message),
	)
}
