package verify

// terraformCloud checks HCP Terraform user API tokens by reading the
// account (team and organization tokens have no account: unknown).
// https://developer.hashicorp.com/terraform/cloud-docs/api-docs/account
func terraformCloud() Verifier {
	return &httpCheck{
		name:     "terraform-cloud",
		rules:    []string{"terraform-cloud-api-token"},
		url:      "https://app.terraform.io/api/v2/account/details",
		auth:     bearer,
		header:   map[string]string{"Accept": "application/vnd.api+json"},
		rejected: []int{401},
		details:  map[string]string{"username": "data.attributes.username"},
	}
}
