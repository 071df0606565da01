package verify

import (
	"bytes"
	"net/http"
)

// resend checks Resend API keys by listing domains. A sending-only key is
// answered "restricted_api_key", which still proves it live.
// https://resend.com/docs/api-reference/errors
func resend() Verifier {
	return &httpCheck{
		name:  "resend",
		rules: []string{"resend-api-key"},
		url:   "https://api.resend.com/domains",
		auth:  bearer,
		judge: func(resp *Response) (Result, bool) {
			if resp.Status == http.StatusUnauthorized && bytes.Contains(resp.Body, []byte("restricted_api_key")) {
				return verified("a sending-only key", map[string]string{"restricted": "true"}), true
			}
			return Result{}, false
		},
	}
}
