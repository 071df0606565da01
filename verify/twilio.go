package verify

import (
	"context"
	"net/http"
)

// twilioVerifier checks a Twilio API key secret with its key SID (SK…)
// found beside it, by listing the accounts the key can see.
// https://www.twilio.com/docs/iam/api/account#read-multiple-account-resources
type twilioVerifier struct{}

func twilio() Verifier { return twilioVerifier{} }

var _ Verifier = twilioVerifier{}

func (twilioVerifier) Name() string    { return "twilio" }
func (twilioVerifier) Rules() []string { return []string{"twilio-api-key-secret"} }

func (twilioVerifier) Endpoints() []Endpoint {
	return []Endpoint{{Method: "GET", Host: "api.twilio.com", Path: "/2010-04-01/Accounts.json", Note: "basic auth with the key SID"}}
}

func (twilioVerifier) Verify(ctx context.Context, c *Client, cred Credential) Result {
	sid := cred.Parts["twilio-api-key-sid"]
	if sid == "" {
		return unknown("the API key SID was not found with the secret")
	}
	check := &httpCheck{
		url:      "https://api.twilio.com/2010-04-01/Accounts.json?PageSize=1",
		auth:     func(req *http.Request, secret string) { req.SetBasicAuth(sid, secret) },
		rejected: []int{http.StatusUnauthorized},
		details:  map[string]string{"account_sid": "accounts.0.sid", "account_name": "accounts.0.friendly_name", "account_status": "accounts.0.status"},
	}
	return check.Verify(ctx, c, cred)
}
