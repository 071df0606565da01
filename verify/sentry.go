package verify

// sentry checks Sentry user and legacy auth tokens on sentry.io by listing
// the organizations the token can see.
// https://docs.sentry.io/api/organizations/list-your-organizations/
func sentry() Verifier {
	return &httpCheck{
		name:     "sentry",
		rules:    []string{"sentry-user-token", "sentry-legacy-auth-token"},
		url:      "https://sentry.io/api/0/organizations/",
		auth:     bearer,
		rejected: []int{401},
		details:  map[string]string{"organization": "0.slug"},
	}
}
