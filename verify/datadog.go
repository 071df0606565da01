package verify

// datadog checks Datadog API keys with the validate endpoint of the US1
// site (a key of another site is rejected there).
// https://docs.datadoghq.com/api/latest/authentication/#validate-api-key
func datadog() Verifier {
	return &httpCheck{
		name:  "datadog",
		rules: []string{"datadog-api-key"},
		url:   "https://api.datadoghq.com/api/v1/validate",
		auth:  header("DD-API-KEY", ""),
		judge: func(resp *Response) (Result, bool) {
			if resp.Status == 200 && !bodyHas(resp.Body, "valid", "true") {
				return invalid("Datadog says the key is not valid"), true
			}
			return Result{}, false
		},
	}
}
