package verify

// heroku checks Heroku API keys by reading the account.
// https://devcenter.heroku.com/articles/platform-api-reference#account-info
func heroku() Verifier {
	return &httpCheck{
		name:    "heroku",
		rules:   []string{"heroku-api-key", "heroku-api-key-legacy"},
		url:     "https://api.heroku.com/account",
		auth:    bearer,
		header:  map[string]string{"Accept": "application/vnd.heroku+json; version=3"},
		details: map[string]string{"email": "email"},
	}
}
