package rules

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"strings"
	"testing"
)

// testMacaroon serializes a macaroon in the libmacaroons v2 format, signed
// as pymacaroons signs (HMAC-SHA256 chain over the identifier and the
// first-party caveats), with a random key.
func testMacaroon(location, id string, caveats ...string) []byte {
	field := func(out []byte, typ uint64, data string) []byte {
		out = binary.AppendUvarint(out, typ)
		out = binary.AppendUvarint(out, uint64(len(data)))
		return append(out, data...)
	}
	mac := func(key []byte, data string) []byte {
		h := hmac.New(sha256.New, key)
		h.Write([]byte(data))
		return h.Sum(nil)
	}
	out := []byte{2}
	out = field(out, macaroonLocation, location)
	out = field(out, macaroonIdentifier, id)
	out = append(out, macaroonEOS)
	sig := mac(randomBytes(32), id)
	for _, c := range caveats {
		out = field(out, macaroonIdentifier, c)
		out = append(out, macaroonEOS)
		sig = mac(sig, c)
	}
	out = append(out, macaroonEOS)
	return field(out, macaroonSignature, string(sig))
}

func pypiToken(raw []byte) string { return "pypi-" + base64.RawURLEncoding.EncodeToString(raw) }

func TestValidPyPIMacaroon(t *testing.T) {
	const id = "3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60"
	valid := map[string]struct {
		token string
		want  map[string]string
	}{
		"project-scoped": {pypiToken(testMacaroon("pypi.org", id, `[0,4102444800,1700000000]`, `[1,["requests","urllib3"]]`, `[3,"`+id+`"]`)),
			map[string]string{"location": "pypi.org", "identifier": id, "scope": "project", "projects": "requests,urllib3", "expires": "2100-01-01T00:00:00Z"}},
		"user-scoped, legacy caveat": {pypiToken(testMacaroon("pypi.org", id, `{"version": 1, "permissions": "user"}`)),
			map[string]string{"scope": "user", "identifier": id}},
		"legacy project caveat": {pypiToken(testMacaroon("test.pypi.org", id, `{"version": 1, "permissions": {"projects": ["demo"]}}`)),
			map[string]string{"location": "test.pypi.org", "scope": "project", "projects": "demo"}},
		"trusted publisher": {pypiToken(testMacaroon("pypi.org", id, `[4,"`+id+`"]`, `[0,1000,0]`)),
			map[string]string{"scope": "trusted-publisher", "expired": "true"}},
		"opaque identifier": {pypiToken(testMacaroon("pypi.org", "not-a-uuid")), map[string]string{"scope": "user"}},
	}
	for name, c := range valid {
		v, d := validPyPIMacaroon(c.token)
		if v != Valid {
			t.Errorf("%s: %v %v, want Valid", name, v, d)
			continue
		}
		checkFacts(t, name, d, c.want)
	}
	if _, d := validPyPIMacaroon(valid["opaque identifier"].token); d["identifier"] != "" {
		t.Errorf("opaque identifier reported: %v", d)
	}

	good := testMacaroon("pypi.org", id, `[1,["demo"]]`)
	version1 := append([]byte{1}, good[1:]...)
	wrongSigType := append([]byte(nil), good...)
	wrongSigType[len(good)-34] = macaroonVID
	for name, tok := range map[string]string{
		"other location":   pypiToken(testMacaroon("example.org", id)),
		"truncated":        pypiToken(good[:len(good)-5]),
		"trailing bytes":   pypiToken(append(append([]byte(nil), good...), 0)),
		"version 1":        pypiToken(version1),
		"wrong field type": pypiToken(wrongSigType),
		"not base64url":    "pypi-AgEIcHlwaS5vcmc+/+/",
		"no prefix":        strings.TrimPrefix(pypiToken(good), "pypi-"),
		"prefix only":      "pypi-AgEIcHlwaS5vcmc",
		"short signature":  pypiToken(append(append(good[:len(good)-34:len(good)-34], macaroonSignature, 16), make([]byte, 16)...)),
		"no identifier":    pypiToken([]byte{2, macaroonLocation, 8, 'p', 'y', 'p', 'i', '.', 'o', 'r', 'g', 0, 0, macaroonSignature, 0}),
	} {
		if v, d := validPyPIMacaroon(tok); v != Invalid {
			t.Errorf("%s: %v %v, want Invalid", name, v, d)
		}
	}
}

func TestPyPIRulesValidate(t *testing.T) {
	e := catalogEngine(t, "data/registries.toml")
	tok := pypiToken(testMacaroon("pypi.org", "3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60", `[1,["demo"]]`))
	f, ok := findingOf(t, e, "pypi-upload-token", "TWINE_PASSWORD="+tok+"\n")
	if !ok || !f.Validated || f.Details["location"] != "pypi.org" {
		t.Errorf("found %v, validated %v, details %v", ok, f.Validated, f.Details)
	}
	// A token that matches the rule's shape but whose macaroon is cut short
	// is dropped.
	// keysweep:allow fake value shaped for this validator test
	if _, ok := findingOf(t, e, "pypi-upload-token", "TWINE_PASSWORD="+tok[:len(tok)-10]+"\n"); ok {
		t.Error("truncated token reported")
	}
}
