package verify

// buildkite checks Buildkite API access tokens by reading the token's own
// record (its scopes).
// https://buildkite.com/docs/apis/rest-api/access-token
func buildkite() Verifier {
	return &httpCheck{
		name:     "buildkite",
		rules:    []string{"buildkite-api-token"},
		url:      "https://api.buildkite.com/v2/access-token",
		auth:     bearer,
		rejected: []int{401},
		details:  map[string]string{"scopes": "scopes"},
	}
}
