package verify

// honeycomb checks Honeycomb API keys with the auth endpoint, which names
// the team and environment.
// https://api-docs.honeycomb.io/api/auth
func honeycomb() Verifier {
	return &httpCheck{
		name:     "honeycomb",
		rules:    []string{"honeycomb-api-key"},
		url:      "https://api.honeycomb.io/1/auth",
		auth:     header("X-Honeycomb-Team", ""),
		rejected: []int{401},
		details:  map[string]string{"team": "team.slug", "environment": "environment.slug"},
	}
}
