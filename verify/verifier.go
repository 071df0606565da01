package verify

import (
	"context"
	"fmt"

	"github.com/keysweep/keysweep/finding"
)

// Verifier checks the credentials of one provider with the provider's own
// API. Implementations are immutable and safe for concurrent use.
type Verifier interface {
	// Name names the verifier, provider first ("github", "openai-admin").
	Name() string
	// Rules are the catalog rule IDs whose findings it verifies.
	Rules() []string
	// Endpoints are every endpoint Verify may call.
	Endpoints() []Endpoint
	// Verify asks the issuer about one credential. It never returns an
	// error: what goes wrong is an Unknown result with the reason.
	Verify(ctx context.Context, c *Client, cred Credential) Result
}

// Endpoint is one place a verifier sends credentials to. Host and Path may
// hold {placeholders} for the parts that depend on the credential (a
// tenant, a data centre); Host never holds one that could name a host of
// someone other than the issuer.
type Endpoint struct {
	Method string
	Host   string
	Path   string
	// Note says what the call is, or what varies.
	Note string
}

// String returns the endpoint as "GET https://host/path".
func (e Endpoint) String() string {
	return fmt.Sprintf("%s https://%s%s", e.Method, e.Host, e.Path)
}

// Credential is what a verifier gets of a finding: its secret, the other
// parts of a multi-part credential (by rule ID) and the facts learned
// offline (an AWS key's account, a service account's client_email).
type Credential struct {
	RuleID  string
	Secret  string
	Parts   map[string]string
	Details map[string]string
}

// Result is what a verifier learned.
type Result struct {
	Status finding.VerificationStatus
	// Reason says why, in a few words, without the secret.
	Reason string
	// Details are non-secret facts the issuer returned (account, user,
	// scopes).
	Details map[string]string
}

func verified(reason string, details map[string]string) Result {
	return Result{Status: finding.Verified, Reason: reason, Details: details}
}

func invalid(reason string) Result {
	return Result{Status: finding.Invalid, Reason: reason}
}

func unknown(reason string) Result {
	return Result{Status: finding.Unknown, Reason: reason}
}
