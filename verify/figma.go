package verify

// figma checks Figma personal access tokens by reading the user.
// https://www.figma.com/developers/api#get-me-endpoint
func figma() Verifier {
	return &httpCheck{
		name:    "figma",
		rules:   []string{"figma-personal-access-token"},
		url:     "https://api.figma.com/v1/me",
		auth:    header("X-Figma-Token", ""),
		details: map[string]string{"handle": "handle"},
	}
}
