package rules

import (
	"encoding/base64"
	"encoding/binary"
	"strconv"
	"strings"
)

// jenkinsPayloadV1 is the version byte of hudson.util.Secret's encrypted
// form.
const jenkinsPayloadV1 = 1

// validJenkinsSecret checks a Jenkins encrypted secret as Jenkins writes
// it to credentials.xml and job config.xml: "{", the standard base64 of
// a payload, "}" (the braces may be left off). The payload is the version byte 1, the IV's length and
// the ciphertext's length (4 bytes each, big-endian), the IV, then the
// AES-CBC ciphertext (whole 16-byte blocks). The secret decrypts with the
// controller's secrets/master.key and secrets/hudson.util.Secret; the
// check reports the ciphertext's length, which bounds the plain text's.
func validJenkinsSecret(secret string) (Validity, map[string]string) {
	body := secret
	if b, ok := strings.CutPrefix(body, "{"); ok {
		if body, ok = strings.CutSuffix(b, "}"); !ok {
			return Invalid, nil
		}
	}
	raw, err := base64.StdEncoding.DecodeString(body)
	if err != nil || len(raw) < 9 || raw[0] != jenkinsPayloadV1 {
		return Invalid, nil
	}
	ivLen := binary.BigEndian.Uint32(raw[1:5])
	dataLen := binary.BigEndian.Uint32(raw[5:9])
	if ivLen != 16 || dataLen == 0 || dataLen%16 != 0 || uint64(len(raw)) != 9+uint64(ivLen)+uint64(dataLen) {
		return Invalid, nil
	}
	return Valid, map[string]string{
		"format":     "hudson.util.Secret v1 (AES-CBC)",
		"ciphertext": strconv.FormatUint(uint64(dataLen), 10) + " bytes",
	}
}
