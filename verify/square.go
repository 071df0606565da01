package verify

// square checks Square production access tokens by reading the merchant.
// https://developer.squareup.com/reference/square/merchants-api/retrieve-merchant
func square() Verifier {
	return &httpCheck{
		name:     "square",
		rules:    []string{"square-access-token"},
		url:      "https://connect.squareup.com/v2/merchants/me",
		auth:     bearer,
		rejected: []int{401},
		details:  map[string]string{"merchant": "merchant.business_name", "status": "merchant.status"},
	}
}
