package verify

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/keysweep/keysweep/finding"
)

// localSTS is an STS endpoint speaking the query protocol: it answers
// GetCallerIdentity for one key pair, checking only that the request is
// SigV4-signed with that key ID (a test server cannot check the signature
// without the secret, which it is given).
func localSTS(t *testing.T, keyID string, calls *atomic.Int64) *httptest.Server {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		body, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(body))
		w.Header().Set("Content-Type", "text/xml")
		if r.Method != http.MethodPost || form.Get("Action") != "GetCallerIdentity" || form.Get("Version") != "2011-06-15" {
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `<ErrorResponse><Error><Code>InvalidAction</Code><Message>bad</Message></Error></ErrorResponse>`)
			return
		}
		auth := r.Header.Get("Authorization")
		if !strings.HasPrefix(auth, "AWS4-HMAC-SHA256 Credential="+keyID+"/") || !strings.Contains(auth, "/us-east-1/sts/aws4_request") {
			w.WriteHeader(http.StatusForbidden)
			io.WriteString(w, stsRevoked)
			return
		}
		io.WriteString(w, stsLive)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestAWSLocalSTS: the AWS verifier honours AWS_ENDPOINT_URL_STS, as the
// SDK's users expect, and reads STS's answers.
func TestAWSLocalSTS(t *testing.T) {
	keyID := awsKeyID(123456789012, 400)
	var calls atomic.Int64
	srv := localSTS(t, keyID, &calls)
	t.Setenv("AWS_ENDPOINT_URL_STS", srv.URL)
	run := New(NewRegistry(), Options{transport: srv.Client().Transport})

	fs := []finding.Finding{
		{RuleID: "aws-secret-access-key", Secret: fake(401, "", 40, alnum), Parts: map[string]string{"aws-access-key-id": keyID}},
		{RuleID: "aws-secret-access-key", Secret: fake(402, "", 40, alnum), Parts: map[string]string{"aws-access-key-id": awsKeyID(123456789012, 403)}},
		{RuleID: "aws-secret-access-key", Secret: fake(404, "", 40, alnum)},
	}
	run.Verify(context.Background(), fs)
	if got := fs[0].Verification; got == nil || got.Status != finding.Verified || got.Details["aws_account"] != "123456789012" || got.Details["arn"] != "arn:aws:iam::123456789012:user/deploy" {
		t.Errorf("live key: %+v", got)
	}
	if got := fs[1].Verification; got == nil || got.Status != finding.Invalid || !strings.Contains(got.Reason, "InvalidClientTokenId") {
		t.Errorf("revoked key: %+v", got)
	}
	if got := fs[2].Verification; got == nil || got.Status != finding.Unknown || !strings.Contains(got.Reason, "access key ID") {
		t.Errorf("secret without its key ID: %+v", got)
	}
	if n := calls.Load(); n != 2 {
		t.Errorf("%d calls to STS, want 2", n)
	}
}

func TestAWSEndpointMustBeTLS(t *testing.T) {
	var calls atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { calls.Add(1) }))
	defer srv.Close()
	t.Setenv("AWS_ENDPOINT_URL_STS", srv.URL) // http://
	fs := []finding.Finding{{RuleID: "aws-secret-access-key", Secret: fake(405, "", 40, alnum), Parts: map[string]string{"aws-access-key-id": awsKeyID(123456789012, 406)}}}
	New(NewRegistry(), Options{}).Verify(context.Background(), fs)
	if got := fs[0].Verification; got == nil || got.Status != finding.Unknown {
		t.Errorf("verification %+v, want unknown", got)
	}
	if calls.Load() != 0 {
		t.Error("the key was sent over plain HTTP")
	}
}

// TestAWSCanarySkipped: a key of a canary-token account is not used
// unless asked, since using it trips the owner's alarm.
func TestAWSCanarySkipped(t *testing.T) {
	for _, account := range DefaultCanaryAWSAccounts() {
		var n uint64
		for i := range 12 {
			n = n*10 + uint64(account[i]-'0')
		}
		keyID := awsKeyID(n, 407)
		if got := awsAccountOf(keyID); got != account {
			t.Fatalf("awsAccountOf(%s) = %s, want %s", keyID, got, account)
		}
		var calls atomic.Int64
		srv := localSTS(t, keyID, &calls)
		t.Setenv("AWS_ENDPOINT_URL_STS", srv.URL)
		f := finding.Finding{RuleID: "aws-secret-access-key", Secret: fake(408, "", 40, alnum), Parts: map[string]string{"aws-access-key-id": keyID}}

		fs := []finding.Finding{f}
		New(NewRegistry(), Options{transport: srv.Client().Transport}).Verify(context.Background(), fs)
		if got := fs[0].Verification; got == nil || got.Status != finding.Unknown || got.Details["canary"] != "true" || calls.Load() != 0 {
			t.Errorf("canary account %s: %+v, %d calls", account, got, calls.Load())
		}

		fs = []finding.Finding{f}
		New(NewRegistry(), Options{transport: srv.Client().Transport, VerifyCanaries: true}).Verify(context.Background(), fs)
		if got := fs[0].Verification; got == nil || got.Status != finding.Verified || calls.Load() != 1 {
			t.Errorf("--verify-canaries, account %s: %+v, %d calls", account, got, calls.Load())
		}
	}
}

func FuzzAWSAccountOf(f *testing.F) {
	f.Add(awsKeyID(123456789012, 1))
	f.Add("AKIA")
	f.Add("AKIA!!!!!!!!!!!!!!!!")
	f.Fuzz(func(t *testing.T, id string) {
		if a := awsAccountOf(id); a != "" && len(a) != 12 {
			t.Errorf("awsAccountOf(%q) = %q", id, a)
		}
	})
}

func FuzzJSONDetails(f *testing.F) {
	f.Add([]byte(`{"a":{"b":[1,"x",true]},"c":"d"}`), "a.b")
	f.Add([]byte(`[{"slug":"acme"}]`), "0.slug")
	f.Add([]byte(`not json`), "x")
	f.Fuzz(func(t *testing.T, body []byte, path string) {
		for _, v := range jsonDetails(body, map[string]string{"k": path}) {
			if v == "" || len(v) > 204 {
				t.Errorf("detail %q", v)
			}
		}
	})
}

func FuzzParseRSAKey(f *testing.F) {
	f.Add(`-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n`)
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		if k, err := parseRSAKey(s); (k == nil) == (err == nil) {
			t.Errorf("parseRSAKey: key %v, err %v", k != nil, err)
		}
	})
}
