package verify

// doppler checks Doppler tokens of every kind with /v3/me, which describes
// the token itself.
// https://docs.doppler.com/reference/auth-me
func doppler() Verifier {
	return &httpCheck{
		name:     "doppler",
		rules:    []string{"doppler-personal-token", "doppler-service-token", "doppler-service-account-token"},
		url:      "https://api.doppler.com/v3/me",
		auth:     bearer,
		rejected: []int{401},
		details:  map[string]string{"workplace": "workplace.name", "token_type": "type"},
	}
}
