package rules

import (
	"hash/crc32"
	"strings"
)

// Validity is the verdict of an offline structural check.
type Validity int

const (
	// Invalid: the secret cannot be genuine (a checksum fails, a token
	// does not decode); it is not reported.
	Invalid Validity = iota
	// Unchecked: the structure could not be confirmed (a key body that
	// does not parse, a key ID too old to carry its account); it is
	// reported, not marked validated.
	Unchecked
	// Valid: the structure checks out; the finding is marked validated.
	Valid
)

// ValidateFunc checks a secret's structure offline (a checksum, a parse)
// and may return facts learned about it, never the secret itself. around
// is the content near the match (up to 4 KiB each side), for checks that
// need the secret's surroundings, such as the rest of a JSON key file.
type ValidateFunc func(secret string, around []byte) (Validity, map[string]string)

// secretOnly adapts a check that needs only the secret.
func secretOnly(check func(string) (Validity, map[string]string)) ValidateFunc {
	return func(secret string, _ []byte) (Validity, map[string]string) { return check(secret) }
}

// Validators lists the names a rule's validate field accepts.
func Validators() []string {
	return []string{
		"aws-key-id", "gcp-service-account", "github-crc32", "jenkins-secret", "jwt", "npm-crc32",
		"pgp-private-key", "private-key", "putty-private-key", "pypi-macaroon", "slack-token",
	}
}

func validator(name string) (ValidateFunc, bool) {
	switch name {
	case "github-crc32", "npm-crc32":
		return secretOnly(validBase62Checksum), true
	case "aws-key-id":
		return secretOnly(validAWSKeyID), true
	case "jwt":
		return secretOnly(validJWT), true
	case "jenkins-secret":
		return secretOnly(validJenkinsSecret), true
	case "private-key":
		return secretOnly(validPrivateKey), true
	case "pgp-private-key":
		return secretOnly(validPGPPrivateKey), true
	case "putty-private-key":
		return secretOnly(validPuTTYPrivateKey), true
	case "pypi-macaroon":
		return secretOnly(validPyPIMacaroon), true
	case "gcp-service-account":
		return validGCPServiceAccountIn, true
	case "slack-token":
		return secretOnly(validSlackToken), true
	}
	return nil, false
}

const base62Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// base62CRC32 encodes the CRC-32 (IEEE) of s in base62, left-padded with
// zeros to six characters, as GitHub's and npm's token checksums are.
func base62CRC32(s string) string {
	n := crc32.ChecksumIEEE([]byte(s))
	var b [6]byte
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = base62Alphabet[n%62]
		n /= 62
	}
	return string(b[:])
}

// validBase62Checksum checks the checksum of GitHub's (ghp_, gho_, ghu_,
// ghs_, ghr_) and npm's (npm_) tokens: after the prefix come 30 random
// characters, then the base62 CRC-32 of those 30 characters.
func validBase62Checksum(token string) (Validity, map[string]string) {
	i := strings.IndexByte(token, '_')
	if i < 0 || len(token)-i-1 != 36 {
		return Invalid, nil
	}
	body := token[i+1:]
	if base62CRC32(body[:30]) != body[30:] {
		return Invalid, nil
	}
	return Valid, nil
}
