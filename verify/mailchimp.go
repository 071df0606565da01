package verify

import (
	"context"
	"net/http"
	"regexp"
	"strings"
)

// mailchimpDC is the data-centre suffix of a Mailchimp key ("-us6"), which
// names the API host; nothing else may.
var mailchimpDC = regexp.MustCompile(`^us[0-9]{1,2}$`)

// mailchimpVerifier checks Mailchimp Marketing API keys with the API root,
// which names the account. The key's data centre picks the host.
// https://mailchimp.com/developer/marketing/api/root/
type mailchimpVerifier struct{}

func mailchimp() Verifier { return mailchimpVerifier{} }

var _ Verifier = mailchimpVerifier{}

func (mailchimpVerifier) Name() string    { return "mailchimp" }
func (mailchimpVerifier) Rules() []string { return []string{"mailchimp-api-key"} }

func (mailchimpVerifier) Endpoints() []Endpoint {
	return []Endpoint{{Method: "GET", Host: "{dc}.api.mailchimp.com", Path: "/3.0/", Note: "{dc} is the key's data centre, us1 to us99"}}
}

func (mailchimpVerifier) Verify(ctx context.Context, c *Client, cred Credential) Result {
	i := strings.LastIndexByte(cred.Secret, '-')
	if i < 0 || !mailchimpDC.MatchString(cred.Secret[i+1:]) {
		return unknown("the key names no data centre")
	}
	check := &httpCheck{
		url:      "https://" + cred.Secret[i+1:] + ".api.mailchimp.com/3.0/",
		auth:     basicUser("keysweep"),
		rejected: []int{http.StatusUnauthorized, http.StatusForbidden},
		details:  map[string]string{"account_id": "account_id", "account_name": "account_name"},
	}
	return check.Verify(ctx, c, cred)
}
