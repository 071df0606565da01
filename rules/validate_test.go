package rules

import (
	"encoding/base64"
	"strings"
	"testing"
)

func TestValidAWSKeyID(t *testing.T) {
	// A key ID published in AWS security research on the format, with its
	// documented owner.
	// keysweep:allow fake value shaped for this validator test
	v, d := validAWSKeyID("ASIAY34FZKBOKMUTVV7A")
	if v != Valid || d["aws_account"] != "609629065308" || d["key_kind"] != "temporary (STS)" {
		t.Errorf("got %v %v", v, d)
	}
	if v, _ := validAWSKeyID("AKIA0000000000000000"); v != Invalid { // 0 is not base32
		t.Errorf("non-base32 ID: %v", v)
	}
	if v, _ := validAWSKeyID("AKIAAAAAAAAAAAAAAAAA"); v != Unchecked { // decodes to account 0
		t.Errorf("ID without an account: %v", v)
	}
}

func TestValidJWT(t *testing.T) {
	seg := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	good := seg(`{"alg":"HS256","typ":"JWT"}`) + "." + seg(`{"iss":"https://auth.test","exp":1000}`) + ".c2ln"
	v, d := validJWT(good)
	if v != Valid || d["alg"] != "HS256" || d["issuer"] != "https://auth.test" || d["expired"] != "true" || !strings.HasPrefix(d["expires"], "1970-01-01") {
		t.Errorf("got %v %v", v, d)
	}
	for name, tok := range map[string]string{
		"alg none":      seg(`{"alg":"none"}`) + "." + seg(`{}`) + ".c2ln",
		"no signature":  seg(`{"alg":"HS256"}`) + "." + seg(`{}`) + ".",
		"not JSON":      seg(`{"alg":"HS256"}`) + "." + seg(`not json`) + ".c2ln",
		"two parts":     seg(`{"alg":"HS256"}`) + "." + seg(`{}`),
		"jwt.io sample": seg(`{"alg":"RS256","typ":"JWT"}`) + "." + seg(`{"sub":"1234567890","name":"John Doe","admin":true,"iat":1516239022}`) + ".c2ln",
	} {
		if v, _ := validJWT(tok); v != Invalid {
			t.Errorf("%s: %v", name, v)
		}
	}
}

// FuzzValidators runs every validator on arbitrary input: no panic, and
// nothing learned about a secret may contain it.
func FuzzValidators(f *testing.F) {
	// keysweep:allow fake value shaped for this validator test
	f.Add("ASIAY34FZKBOKMUTVV7A")
	f.Add("ghp_000000000000000000000000000000000000")
	f.Add("eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.c2ln")
	for _, s := range keySeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, secret string) {
		for _, name := range Validators() {
			v, _ := validator(name)
			validity, details := v(secret, []byte(secret))
			for k, d := range details {
				if len(secret) > 8 && strings.Contains(d, secret) {
					t.Fatalf("%s: detail %s holds the secret", name, k)
				}
			}
			if validity < Invalid || validity > Valid {
				t.Fatalf("%s: validity %d", name, validity)
			}
		}
	})
}
