package verify

// supabase checks Supabase personal access tokens by listing the
// projects they reach.
// https://supabase.com/docs/reference/api/v1-list-all-projects
func supabase() Verifier {
	return &httpCheck{
		name:     "supabase",
		rules:    []string{"supabase-personal-access-token"},
		url:      "https://api.supabase.com/v1/projects",
		auth:     bearer,
		rejected: []int{401},
		details:  map[string]string{"project": "0.name"},
	}
}
