package verify

// mistral checks Mistral AI API keys by listing models.
// https://docs.mistral.ai/api/#tag/models
func mistral() Verifier {
	return &httpCheck{
		name:     "mistral",
		rules:    []string{"mistral-api-key"},
		url:      "https://api.mistral.ai/v1/models",
		auth:     bearer,
		rejected: []int{401},
	}
}
