package rules

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"testing"
)

// jenkinsSecret returns a Jenkins-shaped encrypted secret: a random IV and
// n random ciphertext bytes, framed as hudson.util.Secret frames them.
func jenkinsSecret(t testing.TB, ivLen, n int) string {
	t.Helper()
	payload := make([]byte, 9+ivLen+n)
	payload[0] = jenkinsPayloadV1
	binary.BigEndian.PutUint32(payload[1:5], uint32(ivLen))
	binary.BigEndian.PutUint32(payload[5:9], uint32(n))
	if _, err := rand.Read(payload[9:]); err != nil {
		t.Fatal(err)
	}
	return "{" + base64.StdEncoding.EncodeToString(payload) + "}"
}

func TestValidJenkinsSecret(t *testing.T) {
	for _, n := range []int{16, 32, 48, 256, 4096} {
		s := jenkinsSecret(t, 16, n)
		for _, s := range []string{s, s[1 : len(s)-1]} {
			if v, d := validJenkinsSecret(s); v != Valid || d["ciphertext"] == "" {
				t.Errorf("%d-byte ciphertext: %v %v", n, v, d)
			}
		}
	}
	good := jenkinsSecret(t, 16, 32)
	for name, s := range map[string]string{
		"iv of 8 bytes":      jenkinsSecret(t, 8, 32),
		"partial block":      jenkinsSecret(t, 16, 20),
		"no ciphertext":      jenkinsSecret(t, 16, 0),
		"truncated":          good[:len(good)-9] + "}",
		"one brace":          good[:len(good)-1],
		"not base64":         "{AQAAABAAAAAQ not base64 at all}",
		"another version":    "{Ag" + good[3:],
		"historical, no {…}": "YKmQxRRT3b3QBtM9nMzU1A==",
		"empty":              "{}",
	} {
		if v, _ := validJenkinsSecret(s); v != Invalid {
			t.Errorf("%s: %v, want invalid", name, v)
		}
	}
}

func TestJenkinsSecretRule(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	s := jenkinsSecret(t, 16, 32)
	for _, text := range []string{
		"<password>" + s + "</password>",
		"          <secret>" + s + "</secret>",
		"    privateKey: \"" + s + "\"",
	} {
		fs := scanText(e, "jenkins_home/credentials.xml", text)
		if len(fs) != 1 || fs[0].RuleID != "jenkins-encrypted-secret" || !fs[0].Validated || "{"+fs[0].Secret+"}" != s {
			t.Errorf("%s: %+v", text, fs)
		}
	}
	// A broken frame is not a Jenkins secret.
	if fs := scanText(e, "credentials.xml", "<password>"+jenkinsSecret(t, 16, 20)+"</password>"); len(fs) != 0 {
		t.Errorf("partial block reported: %+v", fs)
	}
}
