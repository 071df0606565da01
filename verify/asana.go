package verify

// asana checks Asana personal access tokens by reading the user.
// https://developers.asana.com/reference/getuser
func asana() Verifier {
	return &httpCheck{
		name:     "asana",
		rules:    []string{"asana-personal-access-token"},
		url:      "https://app.asana.com/api/1.0/users/me",
		auth:     bearer,
		rejected: []int{401},
		details:  map[string]string{"name": "data.name"},
	}
}
