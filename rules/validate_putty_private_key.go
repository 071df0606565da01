package rules

import (
	"maps"
	"strconv"
	"strings"
)

// validPuTTYPrivateKey checks a PuTTY .ppk file (PuTTY-User-Key-File-2 or
// -3): the key type and encryption header lines, Public-Lines and
// Private-Lines followed by that many lines of base64, a public key blob
// that parses as a key of the type the header names and, for an encrypted key, a private blob
// of whole AES blocks. Valid reports the key type, size or curve and
// whether the key is encrypted; the Comment line is never reported. Text
// without the header is Invalid; a file whose structure does not hold (a
// truncated key) is Unchecked.
func validPuTTYPrivateKey(secret string) (Validity, map[string]string) {
	var lines []string
	for l := range strings.SplitSeq(keyText(secret), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	start := -1
	var version, keyType string
	for i, l := range lines {
		if rest, ok := strings.CutPrefix(l, "PuTTY-User-Key-File-"); ok {
			version, keyType, _ = strings.Cut(rest, ":")
			keyType = strings.TrimSpace(keyType)
			start = i + 1
			break
		}
	}
	if start < 0 || (version != "2" && version != "3") || keyType == "" {
		return Invalid, nil
	}
	facts := map[string]string{"format_version": version}
	if t, ok := puttyKeyTypes[keyType]; ok {
		facts["key_type"] = t
	}
	fields := map[string]string{}
	var public, private []byte
	ok := true
	for i := start; i < len(lines) && ok; i++ {
		name, value, found := strings.Cut(lines[i], ":")
		if !found {
			ok = false
			break
		}
		value = strings.TrimSpace(value)
		fields[name] = value
		if name != "Public-Lines" && name != "Private-Lines" {
			continue
		}
		n, err := strconv.Atoi(value)
		if err != nil || n < 1 || n > len(lines)-i-1 {
			ok = false
			break
		}
		blob, decoded := decodeBase64(strings.Join(lines[i+1:i+1+n], ""))
		if !decoded || len(blob) == 0 {
			ok = false
			break
		}
		if name == "Public-Lines" {
			public = blob
		} else {
			private = blob
		}
		i += n
	}
	switch fields["Encryption"] {
	case "none":
		facts["encrypted"] = "false"
	case "aes256-cbc":
		facts["encrypted"] = "true"
		if len(private)%16 != 0 || version == "3" && fields["Key-Derivation"] == "" {
			ok = false
		}
	default:
		ok = false
	}
	if !ok || public == nil || private == nil || sshKeyType(public) != keyType {
		return Unchecked, facts
	}
	pub, parsed := sshPublicKeyFacts(public)
	if !parsed {
		return Unchecked, facts
	}
	maps.Copy(facts, pub)
	return Valid, facts
}

var puttyKeyTypes = map[string]string{
	"ssh-rsa":             "RSA",
	"ssh-dss":             "DSA",
	"ecdsa-sha2-nistp256": "ECDSA",
	"ecdsa-sha2-nistp384": "ECDSA",
	"ecdsa-sha2-nistp521": "ECDSA",
	"ssh-ed25519":         "Ed25519",
	"ssh-ed448":           "Ed448",
}
