package verify

// notion checks Notion integration tokens by reading the bot user.
// https://developers.notion.com/reference/get-self
func notion() Verifier {
	return &httpCheck{
		name:    "notion",
		rules:   []string{"notion-api-token", "notion-legacy-integration-token"},
		url:     "https://api.notion.com/v1/users/me",
		auth:    bearer,
		header:  map[string]string{"Notion-Version": "2022-06-28"},
		details: map[string]string{"name": "name", "workspace": "bot.workspace_name"},
	}
}
