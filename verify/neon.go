package verify

// neon checks Neon API keys by reading the user.
// https://api-docs.neon.tech/reference/getcurrentuserinfo
func neon() Verifier {
	return &httpCheck{
		name:     "neon",
		rules:    []string{"neon-api-key"},
		url:      "https://console.neon.tech/api/v2/users/me",
		auth:     bearer,
		rejected: []int{401},
		details:  map[string]string{"user_id": "id"},
	}
}
