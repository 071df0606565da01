package verify

// pagerDuty checks PagerDuty REST API keys by listing the account's
// abilities.
// https://developer.pagerduty.com/api-reference/
func pagerDuty() Verifier {
	return &httpCheck{
		name:   "pagerduty",
		rules:  []string{"pagerduty-api-key"},
		url:    "https://api.pagerduty.com/abilities",
		auth:   header("Authorization", "Token token="),
		header: map[string]string{"Accept": "application/vnd.pagerduty+json;version=2"},
	}
}
