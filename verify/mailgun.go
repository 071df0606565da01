package verify

// mailgun checks Mailgun API keys by listing one sending domain, on the US
// region's API (an EU-only key may be rejected there).
// https://documentation.mailgun.com/docs/mailgun/api-reference/openapi-final/tag/Domains/
func mailgun() Verifier {
	return &httpCheck{
		name:    "mailgun",
		rules:   []string{"mailgun-api-key", "mailgun-api-key-v2"},
		url:     "https://api.mailgun.net/v3/domains?limit=1",
		auth:    basicUser("api"),
		details: map[string]string{"domain": "items.0.name"},
	}
}
