package verify

// calendly checks Calendly personal access tokens by reading the user.
// https://developer.calendly.com/api-docs/005832c83aeae-get-current-user
func calendly() Verifier {
	return &httpCheck{
		name:     "calendly",
		rules:    []string{"calendly-personal-access-token"},
		url:      "https://api.calendly.com/users/me",
		auth:     bearer,
		rejected: []int{401},
		details:  map[string]string{"name": "resource.name"},
	}
}
