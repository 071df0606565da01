package verify

// npm checks npm access tokens with whoami.
// https://docs.npmjs.com/cli/commands/npm-whoami
func npm() Verifier {
	return &httpCheck{
		name:    "npm",
		rules:   []string{"npm-access-token"},
		url:     "https://registry.npmjs.org/-/whoami",
		auth:    bearer,
		details: map[string]string{"username": "username"},
	}
}
