package verify

// openRouter checks OpenRouter API keys by reading the key's own record.
// https://openrouter.ai/docs/api-reference/api-keys/get-current-key
func openRouter() Verifier {
	return &httpCheck{
		name:     "openrouter",
		rules:    []string{"openrouter-api-key"},
		url:      "https://openrouter.ai/api/v1/key",
		auth:     bearer,
		rejected: []int{401},
		details:  map[string]string{"label": "data.label"},
	}
}
