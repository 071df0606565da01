package verify

// netlify checks Netlify access tokens by reading the user.
// https://open-api.netlify.com/#tag/user/operation/getCurrentUser
func netlify() Verifier {
	return &httpCheck{
		name:    "netlify",
		rules:   []string{"netlify-token"},
		url:     "https://api.netlify.com/api/v1/user",
		auth:    bearer,
		details: map[string]string{"email": "email", "name": "full_name"},
	}
}
