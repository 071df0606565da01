package verify

// bitbucket checks Bitbucket Cloud access tokens by reading the
// authenticated user.
// https://developer.atlassian.com/cloud/bitbucket/rest/api-group-users/#api-user-get
func bitbucket() Verifier {
	return &httpCheck{
		name:     "bitbucket",
		rules:    []string{"bitbucket-access-token"},
		url:      "https://api.bitbucket.org/2.0/user",
		auth:     bearer,
		rejected: []int{401},
		details:  map[string]string{"username": "username", "display_name": "display_name"},
	}
}
