package verify

import (
	"encoding/json"
	"net/http"
)

// googleAPIKey checks Google API keys by listing Gemini models (read-only,
// free). Google names the key's fate in the error's reason: a key that is
// live but restricted, or whose project has not enabled this API, is live.
// https://cloud.google.com/docs/authentication/api-keys
func googleAPIKey() Verifier {
	return &httpCheck{
		name:  "google-api-key",
		rules: []string{"google-api-key"},
		url:   "https://generativelanguage.googleapis.com/v1beta/models?pageSize=1",
		note:  "the key goes in the x-goog-api-key header",
		auth:  header("x-goog-api-key", ""),
		judge: func(resp *Response) (Result, bool) {
			if resp.Status == http.StatusOK {
				return verified("the key can use the Generative Language API", nil), true
			}
			var r struct {
				Error struct {
					Details []struct {
						Reason string `json:"reason"`
					} `json:"details"`
				} `json:"error"`
			}
			if json.Unmarshal(resp.Body, &r) != nil {
				return Result{}, false
			}
			for _, d := range r.Error.Details {
				switch d.Reason {
				case "API_KEY_INVALID", "API_KEY_EXPIRED":
					return invalid("Google says " + d.Reason), true
				case "SERVICE_DISABLED", "API_KEY_SERVICE_BLOCKED", "API_KEY_HTTP_REFERRER_BLOCKED",
					"API_KEY_IP_ADDRESS_BLOCKED", "API_KEY_ANDROID_APP_BLOCKED", "API_KEY_IOS_APP_BLOCKED":
					return verified("live, but restricted or not enabled for this API ("+d.Reason+")", map[string]string{"restriction": d.Reason}), true
				}
			}
			return Result{}, false
		},
	}
}
