package verify

// airtable checks Airtable personal access tokens with whoami, which names
// the user and the token's scopes.
// https://airtable.com/developers/web/api/get-user-id-scopes
func airtable() Verifier {
	return &httpCheck{
		name:     "airtable",
		rules:    []string{"airtable-personal-access-token"},
		url:      "https://api.airtable.com/v0/meta/whoami",
		auth:     bearer,
		rejected: []int{401},
		details:  map[string]string{"user_id": "id", "scopes": "scopes"},
	}
}
