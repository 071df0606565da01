package verify

import (
	"bytes"
	"net/http"
)

// newRelic checks New Relic user API keys with a NerdGraph query that
// reads the key's user (a query, never a mutation).
// https://docs.newrelic.com/docs/apis/nerdgraph/get-started/introduction-new-relic-nerdgraph/
func newRelic() Verifier {
	return &httpCheck{
		name:        "newrelic",
		rules:       []string{"newrelic-user-api-key"},
		method:      http.MethodPost,
		url:         "https://api.newrelic.com/graphql",
		note:        "query { actor { user { name email } } }",
		auth:        header("API-Key", ""),
		body:        `{"query":"{ actor { user { name email } } }"}`,
		contentType: "application/json",
		judge: func(resp *Response) (Result, bool) {
			if resp.Status != http.StatusOK {
				return Result{}, false
			}
			if d := jsonDetails(resp.Body, map[string]string{"user": "data.actor.user.name", "email": "data.actor.user.email"}); d != nil {
				return verified("", d), true
			}
			if bytes.Contains(bytes.ToLower(resp.Body), []byte("api key")) {
				return invalid("New Relic rejected the key"), true
			}
			return unknown("New Relic named no user"), true
		},
	}
}
