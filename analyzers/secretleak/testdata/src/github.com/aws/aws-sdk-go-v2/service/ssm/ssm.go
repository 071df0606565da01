// Package ssm stubs the AWS SDK's package of the same path.
package ssm

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
)

// Client stubs the SDK's client.
type Client struct{}

// GetParameterInput stubs the SDK's type.
type GetParameterInput struct {
	Name           *string
	WithDecryption *bool
}

// GetParameterOutput stubs the SDK's type.
type GetParameterOutput struct{ Parameter *types.Parameter }

// GetParameter stubs the SDK's call.
func (c *Client) GetParameter(ctx context.Context, in *GetParameterInput) (*GetParameterOutput, error) {
	return &GetParameterOutput{}, nil
}
