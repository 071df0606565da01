package verify

// typeform checks Typeform personal access tokens by reading the account.
// https://www.typeform.com/developers/get-started/personal-access-token/
func typeform() Verifier {
	return &httpCheck{
		name:     "typeform",
		rules:    []string{"typeform-personal-access-token"},
		url:      "https://api.typeform.com/me",
		auth:     bearer,
		rejected: []int{401},
		details:  map[string]string{"alias": "alias"},
	}
}
