package verify

import (
	"bytes"
	"net/http"
)

// elevenLabs checks ElevenLabs API keys by reading the user. A key
// restricted from reading the user is answered "missing_permissions",
// which still proves it live.
// https://elevenlabs.io/docs/api-reference/user/get
func elevenLabs() Verifier {
	return &httpCheck{
		name:     "elevenlabs",
		rules:    []string{"elevenlabs-api-key"},
		url:      "https://api.elevenlabs.io/v1/user",
		auth:     header("xi-api-key", ""),
		rejected: []int{401},
		details:  map[string]string{"tier": "subscription.tier"},
		judge: func(resp *Response) (Result, bool) {
			if resp.Status == http.StatusUnauthorized && bytes.Contains(resp.Body, []byte("missing_permissions")) {
				return verified("a key without permission to read the user", map[string]string{"restricted": "true"}), true
			}
			return Result{}, false
		},
	}
}
