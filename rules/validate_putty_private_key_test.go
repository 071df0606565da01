package rules

import (
	"crypto"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"
)

const puttyComment = "laptop-key-of-someone"

// puttyLines base64-encodes a blob in PuTTY's 64-character lines.
func puttyLines(blob []byte) []string {
	enc := base64.StdEncoding.EncodeToString(blob)
	var lines []string
	for len(enc) > 64 {
		lines = append(lines, enc[:64])
		enc = enc[64:]
	}
	return append(lines, enc)
}

// testPuTTYFileFor writes a .ppk for a public key; the private blob is
// random (the validator does not decrypt or check it).
func testPuTTYFileFor(t testing.TB, pub crypto.PublicKey, version string, encrypted bool) string {
	t.Helper()
	sshPub, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	private := binary.BigEndian.AppendUint32(nil, 32)
	private = append(private, randomBytes(32)...)
	enc := "none"
	if encrypted {
		enc, private = "aes256-cbc", randomBytes(48)
	}
	pubLines, privLines := puttyLines(sshPub.Marshal()), puttyLines(private)
	lines := []string{
		"PuTTY-User-Key-File-" + version + ": " + sshPub.Type(),
		"Encryption: " + enc,
		"Comment: " + puttyComment,
		"Public-Lines: " + strconv.Itoa(len(pubLines)),
	}
	lines = append(lines, pubLines...)
	if encrypted && version == "3" {
		lines = append(lines, "Key-Derivation: Argon2id", "Argon2-Memory: 8192", "Argon2-Passes: 13",
			"Argon2-Parallelism: 1", "Argon2-Salt: "+hex.EncodeToString(randomBytes(16)))
	}
	lines = append(lines, "Private-Lines: "+strconv.Itoa(len(privLines)))
	lines = append(lines, privLines...)
	lines = append(lines, "Private-MAC: "+hex.EncodeToString(randomBytes(32)))
	return strings.Join(lines, "\n") + "\n"
}

func testPuTTYFile(t testing.TB, version string, encrypted bool) string {
	return testPuTTYFileFor(t, testKeys().ed.Public(), version, encrypted)
}

func TestValidPuTTYPrivateKey(t *testing.T) {
	k := testKeys()
	rsaFile := testPuTTYFileFor(t, &k.rsa.PublicKey, "2", false)
	valid := map[string]struct {
		file string
		want map[string]string
	}{
		"v3 Ed25519":           {testPuTTYFile(t, "3", false), map[string]string{"key_type": "Ed25519", "encrypted": "false", "format_version": "3"}},
		"v3 Ed25519 encrypted": {testPuTTYFile(t, "3", true), map[string]string{"key_type": "Ed25519", "encrypted": "true"}},
		"v2 encrypted":         {testPuTTYFile(t, "2", true), map[string]string{"encrypted": "true", "format_version": "2"}},
		"v2 RSA":               {rsaFile, map[string]string{"key_type": "RSA", "bits": "2048", "encrypted": "false"}},
		"v3 ECDSA":             {testPuTTYFileFor(t, &k.ec.PublicKey, "3", false), map[string]string{"key_type": "ECDSA", "curve": "P-256"}},
		"JSON-escaped":         {jsonEscaped(rsaFile), map[string]string{"key_type": "RSA"}},
		"CRLF":                 {strings.ReplaceAll(rsaFile, "\n", "\r\n"), map[string]string{"key_type": "RSA"}},
		// As the catalog's rule captures it: up to "Private-MAC:".
		"cut at the MAC": {rsaFile[:strings.Index(rsaFile, "Private-MAC:")+len("Private-MAC:")], map[string]string{"key_type": "RSA"}},
	}
	for name, c := range valid {
		v, d := validPuTTYPrivateKey(c.file)
		if v != Valid {
			t.Errorf("%s: %v %v, want Valid", name, v, d)
			continue
		}
		checkFacts(t, name, d, c.want)
		for key, val := range d {
			if strings.Contains(val, puttyComment) {
				t.Errorf("%s: detail %s holds the comment", name, key)
			}
		}
	}

	file := testPuTTYFile(t, "3", false)
	unchecked := map[string]string{
		"wrong public line count": strings.Replace(file, "Public-Lines: 2", "Public-Lines: 1", 1),
		"type mismatch":           strings.Replace(file, ": ssh-ed25519", ": ssh-rsa", 1),
		"not base64":              strings.Replace(file, "Private-Lines: 1\n", "Private-Lines: 1\n*", 1),
		"unknown encryption":      strings.Replace(file, "Encryption: none", "Encryption: rot13", 1),
		"v3 encrypted, no KDF":    strings.Replace(testPuTTYFile(t, "3", true), "Key-Derivation: Argon2id\n", "", 1),
		// keysweep:allow fake value shaped for this validator test
		"catalog sample": `PuTTY-User-Key-File-3: ssh-ed25519
Encryption: none
Comment: test fixture
Public-Lines: 2
AAAAC3NzaC1lZDI1NTE5AAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
AAAA
Private-Lines: 1
AAAAIAAAAnotARealPuttyKeyJustATestFixtureForKeysweepRulesAAAAAAAA
Private-MAC:`,
	}
	for name, s := range unchecked {
		if v, d := validPuTTYPrivateKey(s); v != Unchecked {
			t.Errorf("%s: %v %v, want Unchecked", name, v, d)
		}
	}
	for name, s := range map[string]string{
		"no header":       strings.Replace(file, "PuTTY-User-Key-File-3", "Some-Other-File-3", 1),
		"unknown version": strings.Replace(file, "PuTTY-User-Key-File-3", "PuTTY-User-Key-File-9", 1),
		"prose":           `The file starts with "PuTTY-User-Key-File-3" and "Encryption: none".`,
	} {
		if v, d := validPuTTYPrivateKey(s); v != Invalid {
			t.Errorf("%s: %v %v, want Invalid", name, v, d)
		}
	}
}
