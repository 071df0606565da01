package verify

// intercom checks Intercom access tokens by reading the admin they belong
// to.
// https://developers.intercom.com/docs/references/rest-api/api.intercom.io/admins/identifyadmin
func intercom() Verifier {
	return &httpCheck{
		name:     "intercom",
		rules:    []string{"intercom-access-token"},
		url:      "https://api.intercom.io/me",
		auth:     bearer,
		rejected: []int{401},
		details:  map[string]string{"app": "app.name"},
	}
}
