// Package aws stubs the AWS SDK's package of the same path.
package aws

// String stubs aws.String.
func String(s string) *string { return &s }

// ToString stubs aws.ToString.
func ToString(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// Bool stubs aws.Bool.
func Bool(b bool) *bool { return &b }
