package verify

// replicate checks Replicate API tokens by reading the account.
// https://replicate.com/docs/reference/http#accounts.get
func replicate() Verifier {
	return &httpCheck{
		name:     "replicate",
		rules:    []string{"replicate-api-token"},
		url:      "https://api.replicate.com/v1/account",
		auth:     bearer,
		rejected: []int{401},
		details:  map[string]string{"username": "username", "type": "type"},
	}
}
