package verify

// postman checks Postman API keys by reading the key's user.
// https://learning.postman.com/docs/developer/postman-api/authentication/
func postman() Verifier {
	return &httpCheck{
		name:    "postman",
		rules:   []string{"postman-api-key"},
		url:     "https://api.getpostman.com/me",
		auth:    header("X-API-Key", ""),
		details: map[string]string{"username": "user.username"},
	}
}
