package verify

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// azureTenantRE accepts a tenant ID (a GUID) or a verified domain name, so
// that the tenant can only ever be a path segment of the token endpoint.
var azureTenantRE = regexp.MustCompile(`^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)$`)

// azureVerifier checks a Microsoft Entra client secret with the client
// credentials grant, needing the tenant and application (client) IDs
// found beside it. The access token it returns is not used.
// https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
type azureVerifier struct{}

func azureClientSecret() Verifier { return azureVerifier{} }

var _ Verifier = azureVerifier{}

func (azureVerifier) Name() string    { return "azure-entra" }
func (azureVerifier) Rules() []string { return []string{"azure-entra-client-secret"} }

func (azureVerifier) Endpoints() []Endpoint {
	return []Endpoint{{Method: "POST", Host: "login.microsoftonline.com", Path: "/{tenant}/oauth2/v2.0/token", Note: "client credentials grant"}}
}

func (azureVerifier) Verify(ctx context.Context, c *Client, cred Credential) Result {
	tenant, client := cred.Parts["azure-tenant-id"], cred.Parts["azure-client-id"]
	if tenant == "" || client == "" {
		return unknown("the tenant and client IDs were not found with the secret")
	}
	if !azureTenantRE.MatchString(tenant) {
		return unknown("the tenant ID found with the secret is malformed")
	}
	form := url.Values{
		"client_id":     {client},
		"client_secret": {cred.Secret},
		"scope":         {"https://graph.microsoft.com/.default"},
		"grant_type":    {"client_credentials"},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://login.microsoftonline.com/"+tenant+"/oauth2/v2.0/token", strings.NewReader(form.Encode()))
	if err != nil {
		return unknown("building the request: " + err.Error())
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := c.Do(req)
	if err != nil {
		return unknown(err.Error())
	}
	details := map[string]string{"tenant": tenant, "client_id": client}
	if resp.Status == http.StatusOK {
		return verified("", details)
	}
	var e struct {
		Error string `json:"error"`
		Codes []int  `json:"error_codes"`
	}
	if json.Unmarshal(resp.Body, &e) == nil {
		for _, code := range e.Codes {
			switch code {
			case 7000215, 7000222, 700016, 90002, 900023:
				// invalid secret, expired secret, unknown application,
				// unknown tenant, malformed tenant
				return invalid("Entra ID says " + e.Error + " (AADSTS" + strconv.Itoa(code) + ")")
			}
		}
	}
	return unexpected(resp)
}
