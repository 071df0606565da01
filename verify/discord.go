package verify

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
)

// discordBot checks Discord bot tokens by reading the bot's own user.
// https://discord.com/developers/docs/resources/user#get-current-user
func discordBot() Verifier {
	return &httpCheck{
		name:     "discord-bot",
		rules:    []string{"discord-bot-token"},
		url:      "https://discord.com/api/v10/users/@me",
		auth:     header("Authorization", "Bot "),
		rejected: []int{http.StatusUnauthorized},
		details:  map[string]string{"username": "username", "id": "id"},
	}
}

// discordWebhookPath is a webhook's path: its ID and token.
var discordWebhookPath = regexp.MustCompile(`^/api/(?:v[0-9]{1,2}/)?webhooks/([0-9]{17,20})/([A-Za-z0-9_-]{60,80})$`)

// webhookVerifier checks a Discord webhook URL by reading the webhook
// (GET, which posts nothing). The URL is rebuilt on discord.com from its
// ID and token, so nothing else in it is followed.
// https://discord.com/developers/docs/resources/webhook#get-webhook-with-token
type webhookVerifier struct{}

func discordWebhook() Verifier { return webhookVerifier{} }

var _ Verifier = webhookVerifier{}

func (webhookVerifier) Name() string    { return "discord-webhook" }
func (webhookVerifier) Rules() []string { return []string{"discord-webhook-url"} }

func (webhookVerifier) Endpoints() []Endpoint {
	return []Endpoint{{Method: "GET", Host: "discord.com", Path: "/api/v10/webhooks/{id}/{token}", Note: "reads the webhook; posts nothing"}}
}

func (webhookVerifier) Verify(ctx context.Context, c *Client, cred Credential) Result {
	u, err := url.Parse(cred.Secret)
	if err != nil {
		return unknown("the webhook URL does not parse")
	}
	switch u.Host {
	case "discord.com", "discordapp.com", "ptb.discord.com", "canary.discord.com":
	default:
		return unknown("the webhook URL is not on a Discord host")
	}
	m := discordWebhookPath.FindStringSubmatch(u.Path)
	if m == nil {
		return unknown("the webhook URL's path is not a webhook's")
	}
	check := &httpCheck{
		url:      "https://discord.com/api/v10/webhooks/" + m[1] + "/" + m[2],
		auth:     func(*http.Request, string) {},
		rejected: []int{http.StatusUnauthorized, http.StatusNotFound},
		details:  map[string]string{"name": "name", "channel_id": "channel_id", "guild_id": "guild_id"},
	}
	return check.Verify(ctx, c, cred)
}
