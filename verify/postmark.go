package verify

// postmark checks Postmark server tokens by reading the server (an
// account token is rejected there; the reason says so).
// https://postmarkapp.com/developer/api/server-api
func postmark() Verifier {
	return &httpCheck{
		name:    "postmark",
		rules:   []string{"postmark-api-token"},
		url:     "https://api.postmarkapp.com/server",
		auth:    header("X-Postmark-Server-Token", ""),
		details: map[string]string{"server": "Name"},
		judge: func(resp *Response) (Result, bool) {
			if resp.Status == 401 {
				return invalid("rejected as a server token (HTTP 401); an account token is not checked"), true
			}
			return Result{}, false
		},
	}
}
