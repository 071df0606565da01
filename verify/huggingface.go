package verify

// huggingFace checks Hugging Face tokens with whoami, which names the user
// and the token's role.
// https://huggingface.co/docs/hub/api#get-apiwhoami-v2
func huggingFace() Verifier {
	return &httpCheck{
		name:    "huggingface",
		rules:   []string{"huggingface-access-token", "huggingface-org-token"},
		url:     "https://huggingface.co/api/whoami-v2",
		auth:    bearer,
		details: map[string]string{"name": "name", "type": "type", "role": "auth.accessToken.role"},
	}
}
