package rules

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"time"
)

// validJWT checks that a token is a JSON Web Token: a header and a payload
// that are base64url JSON objects, a header naming a signing algorithm
// other than "none", and a signature. It reports the algorithm, issuer,
// subject-free facts and expiry (whether it had expired when scanned).
// jwt.io's sample token (subject 1234567890, John Doe) is not one.
func validJWT(token string) (Validity, map[string]string) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 || parts[2] == "" {
		return Invalid, nil
	}
	var header struct {
		Alg string `json:"alg"`
		Typ string `json:"typ"`
	}
	var claims struct {
		Iss  string          `json:"iss"`
		Sub  json.RawMessage `json:"sub"`
		Name json.RawMessage `json:"name"`
		Exp  json.RawMessage `json:"exp"`
	}
	if !decodeSegment(parts[0], &header) || !decodeSegment(parts[1], &claims) {
		return Invalid, nil
	}
	if string(claims.Sub) == `"1234567890"` && string(claims.Name) == `"John Doe"` {
		// The sample token of jwt.io and of countless tutorials, copied
		// with any algorithm and claims added: documentation, not a token.
		return Invalid, nil
	}
	if header.Alg == "" || strings.EqualFold(header.Alg, "none") {
		return Invalid, nil
	}
	details := map[string]string{"alg": header.Alg}
	if claims.Iss != "" {
		details["issuer"] = claims.Iss
	}
	var exp float64
	if json.Unmarshal(claims.Exp, &exp) == nil && exp > 0 {
		at := time.Unix(int64(exp), 0).UTC()
		details["expires"] = at.Format(time.RFC3339)
		if at.Before(time.Now()) {
			details["expired"] = "true"
		}
	}
	return Valid, details
}

func decodeSegment(seg string, v any) bool {
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(seg, "="))
	if err != nil {
		return false
	}
	return json.Unmarshal(raw, v) == nil
}
