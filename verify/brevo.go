package verify

// brevo checks Brevo (Sendinblue) API keys by reading the account.
// https://developers.brevo.com/reference/getaccount
func brevo() Verifier {
	return &httpCheck{
		name:     "brevo",
		rules:    []string{"brevo-api-key"},
		url:      "https://api.brevo.com/v3/account",
		auth:     header("api-key", ""),
		rejected: []int{401},
		details:  map[string]string{"company": "companyName"},
	}
}
