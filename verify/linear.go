package verify

import (
	"bytes"
	"net/http"
)

// linear checks Linear API keys with a GraphQL query for the viewer (a
// query, never a mutation).
// https://linear.app/developers/graphql
func linear() Verifier {
	return &httpCheck{
		name:        "linear",
		rules:       []string{"linear-api-key"},
		method:      http.MethodPost,
		url:         "https://api.linear.app/graphql",
		note:        "query { viewer { id name } }",
		auth:        header("Authorization", ""),
		body:        `{"query":"{ viewer { id name } }"}`,
		contentType: "application/json",
		details:     map[string]string{"user": "data.viewer.name"},
		judge: func(resp *Response) (Result, bool) {
			if bytes.Contains(resp.Body, []byte("AUTHENTICATION_ERROR")) {
				return invalid("Linear says AUTHENTICATION_ERROR"), true
			}
			return Result{}, false
		},
	}
}
