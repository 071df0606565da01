package verify

import (
	"context"
	"net/http"
	"regexp"
)

// telegramTokenRE is a bot token's shape; only such a token goes into the
// request path.
var telegramTokenRE = regexp.MustCompile(`^[0-9]{5,16}:[A-Za-z0-9_-]{35}$`)

// telegramVerifier checks Telegram bot tokens with getMe, which names the
// bot. The Bot API takes the token in the path.
// https://core.telegram.org/bots/api#getme
type telegramVerifier struct{}

func telegram() Verifier { return telegramVerifier{} }

var _ Verifier = telegramVerifier{}

func (telegramVerifier) Name() string    { return "telegram" }
func (telegramVerifier) Rules() []string { return []string{"telegram-bot-token"} }

func (telegramVerifier) Endpoints() []Endpoint {
	return []Endpoint{{Method: "GET", Host: "api.telegram.org", Path: "/bot{token}/getMe", Note: "the token is part of the path"}}
}

func (telegramVerifier) Verify(ctx context.Context, c *Client, cred Credential) Result {
	if !telegramTokenRE.MatchString(cred.Secret) {
		return unknown("the token is not a bot token's shape")
	}
	check := &httpCheck{
		url:      "https://api.telegram.org/bot" + cred.Secret + "/getMe",
		auth:     func(*http.Request, string) {},
		rejected: []int{http.StatusUnauthorized, http.StatusNotFound},
		details:  map[string]string{"username": "result.username", "bot_id": "result.id"},
	}
	return check.Verify(ctx, c, cred)
}
