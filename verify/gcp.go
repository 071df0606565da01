package verify

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// gcpTokenURL is Google's OAuth token endpoint, the audience of the
// signed assertion.
const gcpTokenURL = "https://oauth2.googleapis.com/token"

// gcpServiceAccount checks a service-account key by exchanging a JWT it
// signs for an access token (the JWT-bearer grant): the token is not used.
// The account's client_email comes from the key file around the key.
// https://developers.google.com/identity/protocols/oauth2/service-account#httprest
type gcpVerifier struct{}

func gcpServiceAccount() Verifier { return gcpVerifier{} }

var _ Verifier = gcpVerifier{}

func (gcpVerifier) Name() string    { return "gcp-service-account" }
func (gcpVerifier) Rules() []string { return []string{"google-cloud-service-account-key"} }

func (gcpVerifier) Endpoints() []Endpoint {
	return []Endpoint{{Method: "POST", Host: "oauth2.googleapis.com", Path: "/token", Note: "JWT-bearer grant signed by the key"}}
}

func (gcpVerifier) Verify(ctx context.Context, c *Client, cred Credential) Result {
	email := cred.Details["client_email"]
	if email == "" {
		return unknown("the key file's client_email was not found with the key")
	}
	key, err := parseRSAKey(cred.Secret)
	if err != nil {
		return unknown(err.Error())
	}
	assertion, err := signJWT(key, map[string]any{
		"iss":   email,
		"scope": "https://www.googleapis.com/auth/cloud-platform.read-only",
		"aud":   gcpTokenURL,
		"iat":   time.Now().Unix(),
		"exp":   time.Now().Add(10 * time.Minute).Unix(),
	})
	if err != nil {
		return unknown(err.Error())
	}
	form := url.Values{"grant_type": {"urn:ietf:params:oauth:grant-type:jwt-bearer"}, "assertion": {assertion}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, gcpTokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return unknown("building the request: " + err.Error())
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := c.Do(req)
	if err != nil {
		return unknown(err.Error())
	}
	details := map[string]string{"client_email": email}
	if resp.Status == http.StatusOK {
		return verified("", details)
	}
	var e struct {
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	if json.Unmarshal(resp.Body, &e) == nil && (e.Error == "invalid_grant" || e.Error == "invalid_client" || e.Error == "unauthorized_client") {
		return invalid("Google says " + e.Error + ": " + e.Description)
	}
	return unexpected(resp)
}

// parseRSAKey reads a PEM private key as found in a key file, where line
// breaks may be escaped as \n.
func parseRSAKey(s string) (*rsa.PrivateKey, error) {
	s = strings.ReplaceAll(strings.ReplaceAll(s, `\\n`, "\n"), `\n`, "\n")
	block, _ := pem.Decode([]byte(s))
	if block == nil {
		return nil, errors.New("the key is not PEM")
	}
	if k, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return k, nil
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, errors.New("the key does not parse")
	}
	rk, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, errors.New("the key is not RSA")
	}
	return rk, nil
}

// signJWT makes an RS256 JWT of claims.
func signJWT(key *rsa.PrivateKey, claims map[string]any) (string, error) {
	head, _ := json.Marshal(map[string]string{"alg": "RS256", "typ": "JWT"})
	body, err := json.Marshal(claims)
	if err != nil {
		return "", err
	}
	enc := base64.RawURLEncoding
	signing := enc.EncodeToString(head) + "." + enc.EncodeToString(body)
	sum := sha256.Sum256([]byte(signing))
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, sum[:])
	if err != nil {
		return "", errors.New("signing the assertion failed")
	}
	return signing + "." + enc.EncodeToString(sig), nil
}
