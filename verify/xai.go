package verify

// xai checks xAI API keys by reading the key's own record, which says
// whether it is blocked or disabled.
// https://docs.x.ai/docs/api-reference#api-key
func xai() Verifier {
	return &httpCheck{
		name:     "xai",
		rules:    []string{"xai-api-key"},
		url:      "https://api.x.ai/v1/api-key",
		auth:     bearer,
		rejected: []int{400, 401, 403},
		details:  map[string]string{"name": "name", "team_id": "team_id"},
		judge: func(resp *Response) (Result, bool) {
			if resp.Status == 200 && (bodyHas(resp.Body, "api_key_blocked", "true") || bodyHas(resp.Body, "api_key_disabled", "true")) {
				return invalid("xAI says the key is blocked or disabled"), true
			}
			return Result{}, false
		},
	}
}
