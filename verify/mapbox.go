package verify

import (
	"context"
	"net/http"
	"net/url"
)

// mapboxVerifier checks Mapbox secret and temporary tokens with the token
// endpoint, which says whether the token is valid, expired or revoked.
// Mapbox takes tokens only in the query string.
// https://docs.mapbox.com/api/accounts/tokens/#retrieve-a-token
type mapboxVerifier struct{}

func mapbox() Verifier { return mapboxVerifier{} }

var _ Verifier = mapboxVerifier{}

func (mapboxVerifier) Name() string { return "mapbox" }
func (mapboxVerifier) Rules() []string {
	return []string{"mapbox-secret-token", "mapbox-temporary-token"}
}

func (mapboxVerifier) Endpoints() []Endpoint {
	return []Endpoint{{Method: "GET", Host: "api.mapbox.com", Path: "/tokens/v2", Note: "the token is the access_token query parameter"}}
}

func (mapboxVerifier) Verify(ctx context.Context, c *Client, cred Credential) Result {
	check := &httpCheck{
		url:      "https://api.mapbox.com/tokens/v2?access_token=" + url.QueryEscape(cred.Secret),
		auth:     func(*http.Request, string) {},
		rejected: []int{},
		details:  map[string]string{"user": "token.user", "usage": "token.usage"},
		judge: func(resp *Response) (Result, bool) {
			switch {
			case bodyHas(resp.Body, "code", "TokenValid"):
				return verified("", jsonDetails(resp.Body, map[string]string{"user": "token.user", "usage": "token.usage"})), true
			case bodyHas(resp.Body, "code", "TokenInvalid"), bodyHas(resp.Body, "code", "TokenExpired"), bodyHas(resp.Body, "code", "TokenRevoked"):
				v, _ := lookupString(resp.Body, "code")
				return invalid("Mapbox says " + v), true
			}
			return Result{}, false
		},
	}
	return check.Verify(ctx, c, cred)
}
