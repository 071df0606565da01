package rules

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// validGCPServiceAccount checks a Google Cloud service-account key. The
// secret is either the whole key file (a JSON object, possibly itself a
// JSON-escaped string) or, as google-cloud-service-account-key captures
// it, the private_key value alone. The key is checked as private-key
// checks it, and must be RSA (Google issues and accepts only RSA keys for
// service accounts): another parsed key type is Unchecked. From a whole
// file it also reports client_email, project_id and private_key_id (the
// ID to delete the key by), never the key.
func validGCPServiceAccount(secret string) (Validity, map[string]string) {
	if file, ok := serviceAccountJSON(secret); ok {
		if file.Type != "service_account" || file.PrivateKey == "" {
			return Invalid, nil
		}
		v, facts := gcpKey(file.PrivateKey)
		if v == Invalid {
			return v, nil
		}
		return v, file.addFacts(facts)
	}
	return gcpKey(secret)
}

// validGCPServiceAccountIn checks a service-account key found inside a
// larger text: when the secret is the private_key value of a key file, the
// JSON object around it gives client_email, project_id and private_key_id.
func validGCPServiceAccountIn(secret string, around []byte) (Validity, map[string]string) {
	v, facts := validGCPServiceAccount(secret)
	if v == Invalid || facts["client_email"] != "" {
		return v, facts
	}
	i := bytes.Index(around, []byte(secret))
	if i < 0 {
		return v, facts
	}
	open := bytes.LastIndexByte(around[:i], '{')
	closing := bytes.IndexByte(around[i+len(secret):], '}')
	if open < 0 || closing < 0 {
		return v, facts
	}
	file, ok := serviceAccountJSON(string(around[open : i+len(secret)+closing+1]))
	if !ok || file.Type != "service_account" {
		return v, facts
	}
	return v, file.addFacts(facts)
}

func gcpKey(key string) (Validity, map[string]string) {
	v, facts := validPrivateKey(key)
	if v == Valid && facts["key_type"] != "RSA" {
		v = Unchecked
	}
	return v, facts
}

type serviceAccountFile struct {
	Type         string `json:"type"`
	ProjectID    string `json:"project_id"`
	PrivateKeyID string `json:"private_key_id"`
	PrivateKey   string `json:"private_key"`
	ClientEmail  string `json:"client_email"`
}

// addFacts adds what the key file says of its account to facts (a new map
// when facts is nil): client_email, project_id and private_key_id, never
// the key.
func (f serviceAccountFile) addFacts(facts map[string]string) map[string]string {
	if facts == nil {
		facts = map[string]string{}
	}
	for k, val := range map[string]string{
		"client_email":   f.ClientEmail,
		"project_id":     f.ProjectID,
		"private_key_id": f.PrivateKeyID,
	} {
		if val != "" {
			facts[k] = val
		}
	}
	return facts
}

// serviceAccountJSON reads a secret that is a JSON object, or a JSON
// string literal's contents holding one ({\"type\": …}).
func serviceAccountJSON(secret string) (serviceAccountFile, bool) {
	s := strings.TrimSpace(secret)
	if !strings.HasPrefix(s, "{") {
		return serviceAccountFile{}, false
	}
	var f serviceAccountFile
	if json.Unmarshal([]byte(s), &f) == nil {
		return f, true
	}
	if u, err := strconv.Unquote(`"` + s + `"`); err == nil && json.Unmarshal([]byte(u), &f) == nil {
		return f, true
	}
	return serviceAccountFile{}, false
}
