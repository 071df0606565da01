package aws

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// maxRegionPages bounds the ListRegions pages read: AWS has fewer than 50
// regions, and a misbehaving endpoint must not loop forever.
const maxRegionPages = 20

// enabledRegions lists the regions enabled in the caller's account with
// the AWS Account Management API (account:ListRegions). The call is made
// by hand, signed with the SDK's SigV4 signer, so as not to pull in a
// whole service module for one operation. It honours the configuration's
// base endpoint (AWS_ENDPOINT_URL).
func enabledRegions(ctx context.Context, cfg aws.Config) ([]string, error) {
	if cfg.Credentials == nil {
		return nil, fmt.Errorf("no credentials")
	}
	endpoint := "https://account.us-east-1.amazonaws.com"
	if cfg.BaseEndpoint != nil && *cfg.BaseEndpoint != "" {
		endpoint = strings.TrimSuffix(*cfg.BaseEndpoint, "/")
	}
	client := cfg.HTTPClient
	if client == nil {
		client = http.DefaultClient
	}
	var regions []string
	token := ""
	for range maxRegionPages {
		in := map[string]any{"RegionOptStatusContains": []string{"ENABLED", "ENABLED_BY_DEFAULT"}, "MaxResults": 50}
		if token != "" {
			in["NextToken"] = token
		}
		body, _ := json.Marshal(in)
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint+"/listRegions", bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("account:ListRegions: %w", err)
		}
		req.Header.Set("Content-Type", "application/json")
		creds, err := cfg.Credentials.Retrieve(ctx)
		if err != nil {
			return nil, fmt.Errorf("account:ListRegions: credentials: %w", err)
		}
		sum := sha256.Sum256(body)
		if err := v4.NewSigner().SignHTTP(ctx, creds, req, hex.EncodeToString(sum[:]), "account", "us-east-1", time.Now()); err != nil {
			return nil, fmt.Errorf("account:ListRegions: signing: %w", err)
		}
		resp, err := client.Do(req)
		if err != nil {
			return nil, fmt.Errorf("account:ListRegions: %w", err)
		}
		data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		resp.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("account:ListRegions: reading the answer: %w", err)
		}
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("account:ListRegions: HTTP %d %s", resp.StatusCode, errorCode(resp.Header, data))
		}
		page, next, err := parseListRegions(data)
		if err != nil {
			return nil, fmt.Errorf("account:ListRegions: %w", err)
		}
		regions = append(regions, page...)
		if next == "" {
			if len(regions) == 0 {
				return nil, fmt.Errorf("account:ListRegions: no region is enabled")
			}
			return regions, nil
		}
		token = next
	}
	return nil, fmt.Errorf("account:ListRegions: more than %d pages", maxRegionPages)
}

// parseListRegions decodes a ListRegions answer: the enabled regions'
// names (validated, so a name can go into an endpoint) and the next page's
// token.
func parseListRegions(data []byte) (regions []string, next string, err error) {
	var out struct {
		NextToken *string
		Regions   []struct {
			RegionName      string
			RegionOptStatus string
		}
	}
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, "", fmt.Errorf("decoding the answer: %w", err)
	}
	for _, r := range out.Regions {
		switch r.RegionOptStatus {
		case "ENABLED", "ENABLED_BY_DEFAULT":
		default:
			continue
		}
		if !validRegion(r.RegionName) {
			return nil, "", fmt.Errorf("answer names an invalid region %q", r.RegionName)
		}
		regions = append(regions, r.RegionName)
	}
	return regions, aws.ToString(out.NextToken), nil
}

// validRegion reports whether s has the shape of a region name
// ("eu-west-1", "us-gov-west-1").
func validRegion(s string) bool {
	if len(s) < 3 || len(s) > 32 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// errorCode extracts an AWS error code from a REST-JSON error answer.
func errorCode(h http.Header, body []byte) string {
	if code := h.Get("X-Amzn-ErrorType"); code != "" {
		code, _, _ = strings.Cut(code, ":")
		return code
	}
	var out struct {
		Type string `json:"__type"`
	}
	if json.Unmarshal(body, &out) == nil && out.Type != "" {
		return out.Type[strings.LastIndex(out.Type, "#")+1:]
	}
	return ""
}
