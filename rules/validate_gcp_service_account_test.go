package rules

import (
	"crypto/x509"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// testServiceAccountJSON is a service-account key file around a generated
// RSA key, as the IAM console downloads it.
func testServiceAccountJSON(t *testing.T) string {
	der, err := x509.MarshalPKCS8PrivateKey(testKeys().rsa)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(map[string]string{
		"type":           "service_account",
		"project_id":     "demo-project-123",
		"private_key_id": "0123456789abcdef0123456789abcdef01234567",
		"private_key":    pemEncode(t, "PRIVATE KEY", der, nil),
		"client_email":   "ci@demo-project-123.iam.gserviceaccount.com",
		"client_id":      "123456789012345678901",
		"token_uri":      "https://oauth2.googleapis.com/token",
	}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestValidGCPServiceAccount(t *testing.T) {
	file := testServiceAccountJSON(t)
	var sa map[string]string
	if err := json.Unmarshal([]byte(file), &sa); err != nil {
		t.Fatal(err)
	}
	key := sa["private_key"]
	account := map[string]string{"key_type": "RSA", "bits": "2048", "client_email": "ci@demo-project-123.iam.gserviceaccount.com",
		"project_id": "demo-project-123", "private_key_id": "0123456789abcdef0123456789abcdef01234567"}
	escaped := strconv.Quote(file)
	for name, c := range map[string]struct {
		secret string
		want   map[string]string
	}{
		"key as captured":       {jsonEscaped(key), map[string]string{"key_type": "RSA", "bits": "2048"}},
		"key, double-escaped":   {strings.ReplaceAll(key, "\n", `\\n`), map[string]string{"key_type": "RSA"}},
		"whole file":            {file, account},
		"file in a JSON string": {escaped[1 : len(escaped)-1], account},
	} {
		v, d := validGCPServiceAccount(c.secret)
		if v != Valid {
			t.Errorf("%s: %v %v, want Valid", name, v, d)
			continue
		}
		checkFacts(t, name, d, c.want)
	}

	ecDER, err := x509.MarshalPKCS8PrivateKey(testKeys().ec)
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]string{
		"EC key":    pemEncode(t, "PRIVATE KEY", ecDER, nil),
		"fake body": `-----BEGIN PRIVATE KEY-----\nVGVzdE9ubHktbm90LWEtcmVhbC1wcml2YXRlLWtleS1mb3Itc2Nhbm5lci1maXh0\n-----END PRIVATE KEY-----\n`,
	} {
		if v, d := validGCPServiceAccount(s); v != Unchecked {
			t.Errorf("%s: %v %v, want Unchecked", name, v, d)
		}
	}
	pub, err := x509.MarshalPKIXPublicKey(&testKeys().rsa.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]string{
		"public key":      pemEncode(t, "PUBLIC KEY", pub, nil),
		"other JSON type": strings.Replace(file, `"service_account"`, `"authorized_user"`, 1),
		"no private key":  `{"type": "service_account", "project_id": "p"}`,
	} {
		if v, d := validGCPServiceAccount(s); v != Invalid {
			t.Errorf("%s: %v %v, want Invalid", name, v, d)
		}
	}
}

func TestGCPRuleValidates(t *testing.T) {
	e := catalogEngine(t, "data/google.toml")
	f, ok := findingOf(t, e, "google-cloud-service-account-key", testServiceAccountJSON(t))
	if !ok || !f.Validated || f.Details["key_type"] != "RSA" {
		t.Errorf("found %v, validated %v, details %v", ok, f.Validated, f.Details)
	}
	// The rule's secret is the private_key value; the rest of the key file
	// around it names the account.
	if f.Details["client_email"] == "" || f.Details["project_id"] == "" {
		t.Errorf("details %v lack the account from the surrounding JSON", f.Details)
	}
}
