package verify

import (
	"encoding/json"
	"net/http"
	"strings"
)

// slack checks Slack tokens with auth.test, which names the team and user
// and changes nothing. Slack answers 200 with "ok": false for a bad token.
// https://api.slack.com/methods/auth.test
func slack() Verifier {
	return &httpCheck{
		name:        "slack",
		rules:       []string{"slack-bot-token", "slack-user-token", "slack-legacy-token"},
		method:      http.MethodPost,
		url:         "https://slack.com/api/auth.test",
		auth:        bearer,
		contentType: "application/x-www-form-urlencoded",
		judge: func(resp *Response) (Result, bool) {
			if resp.Status != http.StatusOK {
				return Result{}, false
			}
			var r struct {
				OK    bool   `json:"ok"`
				Error string `json:"error"`
			}
			if json.Unmarshal(resp.Body, &r) != nil {
				return unknown("unreadable answer from Slack"), true
			}
			if r.OK {
				d := jsonDetails(resp.Body, map[string]string{"team": "team", "team_id": "team_id", "user": "user", "user_id": "user_id", "bot_id": "bot_id"})
				if s := resp.Header.Get("X-Oauth-Scopes"); s != "" {
					if d == nil {
						d = map[string]string{}
					}
					d["scopes"] = strings.ReplaceAll(s, " ", "")
				}
				return verified("", d), true
			}
			switch r.Error {
			case "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "org_login_required":
				return invalid("Slack says " + r.Error), true
			}
			return unknown("Slack says " + r.Error), true
		},
	}
}
