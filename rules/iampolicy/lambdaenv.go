package iampolicy

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
)

var (
	// secretName matches environment variable names that say they hold a
	// credential.
	secretName = regexp.MustCompile(`(?i)passw(?:or)?d|passphrase|pwd|secret|token|api_?key|private_?key|credential|access_?key|signing_?key|auth_?key|conn(?:ection)?_?str|dsn`)
	// referenceName matches names that hold where a credential is, not the
	// credential (SECRET_ARN, TOKEN_URL, DB_PASSWORD_PARAM).
	referenceName = regexp.MustCompile(`(?i)(?:^|_)(?:arn|name|id|url|uri|path|file|endpoint|region|ttl|expiry|expires|header|param|parameter|length|type|enabled|key_?id|version)$`)
)

// lambdaEnv analyses one environment variable of a Lambda function in a
// template. The value goes through the content rules first. When they
// match it in the file's raw text, `keysweep scan` already reports it at
// this line, so nothing more is said here; when they match only the
// decoded value (a JSON escape, a folded YAML scalar), their findings are
// returned. Otherwise a credential-like name holding a literal value is
// reported as RuleLambdaEnvSecret.
func (a *Analyzer) lambdaEnv(content []byte, loc finding.Location, function, name string, v *node) []finding.Finding {
	if v == nil || v.kind != kindString || strings.TrimSpace(v.str) == "" || v.line <= 0 {
		return nil
	}
	value := v.str
	raw := lineRange(content, v.line, v.line+strings.Count(value, "\n"))
	res := a.e.Scan(rules.Chunk{Data: raw, Location: loc, Line: v.line})
	for _, f := range res.Findings {
		if f.Secret != "" && (strings.Contains(value, f.Secret) || strings.Contains(f.Secret, value)) {
			return nil // the content rules report it from the raw text
		}
	}
	if res.Suppressed > 0 {
		return nil // an inline keysweep:allow on the line
	}
	res = a.e.Scan(rules.Chunk{Data: []byte(value), Location: loc, Line: v.line, Column: max(v.col, 1)})
	if len(res.Findings) > 0 {
		return res.Findings
	}
	if !secretName.MatchString(name) || referenceName.MatchString(name) || !literalSecret(value) {
		return nil
	}
	at := loc
	at.StartLine, at.StartColumn = v.line, v.col
	msg := fmt.Sprintf("Lambda function %s sets environment variable %s to a literal value: store it in Secrets Manager or SSM Parameter Store (SecureString) and read it at run time, or use a dynamic reference", function, name)
	f, ok := a.e.Report(RuleLambdaEnvSecret, at, msg, value)
	if !ok {
		return nil
	}
	return []finding.Finding{f}
}

// literalSecret reports whether a value could be a credential rather than
// a reference to one, a flag or a placeholder.
func literalSecret(v string) bool {
	v = strings.TrimSpace(v)
	if len(v) < 6 || strings.ContainsAny(v, " \t\n") {
		return false
	}
	for _, ref := range []string{"{{resolve:", "${", "arn:", "http://", "https://", "/"} {
		if strings.HasPrefix(v, ref) {
			return false
		}
	}
	return true
}

// lineRange returns lines first..last (1-based) of content.
func lineRange(content []byte, first, last int) []byte {
	line, start := 1, 0
	for line < first {
		i := bytes.IndexByte(content[start:], '\n')
		if i < 0 {
			return nil
		}
		start += i + 1
		line++
	}
	end := start
	for line <= last {
		i := bytes.IndexByte(content[end:], '\n')
		if i < 0 {
			return content[start:]
		}
		end += i + 1
		line++
	}
	return content[start:end]
}
