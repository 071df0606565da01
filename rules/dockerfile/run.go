package dockerfile

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

// credValue matches a credential's value on a command line: quoted, or up
// to a shell separator.
const credValue = `("[^"\n]*"|'[^'\n]*'|[^\s"';|&]+)`

// runPattern finds one way of passing a credential on a command line.
type runPattern struct {
	what string // how the message names it
	re   *regexp.Regexp
	// group is the submatch holding the credential; split, when set,
	// keeps what follows the first colon (user:password).
	group int
	split bool
	// tokenOnly is set when the credential may be a user name: only a
	// token-like value, or a variable, is reported.
	tokenOnly bool
	// persists is true when the command also writes the credential to a
	// file in the layer, so it leaks even from a secret mount unless the
	// same RUN removes the file (file names it).
	persists bool
	file     string
	// hint is a lower-case string that every match contains: the regular
	// expression runs only on a command that has it.
	hint string
}

// runPatterns are the ways of passing a credential on a command line that
// the RUN check knows.
var runPatterns = []runPattern{
	{what: "a curl -u user:password argument", hint: "curl", group: 1, split: true,
		re: regexp.MustCompile(`(?i)\bcurl\b[^\n;|&]*?\s(?:-u\s*|--user(?:\s+|=)|--proxy-user(?:\s+|=)|-U\s*)` + credValue)},
	{what: "a wget password option", hint: "wget", group: 1,
		re: regexp.MustCompile(`(?i)\bwget\b[^\n;|&]*?\s--(?:http-|ftp-|proxy-)?password(?:\s+|=)` + credValue)},
	{what: "an HTTP authorization header", hint: "authorization", group: 1,
		re: regexp.MustCompile(`(?i)\b(?:proxy-)?authorization\s*:\s*(?:(?:basic|bearer|token|digest|apikey|api-key)\s+)?([^\s"'\\;|&]+)`)},
	{what: "an HTTP API key header", hint: ":", group: 1,
		re: regexp.MustCompile(`(?i)\b(?:x-api-key|private-token|job-token|x-auth-token|x-vault-token|x-jfrog-art-api)\s*:\s*([^\s"'\\;|&]+)`)},
	{what: "a password in a URL", hint: "@", group: 2,
		re: regexp.MustCompile(`\b[a-zA-Z][a-zA-Z0-9+.-]*://([^/\s:@'"]*):([^/\s@'"]+)@[^\s'"]`)},
	{what: "a token in a URL", hint: "@", group: 1, tokenOnly: true,
		re: regexp.MustCompile(`\bhttps?://([^/\s:@'"]+)@[A-Za-z0-9.-]+`)},
	{what: "aws configure set of a secret key", hint: "configure", group: 2,
		re: regexp.MustCompile(`(?i)\baws\s+configure\s+set\s+(?:[\w-]+\.)?(aws_secret_access_key|aws_session_token)\s+` + credValue)},
	{what: "docker login -p", hint: "login", group: 1,
		re: regexp.MustCompile(`(?i)\bdocker\s+login\b[^\n;|&]*?\s(?:-p\s*|--password(?:\s+|=))` + credValue)},
	{what: "npm config set of an auth token", hint: "config", group: 2, persists: true, file: ".npmrc",
		re: regexp.MustCompile(`(?i)\b(?:npm|yarn|pnpm)\s+config\s+set\s+(\S*(?:_authToken|_auth|_password|npmAuthToken))(?:\s+|=)` + credValue)},
}

// credFileWrite is an echo or printf into a credentials file; credInText
// finds the credential in what it writes.
var (
	credFileWrite = regexp.MustCompile(`(?i)\b(?:echo|printf)\b([^\n;|&]*?)>>?\s*["']?([^\s;|&"']*(?:\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.docker/config\.json))`)
	credInText    = regexp.MustCompile(`(?i)(?:_authToken\s*=\s*|_auth\s*=\s*|_password\s*=\s*|\bpassword[ \t]*[:=]?[ \t]*|"auth"\s*:\s*"|://[^:\s/@]*:)([^\s"'\\@]+)`)
	heredocWrite  = regexp.MustCompile(`(?i)<<-?\s*["']?(\w+)["']?[^\n]*?>>?\s*["']?([^\s;|&"']*(?:\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.docker/config\.json))`)
	gcloudKeyFile = regexp.MustCompile(`(?i)\bgcloud\s+auth\s+activate-service-account\b[^\n;|&]*?--key-file(?:\s+|=)` + credValue)
	historyArgs   = regexp.MustCompile(`^\|(\d+)\s+`)
	tokenLike     = regexp.MustCompile(`^[A-Za-z0-9_-]{16,}$`)
	cmdSeparator  = regexp.MustCompile(`[;&|\n]+`)
)

// credKey identifies a credential of an instruction.
type credKey struct {
	in    *inst
	value string
}

// runCtx is what a RUN's credential checks need to know.
type runCtx struct {
	s *stage
	// secretEnv are the variables that the RUN's secret mounts set.
	secretEnv map[string]bool
}

// run checks a RUN instruction.
func (a *analysis) run(s *stage, in *inst, c *instructions.RunCommand) {
	rc := runCtx{s: s, secretEnv: map[string]bool{}}
	for _, m := range instructions.GetMounts(c) {
		if m.Type == instructions.MountTypeSecret && m.Env != nil && *m.Env != "" {
			rc.secretEnv[*m.Env] = true
		}
	}
	cmdline := strings.Join(c.CmdLine, " ")
	if a.history {
		cmdline = a.historyBuildArgs(s, in, cmdline)
	}
	parts := []string{cmdline}
	for _, f := range c.Files {
		parts = append(parts, f.Data)
	}
	text := strings.Join(parts, "\n")

	lower := strings.ToLower(text)
	for _, p := range runPatterns {
		if !strings.Contains(lower, p.hint) {
			continue
		}
		for _, m := range p.re.FindAllStringSubmatch(text, -1) {
			v := m[p.group]
			if p.split {
				_, pw, ok := strings.Cut(unquote(v), ":")
				if !ok {
					continue // curl asks for the password
				}
				v = pw
			}
			if p.tokenOnly && !tokenLike.MatchString(v) && len(varRefs(v)) == 0 {
				continue // a user name, not a token
			}
			removed := p.persists && removes(text, p.file)
			a.credential(rc, in, v, p.what, p.persists && !removed)
		}
	}
	if strings.Contains(lower, ">") {
		for _, m := range credFileWrite.FindAllStringSubmatch(text, -1) {
			a.fileWrite(rc, in, text, m[1], m[2])
		}
		for _, m := range heredocWrite.FindAllStringSubmatch(text, -1) {
			for _, f := range c.Files {
				if f.Name == m[1] {
					a.fileWrite(rc, in, text, f.Data, m[2])
				}
			}
		}
	}
	if !strings.Contains(lower, "gcloud") {
		return
	}
	for _, m := range gcloudKeyFile.FindAllStringSubmatch(text, -1) {
		key := unquote(m[1])
		if s != nil && s.copied[path.Base(key)] {
			a.report(RuleRunCredential, s, in, a.f.lineOf(in, "--key-file"),
				fmt.Sprintf("RUN activates a service account with a key file (%q) that the image copied in: the key stays in its layer; mount it with RUN --mount=type=secret,id=NAME,target=PATH instead, or use workload identity", key), "")
		}
	}
}

// fileWrite checks content written into a credentials file.
func (a *analysis) fileWrite(rc runCtx, in *inst, text, content, file string) {
	m := credInText.FindStringSubmatch(content)
	if m == nil {
		return
	}
	a.credential(rc, in, m[1], "a credential written to "+path.Base(file), !removes(text, path.Base(file)))
}

// removes reports whether the command text deletes the file named base
// (rm, or npm config delete for .npmrc).
func removes(text, base string) bool {
	for _, cmd := range cmdSeparator.Split(text, -1) {
		cmd = strings.TrimSpace(cmd)
		switch {
		case strings.HasPrefix(cmd, "rm ") && strings.Contains(cmd, base):
			return true
		case base == ".npmrc" && strings.HasPrefix(cmd, "npm config delete"):
			return true
		}
	}
	return false
}

// credential reports a credential v passed on a RUN command line, unless it
// comes from the RUN's own secret mount (and is not written to a file that
// stays in the layer: persists), is produced by a command substitution, or
// is a placeholder.
func (a *analysis) credential(rc runCtx, in *inst, raw, what string, persists bool) {
	v := strings.Trim(unquote(raw), `"'\`)
	if v == "" || strings.Contains(v, "$(") || strings.Contains(v, "`") {
		return
	}
	// One finding per credential and instruction, though several patterns
	// see it (a URL written to .git-credentials).
	key := credKey{in, v}
	if a.seen[key] {
		return
	}
	if a.seen == nil {
		a.seen = map[credKey]bool{}
	}
	a.seen[key] = true
	if refs := varRefs(v); len(refs) > 0 {
		for _, r := range refs {
			switch kind := rc.s.varKind(r); {
			case rc.secretEnv[r] && persists:
				a.report(RuleRunCredential, rc.s, in, a.f.lineOf(in, raw, r),
					fmt.Sprintf("RUN writes secret %s to a file that stays in the image layer (%s): remove the file in the same RUN, or mount the whole file with RUN --mount=type=secret,id=NAME,target=PATH", r, what), "")
				return
			case rc.secretEnv[r]:
				continue
			case kind == "ARG":
				a.report(RuleRunCredential, rc.s, in, a.f.lineOf(in, raw, r),
					fmt.Sprintf("RUN passes build argument %s as %s: its value is recorded in the image history; %s", r, what, fixRun), "")
				return
			case kind == "ENV":
				a.report(RuleRunCredential, rc.s, in, a.f.lineOf(in, raw, r),
					fmt.Sprintf("RUN passes ENV %s as %s: its value is stored in the image config; %s", r, what, fixRun), "")
				return
			}
		}
		return
	}
	if placeholder(v) {
		return
	}
	a.report(RuleRunCredential, rc.s, in, a.f.lineOf(in, v),
		fmt.Sprintf("RUN has a literal credential in %s: the command line is recorded in the image history (docker history shows it); revoke it and %s", what, fixRun), v)
}

// varKind returns how the stage declared a variable ("ARG", "ENV"), or "".
func (s *stage) varKind(name string) string {
	if s == nil {
		return ""
	}
	return s.vars[name]
}

// historyBuildArgs reads the build arguments that BuildKit records before
// a RUN's command in image history ("|2 A=1 B=2 /bin/sh -c ..."): each is
// declared, and checked as an ARG with that value. It returns the command
// without them.
func (a *analysis) historyBuildArgs(s *stage, in *inst, cmdline string) string {
	m := historyArgs.FindStringSubmatch(cmdline)
	if m == nil {
		return cmdline
	}
	n, err := strconv.Atoi(m[1])
	if err != nil || n > 1000 {
		return cmdline
	}
	rest := cmdline[len(m[0]):]
	for range n {
		field, tail, _ := strings.Cut(strings.TrimLeft(rest, " "), " ")
		rest = tail
		k, v, ok := strings.Cut(field, "=")
		if !ok || k == "" {
			continue
		}
		s.declare(k, "ARG")
		a.historyArg(s, in, k, v)
	}
	return rest
}

// historyArg checks a build argument's value recorded in image history.
func (a *analysis) historyArg(s *stage, in *inst, name, value string) {
	v := unquote(value)
	if v == "" {
		return
	}
	if title, id, secret, ok := a.secretRule(name, v); ok {
		a.report(RuleSecretValue, s, in, in.first, fmt.Sprintf("build argument %s, recorded in the image history, holds a secret (%s, rule %s); revoke it and %s", name, title, id, fixBuildSeed), secret)
		return
	}
	if secretName(name) && len(varRefs(v)) == 0 && !placeholder(v) {
		a.report(RuleSecretVariable, s, in, in.first, fmt.Sprintf("build argument %s is recorded in the image history with its value; change it and %s", name, fixBuildSeed), v)
	}
}
