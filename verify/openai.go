package verify

// openAI checks OpenAI project, user and service-account keys by listing
// models; the answer's openai-organization header names the organization.
// https://platform.openai.com/docs/api-reference/models/list
func openAI() Verifier {
	return &httpCheck{
		name:     "openai",
		rules:    []string{"openai-user-key", "openai-project-key", "openai-service-account-key"},
		url:      "https://api.openai.com/v1/models",
		auth:     bearer,
		rejected: []int{401},
		judge: func(resp *Response) (Result, bool) {
			if resp.Status == 200 {
				if org := resp.Header.Get("Openai-Organization"); org != "" {
					return verified("", map[string]string{"organization": org}), true
				}
			}
			return Result{}, false
		},
	}
}

// openAIAdmin checks OpenAI admin keys by listing one project of the
// organization.
// https://platform.openai.com/docs/api-reference/projects/list
func openAIAdmin() Verifier {
	return &httpCheck{
		name:     "openai-admin",
		rules:    []string{"openai-admin-key"},
		url:      "https://api.openai.com/v1/organization/projects?limit=1",
		auth:     bearer,
		rejected: []int{401},
	}
}
