package aws

import (
	"strconv"
	"strings"
	"time"
)

// secretWords are the name parts that say a value is a credential.
var secretWords = []string{
	"password", "passwd", "pwd", "secret", "token", "apikey", "api_key", "api-key",
	"privatekey", "private_key", "private-key", "credential", "creds", "passphrase",
	"access_key", "accesskey", "auth_key", "signing_key", "client_secret", "dsn",
	"connection_string", "connectionstring",
}

// notSecretSuffixes end names that hold a reference to a secret, not the
// secret itself (SECRET_ARN, TOKEN_URL, PASSWORD_FILE).
var notSecretSuffixes = []string{
	"arn", "name", "id", "path", "url", "uri", "file", "dir", "ttl", "expiry",
	"enabled", "length", "type", "version", "region", "header", "key_id", "keyid",
	"param", "parameter", "ref", "location", "endpoint", "timeout", "count",
}

// secretName reports whether an environment variable or parameter name
// suggests it holds a credential.
func secretName(name string) bool {
	n := strings.ToLower(name)
	found := false
	for _, w := range secretWords {
		if strings.Contains(n, w) {
			found = true
			break
		}
	}
	if !found {
		return false
	}
	last := n
	if i := strings.LastIndexAny(n, "_-./"); i >= 0 {
		last = n[i+1:]
	}
	for _, s := range notSecretSuffixes {
		if last == s || strings.HasSuffix(n, "_"+s) {
			return false
		}
	}
	return true
}

// literalValue reports whether v looks like a literal secret value rather
// than a reference to one (an ARN, a path, a template), a flag or a number.
func literalValue(v string) bool {
	v = strings.TrimSpace(v)
	if len(v) < 8 || strings.ContainsAny(v, " \t\n") && len(strings.Fields(v)) > 3 {
		return false
	}
	l := strings.ToLower(v)
	for _, p := range []string{"arn:", "{{resolve:", "${", "$(", "/", "ssm:", "secretsmanager:", "alias/", "http://", "https://", "file:"} {
		if strings.HasPrefix(l, p) {
			return false
		}
	}
	switch l {
	case "true", "false", "enabled", "disabled", "none", "null", "changeme":
		return false
	}
	if _, err := strconv.ParseFloat(v, 64); err == nil {
		return false
	}
	return true
}

// stageWords maps the name parts that say which deployment stage a
// resource belongs to onto the stage.
var stageWords = map[string]string{
	"dev": "dev", "develop": "dev", "development": "dev", "sandbox": "dev",
	"test": "test", "testing": "test", "qa": "test", "uat": "test",
	"stage": "staging", "staging": "staging", "stg": "staging", "preprod": "staging",
	"prod": "prod", "production": "prod", "prd": "prod", "live": "prod",
}

// stageOf returns the stage a resource belongs to, from the values of its
// stage tags (stage, env, environment) and else from the parts of its
// names, or "" when none says.
func stageOf(tags map[string]string, names ...string) string {
	for k, v := range tags {
		switch strings.ToLower(k) {
		case "stage", "env", "environment":
			if s, ok := stageWords[strings.ToLower(strings.TrimSpace(v))]; ok {
				return s
			}
		}
	}
	for _, name := range names {
		for _, part := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
		}) {
			if s, ok := stageWords[part]; ok {
				return s
			}
		}
	}
	return ""
}

// rateInterval parses a Secrets Manager rotation schedule of the form
// rate(N days) or rate(N hours). ok is false for cron() schedules and
// anything else.
func rateInterval(expr string) (d time.Duration, ok bool) {
	e := strings.TrimSpace(expr)
	if !strings.HasPrefix(e, "rate(") || !strings.HasSuffix(e, ")") {
		return 0, false
	}
	fields := strings.Fields(e[len("rate(") : len(e)-1])
	if len(fields) != 2 {
		return 0, false
	}
	n, err := strconv.Atoi(fields[0])
	if err != nil || n <= 0 || n > 100000 {
		return 0, false
	}
	switch strings.TrimSuffix(fields[1], "s") {
	case "day":
		return time.Duration(n) * 24 * time.Hour, true
	case "hour":
		return time.Duration(n) * time.Hour, true
	}
	return 0, false
}

// arnParts splits an ARN into its service, region and account, or returns
// ok false when s is not an ARN.
func arnParts(s string) (service, region, account string, ok bool) {
	parts := strings.SplitN(s, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" {
		return "", "", "", false
	}
	return parts[2], parts[3], parts[4], true
}

// keyRef normalizes a KMS key reference (a key ID, key ARN, alias name or
// alias ARN) to a key ID or an "alias/…" name.
func keyRef(ref string) string {
	ref = strings.TrimSpace(ref)
	if i := strings.Index(ref, ":key/"); i >= 0 {
		return ref[i+len(":key/"):]
	}
	if i := strings.Index(ref, "alias/"); i >= 0 {
		return ref[i:]
	}
	return ref
}
