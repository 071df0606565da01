package verify

import (
	"context"
	"net/http"
	"strings"

	"github.com/keysweep/keysweep/finding"
)

// stripe checks Stripe secret and restricted keys by reading the balance.
// A restricted key without that permission is answered 403, which still
// proves the key live. The mode (live or test) is the key's prefix.
// https://docs.stripe.com/api/balance/balance_retrieve
func stripe() Verifier {
	return &stripeVerifier{httpCheck{
		name:     "stripe",
		rules:    []string{"stripe-secret-key", "stripe-restricted-key", "stripe-test-key"},
		url:      "https://api.stripe.com/v1/balance",
		auth:     bearer,
		rejected: []int{http.StatusUnauthorized},
		details:  map[string]string{"livemode": "livemode"},
		judge: func(resp *Response) (Result, bool) {
			if resp.Status == http.StatusForbidden {
				return verified("a restricted key without permission to read the balance", map[string]string{"restricted": "true"}), true
			}
			return Result{}, false
		},
	}}
}

// stripeVerifier adds the key's mode to httpCheck's result.
type stripeVerifier struct{ httpCheck }

func (s *stripeVerifier) Verify(ctx context.Context, c *Client, cred Credential) Result {
	res := s.httpCheck.Verify(ctx, c, cred)
	if res.Status == finding.Verified {
		if res.Details == nil {
			res.Details = map[string]string{}
		}
		res.Details["mode"] = "test"
		if strings.Contains(cred.Secret, "_live_") {
			res.Details["mode"] = "live"
		}
		if strings.HasPrefix(cred.Secret, "rk_") {
			res.Details["restricted"] = "true"
		}
	}
	return res
}
