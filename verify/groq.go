package verify

// groq checks Groq API keys by listing models.
// https://console.groq.com/docs/api-reference#models-list
func groq() Verifier {
	return &httpCheck{
		name:     "groq",
		rules:    []string{"groq-api-key"},
		url:      "https://api.groq.com/openai/v1/models",
		auth:     bearer,
		rejected: []int{401},
	}
}
