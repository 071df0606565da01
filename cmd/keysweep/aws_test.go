package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// denyAllAWS is an AWS endpoint that knows the caller (STS) and denies
// every other call, in each service's protocol.
func denyAllAWS(t *testing.T) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if strings.Contains(string(body), "Action=GetCallerIdentity") {
			w.Header().Set("Content-Type", "text/xml")
			fmt.Fprint(w, `<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::222222222222:user/sweeper</Arn><UserId>AIDSWEEPER</UserId><Account>222222222222</Account></GetCallerIdentityResult></GetCallerIdentityResponse>`)
			return
		}
		if strings.Contains(string(body), "Action=") {
			w.Header().Set("Content-Type", "text/xml")
			w.WriteHeader(http.StatusForbidden)
			fmt.Fprint(w, `<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>denied</Message></Error></ErrorResponse>`)
			return
		}
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.Header().Set("X-Amzn-ErrorType", "AccessDeniedException")
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, `{"__type":"AccessDeniedException","message":"denied"}`)
	}))
	t.Cleanup(srv.Close)
	t.Setenv("AWS_ENDPOINT_URL", srv.URL)
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIDFAKE")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "fake")
	t.Setenv("AWS_SESSION_TOKEN", "")
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_CONFIG_FILE", t.TempDir()+"/none")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", t.TempDir()+"/none")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
}

func TestAWSPartialExitCodes(t *testing.T) {
	denyAllAWS(t)
	code, stdout, stderr := keysweep(t, "", "aws", "--region", "us-east-1", "--format", "json")
	if code != exitError {
		t.Fatalf("exit %d, want %d (incomplete); stderr: %s", code, exitError, stderr)
	}
	var out jsonOut
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.Complete {
		t.Error("report says complete")
	}
	for _, service := range []string{"lambda", "secretsmanager", "ssm", "kms", "cloudtrail", "iam"} {
		found := false
		for _, n := range out.Notices {
			found = found || n.Level == "error" && strings.Contains(n.Message, "account 222222222222") && strings.Contains(n.Message, "service "+service+":")
		}
		if !found {
			t.Errorf("no error notice for %s: %+v", service, out.Notices)
		}
	}
	if code, _, stderr := keysweep(t, "", "aws", "--region", "us-east-1", "--allow-partial", "--format", "json"); code != 0 {
		t.Errorf("--allow-partial: exit %d, want 0; stderr: %s", code, stderr)
	}
	if _, stdout, _ := keysweep(t, "", "aws", "--region", "us-east-1", "--no-color"); !strings.Contains(stdout, "INCOMPLETE") {
		t.Errorf("text report does not say INCOMPLETE:\n%s", stdout)
	}
}

func TestAWSFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"aws", "--accounts", "222222222222"}, "--accounts needs --org-role"},
		{[]string{"aws", "--org-role", "Audit", "--accounts", "12345"}, "12-digit"},
		{[]string{"aws", "--max-secret-age", "soon"}, "--max-secret-age"},
	} {
		if code, _, stderr := keysweep(t, "", c.args...); code != exitError || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit %d and %q", c.args, code, stderr, exitError, c.want)
		}
	}
}

func TestParseAge(t *testing.T) {
	for in, want := range map[string]time.Duration{"90d": 90 * 24 * time.Hour, "720h": 720 * time.Hour, "1d": 24 * time.Hour} {
		if got, err := parseAge(in); err != nil || got != want {
			t.Errorf("parseAge(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0d", "-3d", "xd", "-1h"} {
		if _, err := parseAge(in); err == nil {
			t.Errorf("parseAge(%q): no error", in)
		}
	}
}
