package verify

// pulumi checks Pulumi access tokens by reading the user.
// https://www.pulumi.com/docs/pulumi-cloud/reference/cloud-rest-api/
func pulumi() Verifier {
	return &httpCheck{
		name:     "pulumi",
		rules:    []string{"pulumi-access-token"},
		url:      "https://api.pulumi.com/api/user",
		auth:     header("Authorization", "token "),
		header:   map[string]string{"Accept": "application/vnd.pulumi+8"},
		rejected: []int{401},
		details:  map[string]string{"login": "githubLogin"},
	}
}
