package verify

// hubspot checks HubSpot private app tokens by reading the account
// details.
// https://developers.hubspot.com/docs/api-reference/account-account-info-v3/details/get-account-info-v3-details
func hubspot() Verifier {
	return &httpCheck{
		name:     "hubspot",
		rules:    []string{"hubspot-private-app-token"},
		url:      "https://api.hubapi.com/account-info/v3/details",
		auth:     bearer,
		rejected: []int{401},
		details:  map[string]string{"portal_id": "portalId"},
	}
}
