// Package aws stubs the AWS SDK's package of the same path.
package aws

// Credentials stubs the SDK's type.
type Credentials struct {
	AccessKeyID     string
	SecretAccessKey string
	SessionToken    string
}
