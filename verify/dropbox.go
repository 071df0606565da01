package verify

import "net/http"

// dropbox checks Dropbox access tokens by reading the current account
// (Dropbox's RPC calls are POSTs; this one only reads).
// https://www.dropbox.com/developers/documentation/http/documentation#users-get_current_account
func dropbox() Verifier {
	return &httpCheck{
		name:     "dropbox",
		rules:    []string{"dropbox-long-lived-token", "dropbox-short-lived-token"},
		method:   http.MethodPost,
		url:      "https://api.dropboxapi.com/2/users/get_current_account",
		auth:     bearer,
		rejected: []int{401},
		details:  map[string]string{"account_id": "account_id", "name": "name.display_name"},
	}
}
