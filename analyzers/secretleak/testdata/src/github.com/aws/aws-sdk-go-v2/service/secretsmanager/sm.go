// Package secretsmanager stubs the AWS SDK's package of the same path.
package secretsmanager

import "context"

// Client stubs the SDK's client.
type Client struct{}

// GetSecretValueInput stubs the SDK's type.
type GetSecretValueInput struct{ SecretId *string }

// GetSecretValueOutput stubs the SDK's type.
type GetSecretValueOutput struct {
	Name         *string
	SecretString *string
	SecretBinary []byte
}

// GetSecretValue stubs the SDK's call.
func (c *Client) GetSecretValue(ctx context.Context, in *GetSecretValueInput) (*GetSecretValueOutput, error) {
	return &GetSecretValueOutput{}, nil
}
