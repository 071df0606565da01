package verify

// vercel checks Vercel access tokens by reading the user.
// https://vercel.com/docs/rest-api/reference/endpoints/user/get-the-user
func vercel() Verifier {
	return &httpCheck{
		name:    "vercel",
		rules:   []string{"vercel-token", "vercel-token-legacy"},
		url:     "https://api.vercel.com/v2/user",
		auth:    bearer,
		details: map[string]string{"username": "user.username"},
	}
}
