package verify

// linode checks Linode (Akamai) personal access tokens by reading the
// profile.
// https://techdocs.akamai.com/linode-api/reference/get-profile
func linode() Verifier {
	return &httpCheck{
		name:     "linode",
		rules:    []string{"linode-token"},
		url:      "https://api.linode.com/v4/profile",
		auth:     bearer,
		rejected: []int{401},
		details:  map[string]string{"username": "username"},
	}
}
