package finding

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
)

// DefaultFingerprintKey keys the secret hash in fingerprints when the user
// sets no key of their own. Teams that publish reports can set their own key
// (KEYSWEEP_FINGERPRINT_KEY) so that a fingerprint cannot be tested against
// guessed secrets.
const DefaultFingerprintKey = "keysweep-fingerprint-v1"

// FingerprintVersion names the fingerprint scheme in SARIF
// partialFingerprints; a change of scheme gets a new name.
const FingerprintVersion = "keysweep/v1"

// Hasher computes keyed hashes of secrets. The zero value uses
// DefaultFingerprintKey.
type Hasher struct {
	key []byte
}

// NewHasher returns a Hasher keyed with key, or with DefaultFingerprintKey
// when key is empty.
func NewHasher(key string) Hasher {
	if key == "" {
		key = DefaultFingerprintKey
	}
	return Hasher{key: []byte(key)}
}

// SecretHash returns the hex keyed hash of a secret alone: equal for equal
// secrets wherever they are, so it keys de-duplication and verification.
func (h Hasher) SecretHash(secret string) string {
	return h.sum("secret", secret)
}

// Fingerprint returns the stable identity of a finding: the rule, a keyed
// hash of the secret (or the message, for findings with no secret) and the
// kind and key of its place. It never depends on line numbers, so moving a
// line keeps it, and a different secret on the same line changes it.
func (h Hasher) Fingerprint(f *Finding) string {
	value := f.Secret
	if value == "" {
		value = "message\x00" + f.Message
	}
	return h.sum("fingerprint", f.RuleID, value, string(f.Location.Kind), f.Location.FingerprintKey())
}

func (h Hasher) sum(parts ...string) string {
	key := h.key
	if len(key) == 0 {
		key = []byte(DefaultFingerprintKey)
	}
	m := hmac.New(sha256.New, key)
	for _, p := range parts {
		m.Write([]byte(p))
		m.Write([]byte{0})
	}
	return hex.EncodeToString(m.Sum(nil)[:16])
}
