package verify

import "net/http"

// gitlab checks GitLab personal access tokens at gitlab.com by reading the
// token's own record (name, scopes, active). A token of a self-managed
// GitLab is rejected by gitlab.com; the reason says so.
// https://docs.gitlab.com/api/personal_access_tokens/#get-single-personal-access-token
func gitlab() Verifier {
	return &httpCheck{
		name:    "gitlab",
		rules:   []string{"gitlab-pat"},
		url:     "https://gitlab.com/api/v4/personal_access_tokens/self",
		auth:    header("PRIVATE-TOKEN", ""),
		details: map[string]string{"token_name": "name", "scopes": "scopes", "user_id": "user_id", "expires_at": "expires_at"},
		judge: func(resp *Response) (Result, bool) {
			switch {
			case resp.Status == http.StatusOK && bodyHas(resp.Body, "active", "false"):
				return invalid("gitlab.com says the token is revoked or expired"), true
			case resp.Status == http.StatusUnauthorized:
				return invalid("rejected by gitlab.com (HTTP 401); a self-managed instance's token is not checked there"), true
			}
			return Result{}, false
		},
	}
}
