package verify

// sendGrid checks SendGrid API keys by reading the key's own scopes.
// https://www.twilio.com/docs/sendgrid/api-reference/api-key-permissions/retrieve-a-list-of-scopes-for-which-this-user-has-access
func sendGrid() Verifier {
	return &httpCheck{
		name:    "sendgrid",
		rules:   []string{"sendgrid-api-key"},
		url:     "https://api.sendgrid.com/v3/scopes",
		auth:    bearer,
		details: map[string]string{"scopes": "scopes"},
	}
}
