package rules

import (
	"encoding/base32"
	"encoding/binary"
	"strconv"
)

// validAWSKeyID decodes the AWS account that owns an access key ID. Key IDs
// issued since about 2019 carry it: after the four-letter prefix, base32
// digits whose first 48 bits hold the account ID shifted left by 7 with the
// top bit clear. Older IDs decode to nothing sensible and stay unchecked.
func validAWSKeyID(id string) (Validity, map[string]string) {
	if len(id) != 20 {
		return Invalid, nil
	}
	raw, err := base32.StdEncoding.DecodeString(id[4:])
	if err != nil {
		return Invalid, nil // not base32: not a key ID
	}
	var b [8]byte
	copy(b[2:], raw[:6])
	account := (binary.BigEndian.Uint64(b[:]) & 0x7fffffffff80) >> 7
	if account < 1e9 || account > 999999999999 {
		return Unchecked, nil
	}
	kind := "long-term (IAM user)"
	if id[:4] == "ASIA" {
		kind = "temporary (STS)"
	}
	return Valid, map[string]string{
		"aws_account": strconv.FormatUint(account+1e12, 10)[1:], // 12 digits
		"key_kind":    kind,
	}
}
