package verify

// snyk checks Snyk API tokens by reading the user.
// https://docs.snyk.io/snyk-api/reference/users-v1#get-user-me
func snyk() Verifier {
	return &httpCheck{
		name:     "snyk",
		rules:    []string{"snyk-api-token"},
		url:      "https://api.snyk.io/v1/user/me",
		auth:     header("Authorization", "token "),
		rejected: []int{401},
		details:  map[string]string{"username": "username"},
	}
}
