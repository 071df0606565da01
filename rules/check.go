package rules

import (
	"context"

	"github.com/keysweep/keysweep/finding"
)

// Names of the structural checks that catalog rules can name in their
// check key.
const (
	// CheckDockerfile rules are reported by package rules/dockerfile, on
	// Dockerfiles and on the history of container images.
	CheckDockerfile = "dockerfile"
	// CheckIAM rules are reported by package rules/iampolicy, on IAM
	// policy documents, Terraform and CloudFormation.
	CheckIAM = "iam"
	// CheckAWS rules are reported by the AWS account sweep.
	CheckAWS = "aws"
	// CheckGo rules are reported by the Go analyzers (analyzers/).
	CheckGo = "go"
	// CheckKubernetes rules are reported by package rules/k8ssecret, on
	// the data of Kubernetes Secret manifests.
	CheckKubernetes = "kubernetes"
)

// DetailDecoded is set in the Details of a check's finding about a value
// it decoded (to "base64", say): the value as written, on that line, is the
// same credential in another form, and a generic rule's match of it is
// left out (see scanners/fs).
const DetailDecoded = "decoded"

// Checks returns the names of the structural checks, in a fixed order.
func Checks() []string {
	return []string{CheckDockerfile, CheckIAM, CheckAWS, CheckGo, CheckKubernetes}
}

// FileCheck is a structural check run on whole files: it parses what a
// content rule only matches (a Dockerfile, a policy document, a template)
// and reports the catalog rules of its check. Implementations are
// immutable and safe for concurrent use.
type FileCheck interface {
	// Name is the check's name (CheckDockerfile, say).
	Name() string
	// Match reports whether the check wants a file, by its slash path
	// (the Location's Path). A file it matches is read whole, so Match
	// should be specific; Check may still find that the content is not
	// its kind (a JSON file that is not a policy) and report nothing.
	Match(path string) bool
	// Check analyses one file's content. loc is the file's place; the
	// findings carry it with their own lines. An error means the file was
	// meant for this check but could not be analysed (a syntax error): it
	// names the line, never contains a secret, and the findings returned
	// with it are kept.
	Check(ctx context.Context, content []byte, loc finding.Location) ([]finding.Finding, error)
}

// Report makes the finding that a structural check reports for rule id:
// the rule's catalog metadata, the path context (test and documentation
// paths lower the severity), allowlists and the fingerprint. message
// describes this instance; it must not contain the secret, or line
// numbers (the fingerprint of a finding without a secret is made from its
// message, and must survive lines moving). secret is the value the
// finding is about, or "". ok is false when the rule is not in the
// engine's catalog (a configuration disabled it) or an allowlist allows
// the finding: then there is nothing to report.
func (e *Engine) Report(id string, loc finding.Location, message, secret string) (f finding.Finding, ok bool) {
	r, ok := e.Rule(id)
	if !ok || r.skipReport {
		return finding.Finding{}, false
	}
	if e.allowed(r, secret, []byte(secret), nil, loc) {
		return finding.Finding{}, false
	}
	if message == "" {
		message = r.meta.Title
	}
	f = finding.Finding{
		RuleID:     r.meta.ID,
		Severity:   r.meta.Severity,
		Confidence: r.meta.Confidence,
		Message:    message,
		Location:   loc,
		Secret:     secret,
		Tags:       r.meta.Tags,
	}
	if secret != "" {
		f.Entropy = shannon(secret)
	}
	if loc.Kind != finding.KindStdin && loc.Kind != finding.KindResource {
		applyContext(&f, ClassifyPath(loc.FingerprintKey()))
	}
	f.Fingerprint = e.hasher.Fingerprint(&f)
	return f, true
}
