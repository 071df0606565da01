package rules

import (
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/hex"
	"encoding/pem"
	"math/big"
	"strings"
	"sync"
	"testing"

	"golang.org/x/crypto/ssh"

	"github.com/keysweep/keysweep/finding"
)

// Keys are generated once per test binary: RSA generation is slow.
var testKeys = sync.OnceValue(func() (k struct {
	rsa    *rsa.PrivateKey
	ec     *ecdsa.PrivateKey
	ed     ed25519.PrivateKey
	x25519 *ecdh.PrivateKey
}) {
	var err error
	if k.rsa, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
		panic(err)
	}
	if k.ec, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader); err != nil {
		panic(err)
	}
	if _, k.ed, err = ed25519.GenerateKey(rand.Reader); err != nil {
		panic(err)
	}
	if k.x25519, err = ecdh.X25519().GenerateKey(rand.Reader); err != nil {
		panic(err)
	}
	return k
})

func pemEncode(t testing.TB, label string, der []byte, headers map[string]string) string {
	t.Helper()
	return string(pem.EncodeToMemory(&pem.Block{Type: label, Headers: headers, Bytes: der}))
}

func mustDER(t testing.TB, der []byte, err error) []byte {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	return der
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	rand.Read(b)
	return b
}

// jsonEscaped is a PEM block as it sits inside a JSON string.
func jsonEscaped(s string) string { return strings.ReplaceAll(s, "\n", `\n`) }

// oneLine is a PEM block pasted into a one-line env var.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func checkFacts(t *testing.T, name string, got map[string]string, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %s = %q, want %q (all: %v)", name, k, got[k], v, got)
		}
	}
}

func TestValidPrivateKey(t *testing.T) {
	k := testKeys()
	pkcs8 := func(key any) []byte {
		der, err := x509.MarshalPKCS8PrivateKey(key)
		return mustDER(t, der, err)
	}
	ecDER, err := x509.MarshalECPrivateKey(k.ec)
	ecDER = mustDER(t, ecDER, err)
	rsaPKCS1 := pemEncode(t, "RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(k.rsa), nil)
	openssh := func(key any) string {
		b, err := ssh.MarshalPrivateKey(key, "user@host")
		if err != nil {
			t.Fatal(err)
		}
		return string(pem.EncodeToMemory(b))
	}
	sshEncrypted, err := ssh.MarshalPrivateKeyWithPassphrase(k.ed, "user@host", []byte("hunter2"))
	if err != nil {
		t.Fatal(err)
	}
	valid := map[string]struct {
		pem  string
		want map[string]string
	}{
		"RSA PKCS#1":          {rsaPKCS1, map[string]string{"key_type": "RSA", "bits": "2048", "encrypted": "false"}},
		"RSA PKCS#1 in JSON":  {jsonEscaped(rsaPKCS1), map[string]string{"key_type": "RSA", "bits": "2048"}},
		"RSA PKCS#1 one line": {oneLine(rsaPKCS1), map[string]string{"key_type": "RSA", "bits": "2048"}},
		"RSA PKCS#1 \\\\n":    {strings.ReplaceAll(rsaPKCS1, "\n", `\\n`), map[string]string{"key_type": "RSA"}},
		"RSA PKCS#1 CRLF":     {strings.ReplaceAll(rsaPKCS1, "\n", "\r\n"), map[string]string{"key_type": "RSA"}},
		"RSA PKCS#8":          {pemEncode(t, "PRIVATE KEY", pkcs8(k.rsa), nil), map[string]string{"key_type": "RSA", "bits": "2048"}},
		"EC SEC 1":            {pemEncode(t, "EC PRIVATE KEY", ecDER, nil), map[string]string{"key_type": "ECDSA", "curve": "P-256", "encrypted": "false"}},
		"EC PKCS#8":           {pemEncode(t, "PRIVATE KEY", pkcs8(k.ec), nil), map[string]string{"key_type": "ECDSA", "curve": "P-256"}},
		"Ed25519 PKCS#8":      {pemEncode(t, "PRIVATE KEY", pkcs8(k.ed), nil), map[string]string{"key_type": "Ed25519"}},
		"X25519 PKCS#8":       {pemEncode(t, "PRIVATE KEY", pkcs8(k.x25519), nil), map[string]string{"key_type": "X25519"}},
		"mislabelled PKCS#8":  {pemEncode(t, "RSA PRIVATE KEY", pkcs8(k.rsa), nil), map[string]string{"key_type": "RSA"}},
		"secp256k1 SEC 1":     {pemEncode(t, "EC PRIVATE KEY", secp256k1DER(t), nil), map[string]string{"key_type": "ECDSA", "curve": "secp256k1"}},
		"DSA":                 {pemEncode(t, "DSA PRIVATE KEY", dsaDER(t), nil), map[string]string{"key_type": "DSA", "bits": "1024"}},
		"encrypted PKCS#8":    {pemEncode(t, "ENCRYPTED PRIVATE KEY", encryptedPKCS8DER(t, 1232), nil), map[string]string{"encrypted": "true", "encryption": "PBES2 (PBKDF2, aes-256-cbc)"}},
		"legacy encrypted PEM": {pemEncode(t, "RSA PRIVATE KEY", randomBytes(1200), map[string]string{
			"Proc-Type": "4,ENCRYPTED", "DEK-Info": "AES-256-CBC," + strings.ToUpper(hex.EncodeToString(randomBytes(16))),
		}), map[string]string{"key_type": "RSA", "encrypted": "true", "cipher": "aes-256-cbc"}},
		"OpenSSH Ed25519":   {openssh(k.ed), map[string]string{"key_type": "Ed25519", "encrypted": "false"}},
		"OpenSSH RSA":       {openssh(k.rsa), map[string]string{"key_type": "RSA", "bits": "2048", "encrypted": "false"}},
		"OpenSSH ECDSA":     {jsonEscaped(openssh(k.ec)), map[string]string{"key_type": "ECDSA", "curve": "P-256"}},
		"OpenSSH encrypted": {string(pem.EncodeToMemory(sshEncrypted)), map[string]string{"key_type": "Ed25519", "encrypted": "true", "cipher": "aes256-ctr"}},
	}
	for name, c := range valid {
		v, d := validPrivateKey(c.pem)
		if v != Valid {
			t.Errorf("%s: %v %v, want Valid", name, v, d)
			continue
		}
		checkFacts(t, name, d, c.want)
	}

	der := x509.MarshalPKCS1PrivateKey(k.rsa)
	sshKey := openssh(k.ed)
	sshBlock, _ := pem.Decode([]byte(sshKey))
	// magic, cipher "none", KDF "none", empty KDF options, key count, the
	// Ed25519 public key blob, the private section's length: then check1.
	sshBlock.Bytes[15+8+8+4+4+4+51+4] ^= 1
	unchecked := map[string]string{
		// keysweep:allow fake value shaped for this validator test
		"catalog-style fake body": "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAnotARealKeyJustATestFixtureForKeysweepRulesAAAAA\n-----END RSA PRIVATE KEY-----",
		"truncated key":           pemEncode(t, "RSA PRIVATE KEY", der[:len(der)/2], nil),
		"truncated base64":        rsaPKCS1[:len(rsaPKCS1)/2],
		"OpenSSH check mismatch":  string(pem.EncodeToMemory(sshBlock)),
		"legacy encrypted, bad IV": pemEncode(t, "EC PRIVATE KEY", randomBytes(128), map[string]string{
			"Proc-Type": "4,ENCRYPTED", "DEK-Info": "AES-128-CBC,0011",
		}),
		"encrypted PKCS#8, partial block": pemEncode(t, "ENCRYPTED PRIVATE KEY", encryptedPKCS8DER(t, 1231), nil),
	}
	for name, s := range unchecked {
		if v, d := validPrivateKey(s); v != Unchecked {
			t.Errorf("%s: %v %v, want Unchecked", name, v, d)
		}
	}
	if _, d := validPrivateKey(unchecked["legacy encrypted, bad IV"]); d["key_type"] != "ECDSA" || d["encrypted"] != "true" {
		t.Errorf("unchecked legacy key: details %v, want the label's facts", d)
	}

	pub, err := x509.MarshalPKIXPublicKey(&k.rsa.PublicKey)
	pub = mustDER(t, pub, err)
	invalid := map[string]string{
		"PUBLIC KEY":     pemEncode(t, "PUBLIC KEY", pub, nil),
		"RSA PUBLIC KEY": pemEncode(t, "RSA PUBLIC KEY", x509.MarshalPKCS1PublicKey(&k.rsa.PublicKey), nil),
		"CERTIFICATE":    pemEncode(t, "CERTIFICATE", randomBytes(300), nil),
		"no PEM":         "just some text",
		"header only":    "-----BEGIN",
	}
	for name, s := range invalid {
		if v, d := validPrivateKey(s); v != Invalid {
			t.Errorf("%s: %v %v, want Invalid", name, v, d)
		}
	}
}

// secp256k1DER is a SEC 1 key on a curve crypto/x509 does not implement.
func secp256k1DER(t testing.TB) []byte {
	der, err := asn1.Marshal(ecPrivateKey{
		Version:    1,
		PrivateKey: randomBytes(32),
		Curve:      asn1.ObjectIdentifier{1, 3, 132, 0, 10},
	})
	return mustDER(t, der, err)
}

// dsaDER is an OpenSSL DSA key whose y = g^x mod p holds (the modulus
// need not be prime for the structural check).
func dsaDER(t testing.TB) []byte {
	p := new(big.Int).SetBytes(randomBytes(128))
	p.SetBit(p, 1023, 1).SetBit(p, 0, 1)
	q := new(big.Int).SetBytes(randomBytes(20))
	q.SetBit(q, 159, 1)
	g := big.NewInt(2)
	x := new(big.Int).Rsh(q, 1)
	der, err := asn1.Marshal(dsaPrivateKey{P: p, Q: q, G: g, Y: new(big.Int).Exp(g, x, p), X: x})
	return mustDER(t, der, err)
}

// encryptedPKCS8DER is an EncryptedPrivateKeyInfo with PBES2 (PBKDF2,
// AES-256-CBC) around n random bytes, as openssl pkcs8 -topk8 writes.
func encryptedPKCS8DER(t testing.TB, n int) []byte {
	type pbkdf2Params struct {
		Salt       []byte
		Iterations int
		PRF        pkix.AlgorithmIdentifier
	}
	kdf, err := asn1.Marshal(pbkdf2Params{randomBytes(8), 2048, pkix.AlgorithmIdentifier{
		Algorithm: asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 9}, Parameters: asn1.NullRawValue,
	}})
	if err != nil {
		t.Fatal(err)
	}
	iv, _ := asn1.Marshal(randomBytes(16))
	params, err := asn1.Marshal(struct{ KDF, Cipher pkix.AlgorithmIdentifier }{
		pkix.AlgorithmIdentifier{Algorithm: oidPBKDF2, Parameters: asn1.RawValue{FullBytes: kdf}},
		pkix.AlgorithmIdentifier{Algorithm: oidAES256CBC, Parameters: asn1.RawValue{FullBytes: iv}},
	})
	if err != nil {
		t.Fatal(err)
	}
	der, err := asn1.Marshal(struct {
		Algo pkix.AlgorithmIdentifier
		Data []byte
	}{pkix.AlgorithmIdentifier{Algorithm: oidPBES2, Parameters: asn1.RawValue{FullBytes: params}}, randomBytes(n)})
	return mustDER(t, der, err)
}

func TestUnescapeNewlines(t *testing.T) {
	for in, want := range map[string]string{
		`a\nb`:      "a\nb",
		`a\\nb`:     "a\nb",
		`a\r\nb`:    "a\nb",
		`a\/b`:      "a/b",
		`a\tb`:      `a\tb`,
		`trail\\`:   `trail\\`,
		"no escape": "no escape",
	} {
		if got := unescapeNewlines(in); got != want {
			t.Errorf("unescapeNewlines(%q) = %q, want %q", in, got, want)
		}
	}
}

// findingOf scans text and returns the finding of rule id.
func findingOf(t *testing.T, e *Engine, id, text string) (finding.Finding, bool) {
	t.Helper()
	for _, f := range scanText(e, "config.txt", text) {
		if f.RuleID == id {
			return f, true
		}
	}
	return finding.Finding{}, false
}

// TestKeyRulesValidate runs generated keys through the catalog's rules.
func TestKeyRulesValidate(t *testing.T) {
	k := testKeys()
	e := catalogEngine(t, "data/keys.toml")
	pkcs8, err := x509.MarshalPKCS8PrivateKey(k.ec)
	if err != nil {
		t.Fatal(err)
	}
	sshBlock, err := ssh.MarshalPrivateKey(k.ed, "")
	if err != nil {
		t.Fatal(err)
	}
	for id, text := range map[string]string{
		"rsa-private-key":       "key: |\n" + pemEncode(t, "RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(k.rsa), nil),
		"pkcs8-private-key":     `{"key": "` + jsonEscaped(pemEncode(t, "PRIVATE KEY", pkcs8, nil)) + `"}`,
		"openssh-private-key":   `SSH_KEY="` + oneLine(string(pem.EncodeToMemory(sshBlock))) + `"`,
		"pgp-private-key-block": testPGPArmor("PRIVATE KEY BLOCK", testPGPPackets(t, true), true),
		"putty-private-key":     testPuTTYFile(t, "3", false),
	} {
		f, ok := findingOf(t, e, id, text)
		if !ok || !f.Validated || f.Details["key_type"] == "" && f.Details["key_algorithm"] == "" {
			t.Errorf("%s: found %v, validated %v, details %v", id, ok, f.Validated, f.Details)
		}
	}
	// A key whose body does not parse is still reported, not validated.
	fake := "-----BEGIN EC PRIVATE KEY-----\n" + strings.Repeat("MHcCAQEEIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n", 3) + "-----END EC PRIVATE KEY-----"
	if f, ok := findingOf(t, e, "ec-private-key", fake); !ok || f.Validated {
		t.Errorf("fake EC key: found %v, validated %v", ok, f.Validated)
	}
}

// literalLines writes a PEM block as source code does, one string literal
// per line: open and close quote each line, end it with an escaped line
// break, and join the literals with sep (which may hold a line break).
func literalLines(block, quote, sep string) string {
	lines := strings.Split(strings.TrimRight(block, "\n"), "\n")
	for i, l := range lines {
		lines[i] = quote + l + `\n` + quote
	}
	return strings.Join(lines, sep)
}

// TestKeysInStringLiterals: a key written as one string literal per line
// (Java, Kotlin, JS, C#, Elixir, PHP, Python, an array of lines) is found
// and parses.
func TestKeysInStringLiterals(t *testing.T) {
	k := testKeys()
	e := catalogEngine(t, "data/keys.toml")
	block := pemEncode(t, "RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(k.rsa), nil)
	for lang, text := range map[string]string{
		"java":       "String KEY =\n    " + literalLines(block, `"`, " +\n    ") + ";",
		"kotlin":     "val key = " + literalLines(block, `"`, " +\n        "),
		"javascript": "const key = " + literalLines(block, "'", "\n  + "),
		"elixir":     "@key " + literalLines(block, `"`, " <>\n       "),
		"php":        "$key = " + literalLines(block, `"`, " .\n  ") + ";",
		"python":     "KEY = (\n    " + literalLines(block, `"`, "\n    ") + "\n)",
		"c# array":   "var lines = new[] {\n  " + literalLines(block, `"`, ",\n  ") + "\n};",
	} {
		f, ok := findingOf(t, e, "rsa-private-key", text)
		if !ok || !f.Validated || f.Details["key_type"] != "RSA" {
			t.Errorf("%s: found %v, validated %v, details %v", lang, ok, f.Validated, f.Details)
		}
	}
	// Separate strings that are not one key are not joined into one.
	half := strings.Split(block, "\n")
	text := `a = "` + half[0] + `"` + "\n" + `b = "` + strings.Join(half[1:4], "") + `"`
	if _, ok := findingOf(t, e, "rsa-private-key", text); ok {
		t.Error("two assignments read as one key")
	}
}

// keySeeds are well-formed inputs for FuzzValidators to mutate: one of each
// key format and token the offline validators parse.
func keySeeds(t testing.TB) []string {
	k := testKeys()
	pkcs8, err := x509.MarshalPKCS8PrivateKey(k.ec)
	if err != nil {
		t.Fatal(err)
	}
	sshBlock, err := ssh.MarshalPrivateKey(k.ed, "")
	if err != nil {
		t.Fatal(err)
	}
	return []string{
		pemEncode(t, "PRIVATE KEY", pkcs8, nil),
		jsonEscaped(string(pem.EncodeToMemory(sshBlock))),
		pemEncode(t, "DSA PRIVATE KEY", dsaDER(t), nil),
		pemEncode(t, "ENCRYPTED PRIVATE KEY", encryptedPKCS8DER(t, 64), nil),
		testPGPArmor("PRIVATE KEY BLOCK", testPGPPackets(t, true), true),
		testPuTTYFile(t, "3", true),
		pypiToken(testMacaroon("pypi.org", "3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60", `[1,["demo"]]`)),
		// keysweep:allow fake value shaped for this validator test
		"xoxb-1234567890123-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
		`{"type":"service_account","project_id":"p","private_key":"` + jsonEscaped(pemEncode(t, "PRIVATE KEY", pkcs8, nil)) + `"}`,
	}
}
