package verify

import (
	"context"
	"encoding/base32"
	"encoding/binary"
	"errors"
	"net/url"
	"os"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
)

// stsDefaultEndpoint is where GetCallerIdentity goes unless the standard
// AWS_ENDPOINT_URL_STS (or AWS_ENDPOINT_URL) names another endpoint, as
// it may for a VPC endpoint or a local STS.
const stsDefaultEndpoint = "https://sts.amazonaws.com"

// awsVerifier checks an AWS secret access key, with the access key ID
// found beside it, by calling STS GetCallerIdentity: a read-only call that
// needs no permission and names the key's account and principal.
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
type awsVerifier struct{}

func awsSTS() Verifier { return awsVerifier{} }

var (
	_ Verifier      = awsVerifier{}
	_ canaryChecker = awsVerifier{}
)

func (awsVerifier) Name() string    { return "aws" }
func (awsVerifier) Rules() []string { return []string{"aws-secret-access-key"} }

func (awsVerifier) Endpoints() []Endpoint {
	return []Endpoint{{Method: "POST", Host: "sts.amazonaws.com", Path: "/",
		Note: "Action=GetCallerIdentity, SigV4-signed; AWS_ENDPOINT_URL_STS overrides the endpoint"}}
}

// keyID returns the access key ID that goes with the secret.
func (awsVerifier) keyID(cred Credential) (id string, temporary bool) {
	if id := cred.Parts["aws-access-key-id"]; id != "" {
		return id, false
	}
	return cred.Parts["aws-temporary-access-key-id"], true
}

func (a awsVerifier) canaryAccount(cred Credential, canaries map[string]bool) (string, bool) {
	account := cred.Details["aws_account"]
	if id, _ := a.keyID(cred); account == "" && id != "" {
		account = awsAccountOf(id)
	}
	return account, account != "" && canaries[account]
}

func (a awsVerifier) Verify(ctx context.Context, c *Client, cred Credential) Result {
	id, temporary := a.keyID(cred)
	switch {
	case id == "":
		return unknown("no access key ID was found with the secret key")
	case temporary && cred.Parts["aws-session-token"] == "":
		return unknown("a temporary (ASIA) key needs its session token, which was not found with it")
	}
	endpoint := stsDefaultEndpoint
	if e := cmpOr(os.Getenv("AWS_ENDPOINT_URL_STS"), os.Getenv("AWS_ENDPOINT_URL")); e != "" {
		u, err := url.Parse(e)
		if err != nil || u.Scheme != "https" || u.Host == "" {
			return unknown("AWS_ENDPOINT_URL_STS is not an https URL; the key was not sent")
		}
		endpoint = e
	}
	creds := aws.Credentials{AccessKeyID: id, SecretAccessKey: cred.Secret, SessionToken: cred.Parts["aws-session-token"], Source: "keysweep"}
	client := sts.New(sts.Options{
		Region:           "us-east-1",
		BaseEndpoint:     aws.String(endpoint),
		Credentials:      aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) { return creds, nil }),
		HTTPClient:       c.HTTPClient(),
		Retryer:          aws.NopRetryer{},
		RetryMaxAttempts: 1,
		AppID:            "keysweep",
	})
	out, err := client.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		var apiErr smithy.APIError
		if errors.As(err, &apiErr) {
			switch code := apiErr.ErrorCode(); code {
			case "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "UnrecognizedClientException", "AuthFailure":
				return invalid("STS rejected the key: " + code)
			default:
				return unknown("STS answered " + code)
			}
		}
		if ctx.Err() != nil {
			return unknown("timed out")
		}
		return unknown("calling STS: " + scrub(err).Error())
	}
	details := map[string]string{}
	for k, v := range map[string]*string{"aws_account": out.Account, "arn": out.Arn, "user_id": out.UserId} {
		if v != nil && *v != "" {
			details[k] = *v
		}
	}
	return verified("", details)
}

// awsAccountOf decodes the account that owns an access key ID (those
// issued since about 2019 carry it in their first base32 digits after the
// prefix), or "" for older IDs.
func awsAccountOf(id string) string {
	if len(id) != 20 {
		return ""
	}
	raw, err := base32.StdEncoding.DecodeString(id[4:])
	if err != nil {
		return ""
	}
	var b [8]byte
	copy(b[2:], raw[:6])
	account := (binary.BigEndian.Uint64(b[:]) & 0x7fffffffff80) >> 7
	if account < 1e9 || account > 999999999999 {
		return ""
	}
	return strconv.FormatUint(account+1e12, 10)[1:]
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
