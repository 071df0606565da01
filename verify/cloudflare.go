package verify

// cloudflare checks Cloudflare user API tokens with the verify endpoint,
// which returns the token's status.
// https://developers.cloudflare.com/api/resources/user/subresources/tokens/methods/verify/
func cloudflare() Verifier {
	return &httpCheck{
		name:     "cloudflare",
		rules:    []string{"cloudflare-api-token", "cloudflare-api-token-legacy"},
		url:      "https://api.cloudflare.com/client/v4/user/tokens/verify",
		auth:     bearer,
		rejected: []int{400, 401, 403},
		judge: func(resp *Response) (Result, bool) {
			if resp.Status == 200 && !bodyHas(resp.Body, "result.status", "active") {
				return invalid("Cloudflare says the token is not active"), true
			}
			return Result{}, false
		},
		details: map[string]string{"token_id": "result.id", "status": "result.status"},
	}
}
