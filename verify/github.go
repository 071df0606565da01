package verify

import (
	"net/http"
	"strings"
)

// github checks GitHub tokens by reading the authenticated user; the
// X-OAuth-Scopes header lists a classic token's scopes.
// https://docs.github.com/en/rest/users/users#get-the-authenticated-user
func github() Verifier {
	return &httpCheck{
		name:   "github",
		rules:  []string{"github-pat", "github-oauth-token", "github-fine-grained-pat", "github-user-to-server-token", "github-legacy-token"},
		url:    "https://api.github.com/user",
		auth:   bearer,
		header: map[string]string{"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"},
		judge: func(resp *Response) (Result, bool) {
			switch {
			case resp.Status == http.StatusOK:
				d := jsonDetails(resp.Body, map[string]string{"login": "login", "account_type": "type"})
				if d == nil {
					d = map[string]string{}
				}
				if s, ok := resp.Header["X-Oauth-Scopes"]; ok {
					d["scopes"] = cmpOr(strings.ReplaceAll(strings.Join(s, ","), " ", ""), "(none)")
				}
				return verified("", d), true
			case resp.Status == http.StatusForbidden && resp.Header.Get("X-Ratelimit-Remaining") == "0":
				return unknown("rate limited by GitHub"), true
			}
			return Result{}, false
		},
		rejected: []int{http.StatusUnauthorized},
	}
}
