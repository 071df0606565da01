package verify

// digitalOcean checks DigitalOcean API tokens by reading the account.
// https://docs.digitalocean.com/reference/api/digitalocean/#tag/Account
func digitalOcean() Verifier {
	return &httpCheck{
		name:    "digitalocean",
		rules:   []string{"digitalocean-token"},
		url:     "https://api.digitalocean.com/v2/account",
		auth:    bearer,
		details: map[string]string{"email": "account.email", "status": "account.status", "team": "account.team.name"},
	}
}
