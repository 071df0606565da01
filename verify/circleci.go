package verify

// circleCI checks CircleCI personal API tokens by reading the user.
// https://circleci.com/docs/api/v2/index.html#operation/getCurrentUser
func circleCI() Verifier {
	return &httpCheck{
		name:     "circleci",
		rules:    []string{"circleci-api-token", "circleci-legacy-api-token"},
		url:      "https://circleci.com/api/v2/me",
		auth:     header("Circle-Token", ""),
		rejected: []int{401},
		details:  map[string]string{"login": "login"},
	}
}
