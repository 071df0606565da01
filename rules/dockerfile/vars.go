package dockerfile

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"

	"github.com/keysweep/keysweep/rules"
)

// Fixes named in messages.
const (
	fixRuntime   = "inject it at run time (orchestrator secret, mounted file) or, if the build needs it, pass it as a build secret (RUN --mount=type=secret)"
	fixBuildSeed = "pass it as a build secret instead (docker build --secret id=NAME, read with RUN --mount=type=secret,id=NAME,env=NAME), or inject it at run time"
	fixRun       = "read it from a build secret instead (RUN --mount=type=secret,id=NAME,env=NAME ... or $(cat /run/secrets/NAME)), or inject it at run time"
	fixCopy      = "keep it out of the image: mount it only for the RUN that needs it (RUN --mount=type=secret or --mount=type=ssh), or inject it at run time"
)

// inst runs the checks that apply to one instruction of stage s (nil for
// the ARGs before the first FROM).
func (a *analysis) inst(s *stage, in *inst) {
	switch c := in.cmd.(type) {
	case *instructions.EnvCommand:
		for _, kv := range c.Env {
			a.variable(s, in, "ENV", kv.Key, kv.Value)
			s.declare(kv.Key, "ENV")
		}
	case *instructions.ArgCommand:
		for _, kv := range c.Args {
			if kv.Value == nil {
				a.bareArg(s, in, kv.Key)
			} else {
				a.variable(s, in, "ARG", kv.Key, *kv.Value)
			}
			s.declare(kv.Key, "ARG")
		}
	case *instructions.CopyCommand:
		a.copy(s, in, "COPY", c.SourcesAndDest, c.ExcludePatterns)
	case *instructions.AddCommand:
		a.copy(s, in, "ADD", c.SourcesAndDest, c.ExcludePatterns)
	case *instructions.RunCommand:
		a.run(s, in, c)
	}
}

// declare records a variable that the stage's later instructions can use.
func (s *stage) declare(name, kind string) {
	if s == nil {
		return
	}
	if s.vars == nil {
		s.vars = map[string]string{}
	}
	s.vars[name] = kind
}

// variable checks an ENV, or an ARG with a default value.
func (a *analysis) variable(s *stage, in *inst, kind, name, value string) {
	v := unquote(value)
	if v == "" {
		return
	}
	line := a.f.lineOf(in, name+"=", name+" ", name)
	where := "it is stored in the image config (docker inspect shows it)"
	if kind == "ARG" {
		where = "it is recorded in the image history of every RUN that uses it"
	}
	if !a.history {
		where += ", and written in this Dockerfile"
	}
	if title, id, secret, ok := a.secretRule(name, v); ok {
		a.report(RuleSecretValue, s, in, line, fmt.Sprintf("%s %s holds a secret (%s, rule %s): %s; revoke it and %s", kind, name, title, id, where, fixBuildSeed), secret)
		return
	}
	if !secretName(name) {
		return
	}
	if refs := varRefs(v); len(refs) > 0 {
		if kind != "ENV" || s == nil {
			return
		}
		for _, r := range refs {
			if s.vars[r] == "ARG" {
				a.report(RuleSecretVariable, s, in, line, fmt.Sprintf("ENV %s stores build argument %s in the image config (docker inspect shows it); %s", name, r, fixBuildSeed), "")
				return
			}
		}
		return
	}
	if placeholder(v) {
		return
	}
	a.report(RuleSecretVariable, s, in, line, fmt.Sprintf("%s %s sets a literal secret: %s; change it and %s", kind, name, where, fixRuntime), v)
}

// bareArg checks an ARG declared without a value.
func (a *analysis) bareArg(s *stage, in *inst, name string) {
	// A global ARG (before the first FROM) is seen only by FROM lines; it
	// reaches a RUN, and the history, when a stage declares it again.
	if s == nil || !secretName(name) {
		return
	}
	a.report(RuleSecretBuildArg, s, in, a.f.lineOf(in, name), fmt.Sprintf("ARG %s takes a secret as a build argument: the value passed with --build-arg is recorded in the image history of every RUN that uses it; %s", name, fixBuildSeed), "")
}

// secretRule runs the content rules over NAME=value and returns the rule
// of the first secret they find in the value, leaving generic rules
// (assignments to password-like names), which secretName covers, aside.
func (a *analysis) secretRule(name, value string) (title, id, secret string, ok bool) {
	text := name + "=" + value
	res := a.c.engine.Scan(rules.Chunk{Data: []byte(text), Location: a.loc})
	for _, f := range res.Findings {
		if slices.Contains(f.Tags, "generic") || f.Secret == "" || !strings.Contains(value, f.Secret) {
			continue
		}
		title = f.RuleID
		if r, found := a.c.engine.Rule(f.RuleID); found && r.Meta().Title != "" {
			title = r.Meta().Title
		}
		return title, f.RuleID, f.Secret, true
	}
	return "", "", "", false
}

// Name segments that make a variable a secret, alone or as the end of a
// segment (DBPASSWORD, GHTOKEN), and pairs of adjacent segments that do.
var (
	secretSegments = []string{"PASSWORD", "PASSWD", "PASS", "PWD", "PASSPHRASE", "PASSCODE", "SECRET", "SECRETS", "TOKEN", "TOKENS", "APIKEY", "CREDENTIAL", "CREDENTIALS", "CREDS"}
	secretSuffixes = []string{"PASSWORD", "PASSWD", "SECRET", "TOKEN", "APIKEY"}
	secretPairs    = [][2]string{
		{"API", "KEY"}, {"ACCESS", "KEY"}, {"PRIVATE", "KEY"}, {"SECRET", "KEY"}, {"AUTH", "KEY"},
		{"SIGNING", "KEY"}, {"ENCRYPTION", "KEY"}, {"MASTER", "KEY"}, {"LICENSE", "KEY"}, {"CLIENT", "SECRET"},
		{"SESSION", "KEY"}, {"ACCOUNT", "KEY"}, {"AUTH", "TOKEN"},
	}
	// notSecretLast are last segments that make the variable describe a
	// secret rather than hold one (TOKEN_URL, PASSWORD_FILE, TOKEN_TYPE).
	notSecretLast = map[string]bool{
		"FILE": true, "FILES": true, "PATH": true, "DIR": true, "URL": true, "URI": true, "ENDPOINT": true,
		"HOST": true, "TYPE": true, "ID": true, "NAME": true, "USER": true, "USERNAME": true, "LENGTH": true,
		"LEN": true, "MIN": true, "MAX": true, "EXPIRY": true, "EXPIRES": true, "TTL": true, "TIMEOUT": true,
		"LIFETIME": true, "ENABLED": true, "DISABLED": true, "REQUIRED": true, "HEADER": true, "ENV": true,
		"VAR": true, "POLICY": true, "VERSION": true, "PORT": true, "REGION": true, "ALGORITHM": true,
		"ALG": true, "METHOD": true, "FORMAT": true, "PREFIX": true, "COUNT": true, "LOCATION": true,
		"MODE": true, "SIZE": true, "COMMAND": true, "CMD": true, "HELPER": true, "PROVIDER": true,
		"STORE": true, "SERVICE": true, "SCOPE": true, "SCOPES": true, "AUDIENCE": true, "ISSUER": true,
		"FIELD": true, "PARAM": true, "ARN": true, "ROTATION": true, "SOURCE": true, "BACKEND": true,
		"PARALLELISM": true, "AUTHENTICATION": true, "HASH": true, "SALT": false,
	}
	// notSecretNames are whole names that merely look secret.
	notSecretNames = map[string]bool{"PWD": true, "OLDPWD": true, "GPG_KEY": true}
)

// secretName reports whether a variable's name says it holds a secret.
func secretName(name string) bool {
	segs := nameSegments(name)
	if len(segs) == 0 || notSecretNames[strings.Join(segs, "_")] || notSecretLast[segs[len(segs)-1]] {
		return false
	}
	for i, s := range segs {
		if slices.Contains(secretSegments, s) {
			return true
		}
		for _, suf := range secretSuffixes {
			if strings.HasSuffix(s, suf) && len(s) > len(suf) {
				return true
			}
		}
		if i > 0 {
			for _, p := range secretPairs {
				if segs[i-1] == p[0] && s == p[1] {
					return true
				}
			}
		}
	}
	return false
}

// nameSegments splits a variable name into upper-case words at
// underscores, dashes, dots and lower-to-upper case changes (dbPassword →
// DB, PASSWORD).
func nameSegments(name string) []string {
	var segs []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			segs = append(segs, strings.ToUpper(string(cur)))
			cur = cur[:0]
		}
	}
	var prev rune
	for _, r := range name {
		switch {
		case r == '_' || r == '-' || r == '.':
			flush()
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
		prev = r
	}
	flush()
	return segs
}

// varRef matches a shell or Dockerfile variable reference.
var varRef = regexp.MustCompile(`\$\{?([A-Za-z_][A-Za-z0-9_]*)`)

// varRefs returns the names of the variables that v refers to.
func varRefs(v string) []string {
	var out []string
	for _, m := range varRef.FindAllStringSubmatch(v, -1) {
		out = append(out, m[1])
	}
	return out
}

// placeholderWords are values that stand in for a secret.
var placeholderWords = []string{
	"changeme", "change_me", "change-me", "changeit", "password", "passwd", "secret", "token", "todo", "tbd",
	"none", "null", "nil", "unset", "empty", "default", "dummy", "example", "placeholder", "redacted",
	"yes", "no", "true", "false", "on", "off", "disabled", "enabled", "test", "xxx",
}

// placeholder reports whether a literal value is obviously not a secret:
// a placeholder, a boolean, a masked or template value, or too short.
func placeholder(v string) bool {
	l := strings.ToLower(v)
	switch {
	case len(v) < 4:
		return true
	case slices.Contains(placeholderWords, l):
		return true
	case strings.HasPrefix(l, "your") || strings.HasPrefix(l, "replace") || strings.HasPrefix(l, "change") || strings.HasPrefix(l, "insert"):
		return true
	case strings.HasPrefix(v, "<") && strings.HasSuffix(v, ">"), strings.Contains(v, "{{"), strings.Contains(v, "$("):
		return true
	case strings.Trim(l, "*x.-_#0") == "":
		return true // masked: ****, xxxx, 0000
	}
	return false
}

// unquote removes one level of matching quotes around v.
func unquote(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		return v[1 : len(v)-1]
	}
	return v
}
