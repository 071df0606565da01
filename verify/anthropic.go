package verify

// anthropicVersion is the API version header Anthropic requires.
const anthropicVersion = "2023-06-01"

// anthropic checks Anthropic API keys by listing one model.
// https://docs.anthropic.com/en/api/models-list
func anthropic() Verifier {
	return &httpCheck{
		name:     "anthropic",
		rules:    []string{"anthropic-api-key"},
		url:      "https://api.anthropic.com/v1/models?limit=1",
		auth:     header("x-api-key", ""),
		header:   map[string]string{"anthropic-version": anthropicVersion},
		rejected: []int{401},
	}
}

// anthropicAdmin checks Anthropic Admin API keys by listing one user of
// the organization.
// https://docs.anthropic.com/en/api/admin-api/users/list-users
func anthropicAdmin() Verifier {
	return &httpCheck{
		name:     "anthropic-admin",
		rules:    []string{"anthropic-admin-key"},
		url:      "https://api.anthropic.com/v1/organizations/users?limit=1",
		auth:     header("x-api-key", ""),
		header:   map[string]string{"anthropic-version": anthropicVersion},
		rejected: []int{401},
	}
}
