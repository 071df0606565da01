// Package types stubs the AWS SDK's package of the same path.
package types

// Parameter stubs the SDK's type.
type Parameter struct {
	Name  *string
	Value *string
}
