package srcutil

import (
	"strings"
	"unicode"
)

// Words splits an identifier or key (camelCase, snake_case, kebab-case,
// dotted) into lower-case words: "DBPassword" → [db password],
// "api_key" → [api key].
func Words(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && len(cur) > 0:
			prevLower := unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1])
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if prevLower || (unicode.IsUpper(rs[i-1]) && nextLower) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// secretWords name a secret on their own; keyQualifiers make "key" one.
var (
	secretWords = map[string]bool{
		"password": true, "passwd": true, "passphrase": true, "pwd": true, "secret": true,
		"token": true, "apikey": true, "credential": true, "credentials": true, "privatekey": true,
		"secretkey": true, "accesstoken": true, "authtoken": true, "pw": true, "cred": true, "creds": true,
	}
	keyQualifiers = map[string]bool{
		"api": true, "private": true, "signing": true, "secret": true, "encryption": true,
		"hmac": true, "master": true, "access": true, "auth": true, "jwt": true, "session": true,
	}
	// descriptive words make a name about a secret, not one holding it:
	// its name, route, header, length, environment variable...
	descriptive = map[string]bool{
		"name": true, "names": true, "route": true, "url": true, "uri": true, "path": true, "file": true,
		"filename": true, "dir": true, "header": true, "type": true, "kind": true, "field": true, "env": true,
		"var": true, "prefix": true, "suffix": true, "format": true, "fmt": true, "endpoint": true, "id": true,
		"length": true, "len": true, "size": true, "max": true, "min": true, "count": true, "ttl": true,
		"expiry": true, "expires": true, "timeout": true, "regex": true, "re": true, "pattern": true,
		"label": true, "description": true, "desc": true, "msg": true, "message": true, "err": true,
		"error": true, "param": true, "query": true, "placeholder": true, "example": true, "sample": true,
		"dummy": true, "fake": true, "mock": true, "test": true, "policy": true, "hint": true,
		"flag": true, "arn": true, "ref": true, "reset": true, "mode": true, "hash": true,
		"validator": true, "usage": true, "help": true, "title": true, "text": true,
	}
)

// SecretName reports whether an identifier or key says that it holds a
// secret (dbPassword, API_KEY, clientSecret, signingKey), and not that it
// describes one (tokenRoute, PasswordEnvVar, maxTokens, AccessKeyID).
func SecretName(name string) bool {
	ws := Words(name)
	for i, w := range ws {
		if t := strings.TrimSuffix(w, "s"); t != w && (secretWords[t] || t == "key") {
			ws[i] = t // tokens, secrets, keys
		}
	}
	found := false
	for i, w := range ws {
		if descriptive[w] {
			return false
		}
		switch {
		case secretWords[w]:
			found = true
		case (w == "key" || w == "pass") && i > 0 && keyQualifiers[ws[i-1]]:
			found = true
		case w == "pass" && i == len(ws)-1 && i > 0: // dbPass, adminPass
			found = true
		}
	}
	return found
}
