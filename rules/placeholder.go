package rules

import (
	"encoding/base64"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Value-shape checks for generic rules. A rule that knows a secret only by
// the name it is assigned to (password, token, api_key) sees every value
// assigned to such a name: references, messages, identifiers, masks and
// placeholders far outnumber secrets. These checks look at the value alone
// and name what it is when it cannot be a secret; the engine applies them
// to generic, low-confidence rules only, so that a provider's own format
// (a fixed prefix, a checksum) is never second-guessed.

// Reasons a value is not a secret, as notSecret returns them.
const (
	reasonMasked     = "masked or redacted"
	reasonRepeated   = "repeated or sequential characters"
	reasonTemplate   = "template or variable reference"
	reasonExpression = "expression or type, not a literal"
	reasonWords      = "made of words and separators"
	reasonBase64Txt  = "base64 of plain words"
	reasonLeet       = "a placeholder word in leetspeak"
	reasonHost       = "a host name"
)

// notSecret returns why a value matched by a generic rule cannot be a
// secret, or "" when it may be one.
func notSecret(v string) string {
	switch {
	case masked(v):
		return reasonMasked
	case expression(v):
		return reasonExpression
	case templated(v):
		return reasonTemplate
	case monotone(v):
		return reasonRepeated
	case wordy(v), snakeIdentifier(v):
		return reasonWords
	case leetPlaceholder(v):
		return reasonLeet
	case encodedWords(v):
		return reasonBase64Txt
	case hostname(v):
		return reasonHost
	}
	return ""
}

// masked reports a value that hides one: a run of mask characters
// (****, xxxx, ####, ••••), an ellipsis, or a word saying it was removed.
func masked(v string) bool {
	low := strings.ToLower(v)
	for _, w := range []string{"redact", "masked", "censored", "obfuscated", "sanitized", "elided", "...", "…"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	run, prev := 0, rune(-1)
	for _, c := range low {
		if c == prev {
			run++
		} else {
			run, prev = 1, c
		}
		if run >= 4 && strings.ContainsRune("*x#•●·?_-", c) || run >= 6 {
			return true
		}
	}
	return false
}

// expression reports a value that is code: a call, an index or a generic
// type (list[V1ObjectReference], getToken(), Map<String,String>) whose head
// is an identifier or a dotted path.
func expression(v string) bool {
	i := strings.IndexAny(v, "([<")
	if i <= 0 || !isIdent(v[:i]) || !isWordByte(v[0]) {
		return false
	}
	closer := ")]>"[strings.IndexByte("([<", v[i])]
	return v[len(v)-1] == closer
}

// templated reports a value that refers to one: a template expression, a
// variable, a format verb or a placeholder in brackets.
func templated(v string) bool {
	for _, t := range []string{"${", "{{", "<%", "#{", "$(", "%(", "[["} {
		// A value that opens with one: the rest may be cut off where the
		// rule's value stopped (at a blank, say).
		if strings.HasPrefix(v, t) {
			return true
		}
	}
	if hasExpr(v) || hasVerb(v) {
		return true
	}
	n := len(v)
	if n < 3 {
		return false
	}
	first, last := v[0], v[n-1]
	switch {
	case first == '<' && last == '>', first == '{' && last == '}', first == '[' && last == ']':
		return true
	case first == '%' && last == '%', first == '@' && last == '@':
		return isConstName(v[1 : n-1]) // %APPDATA%, @VERSION@
	case n > 4 && strings.HasPrefix(v, "__") && strings.HasSuffix(v, "__"):
		return isIdent(v[2 : n-2])
	case first == '$':
		return isIdent(v[1:])
	}
	return false
}

// hasExpr reports a well-formed template expression inside the value
// ("prefix-${ENV}-suffix"): its opener, then what it may hold, then its
// closer. Braces in random order ("m{{h}o)p${e]…") are a password's
// symbols, not a template.
func hasExpr(v string) bool {
	// Each expression's opener, closer, and whether what it holds must be
	// a variable's name.
	exprs := [...]struct {
		open, close string
		name        bool
	}{
		{"${", "}", true},   // shell, Terraform, Spring: ${DB_PASSWORD}, ${var.x:-y}
		{"{{", "}}", false}, // Go, Jinja, Helm, Mustache: {{ .Values.x }}
		{"<%", "%>", false}, // ERB, EJS
		{"#{", "}", false},  // Ruby, Spring EL
		{"$(", ")", true},   // Make, Azure Pipelines: $(API_TOKEN)
		{"%(", ")", true},   // Python: %(api_token)s
		{"[[", "]]", false},
	}
	for _, t := range exprs {
		for rest := v; ; {
			i := strings.Index(rest, t.open)
			if i < 0 {
				break
			}
			rest = rest[i+len(t.open):]
			j := strings.Index(rest, t.close)
			if j < 0 {
				break
			}
			if body := rest[:j]; t.name && isVarRef(body) || !t.name && body != "" && !strings.ContainsAny(body, "{}()[]<>") {
				return true
			}
		}
	}
	return false
}

// isVarRef reports a variable reference's body: a name or dotted path,
// with an optional default or check after ":-", "-", ":=", ":?" and the
// like (DB_PASSWORD, var.token, TOKEN:-dev).
func isVarRef(s string) bool {
	i := 0
	for i < len(s) && (isWordByte(s[i]) || s[i] == '.') {
		i++
	}
	if i == 0 || '0' <= s[0] && s[0] <= '9' {
		return false
	}
	if i == len(s) {
		return true
	}
	rest := strings.TrimPrefix(s[i:], ":")
	return rest != "" && strings.IndexByte("-=?+", rest[0]) >= 0 && !strings.ContainsAny(rest, "{}")
}

// hasVerb reports a printf verb standing as a part of the value, between
// separators: "%s:%s", "prefix-%d", not the % of a random password.
func hasVerb(v string) bool {
	const seps = ":/=-._@ "
	for i := 0; i+1 < len(v); i++ {
		if v[i] != '%' || strings.IndexByte("sdv", v[i+1]) < 0 {
			continue
		}
		before := i == 0 || strings.IndexByte(seps, v[i-1]) >= 0
		after := i+2 == len(v) || strings.IndexByte(seps, v[i+2]) >= 0
		if before && after {
			return true
		}
	}
	return false
}

// isConstName reports an upper-case name: API_KEY, APPDATA.
func isConstName(s string) bool {
	if s == "" || isDigit(s[0]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isUpperAlnum(s[i]) && s[i] != '_' {
			return false
		}
	}
	return true
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isWordByte(s[i]) && s[i] != '.' && s[i] != '-' {
			return false
		}
	}
	return true
}

// maxUnit is the longest unit monotone looks for repeats of.
const maxUnit = 32

// monotone reports a value of repeated or sequential characters: a short
// unit repeated (abcabcabc), or mostly steps of zero or one between
// neighbours, or between every other character (abcdefgh, 12345678,
// a1b2c3d4).
func monotone(v string) bool {
	r := []rune(v)
	n := len(r)
	if n < 8 {
		return false
	}
	for p := 1; p <= min(n/3, maxUnit); p++ {
		rep := true
		for i := p; i < n; i++ {
			if r[i] != r[i-p] {
				rep = false
				break
			}
		}
		if rep {
			return true
		}
	}
	var step1, step2 int
	for i := 1; i < n; i++ {
		if d := r[i] - r[i-1]; d >= -1 && d <= 1 {
			step1++
		}
		if i >= 2 {
			if d := r[i] - r[i-2]; d == 1 || d == -1 {
				step2++
			}
		}
	}
	return 10*step1 >= 6*(n-1) || 10*step2 >= 7*(n-2)
}

// wordy reports a value made only of dictionary words joined by
// separators or case changes, with at most a few short numbers (version
// markers such as v1, oauth2, sha256): an identifier (accessTokenExpired),
// a message (Deprecated:), a name (build-pass, home-config-bar). A random
// string of letters and digits cannot be split into known words.
func wordy(v string) bool {
	letters, ok := wordLetters(v)
	return ok && letters >= 3
}

// wordLetters reports whether v is made of words as wordy defines them,
// and how many letters they hold.
func wordLetters(v string) (letters int, ok bool) {
	v = strings.TrimRight(v, ".:,;")
	words := vocabulary()
	var digitRuns, digits, acronyms int
	for _, field := range strings.FieldsFunc(v, isWordSeparator) {
		if !allAlnum(field) {
			return 0, false // !, #, $ and the like: password material
		}
		whole := runLen(field) == len(field)
		// Split the field into runs of letters and runs of digits; each
		// run of letters, lower-cased, must split into words.
		afterDigits := false
		for len(field) > 0 {
			n := runLen(field)
			run := field[:n]
			field = field[n:]
			if isDigit(run[0]) {
				afterDigits = true
				digitRuns++
				digits += n
				if n > 3 || digitRuns > 2 || digits > 4 {
					return 0, false
				}
				continue
			}
			letters += n
			low := strings.ToLower(run)
			if segmentable(low, words) {
				continue
			}
			// A trailing letter before a number is a version marker:
			// credentialsv1, ipv6, s3.
			if len(field) > 0 && (n == 1 || segmentable(low[:n-1], words)) {
				continue
			}
			// So is a leading letter after one: v4aCredentialProvider.
			if afterDigits && n > 1 && segmentable(low[1:], words) {
				continue
			}
			if n <= 2 && shortWords[low] {
				continue
			}
			if whole && n <= 4 && strings.ToUpper(run) == run && acronyms == 0 {
				acronyms++ // one acronym standing alone: XDG_CONFIG_HOME
				continue
			}
			return 0, false
		}
	}
	return letters, true
}

// placeholderWords are the words a made-up credential is spelled from.
var placeholderWords = []string{"password", "passwd", "secret", "token", "apikey", "test", "example", "sample", "changeme", "admin", "dummy", "fake", "default", "demo", "letmein", "welcome", "qwerty"}

// leetPlaceholder reports a value that, read with digits and symbols as
// the letters they stand for (s3cr3t, p4ssw0rd, @dm1n), is words and
// holds a placeholder word: a made-up credential, not a generated one.
func leetPlaceholder(v string) bool {
	plain := strings.Map(func(r rune) rune {
		if i := strings.IndexRune("013457@$", r); i >= 0 {
			return rune("oieastas"[i])
		}
		return r
	}, v)
	if plain == v || !wordy(plain) {
		return false
	}
	low := strings.ToLower(plain)
	for _, w := range placeholderWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// snakeIdentifier reports a lower-case snake_case or kebab-case name of
// three parts or more, two thirds of them words: private_key_pkcs8_pem,
// aws-sdk-go-v2-credentials. A generated secret does not take this shape.
func snakeIdentifier(v string) bool {
	parts := strings.FieldsFunc(v, func(r rune) bool { return r == '_' || r == '-' })
	if len(parts) < 3 || len(parts) != strings.Count(v, "_")+strings.Count(v, "-")+1 {
		return false // fewer parts, or doubled separators
	}
	words := 0
	for _, p := range parts {
		if p[0] < 'a' || p[0] > 'z' {
			return false
		}
		for i := 0; i < len(p); i++ {
			if !isLowerHex(p[i]) && !('a' <= p[i] && p[i] <= 'z') {
				return false
			}
		}
		if wordy(p) {
			words++
		}
	}
	return 3*words >= 2*len(parts)
}

// isWordSeparator reports the characters that join words in identifiers,
// paths, file names and messages.
func isWordSeparator(r rune) bool {
	return strings.ContainsRune("-_./:,' +@\\|", r)
}

// allAlnum reports whether s holds only ASCII letters and digits.
func allAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) {
			return false
		}
	}
	return true
}

// runLen returns the length of the leading run of digits, or of letters,
// of an alphanumeric s.
func runLen(s string) int {
	d := isDigit(s[0])
	n := 1
	for n < len(s) && isDigit(s[n]) == d {
		n++
	}
	return n
}

// shortWords are the one- and two-letter pieces an identifier may hold on
// their own: articles, prepositions, common abbreviations.
var shortWords = map[string]bool{
	"a": true, "i": true, "an": true, "as": true, "at": true, "be": true, "by": true, "do": true,
	"go": true, "if": true, "in": true, "is": true, "it": true, "me": true, "my": true, "no": true,
	"of": true, "ok": true, "on": true, "or": true, "so": true, "to": true, "up": true, "us": true,
	"we": true, "id": true, "io": true, "db": true, "js": true, "ui": true, "os": true, "v": true,
}

// segmentable reports whether a lower-case run of letters is a sequence
// of dictionary words (of three letters or more, or two-letter words from
// shortWords).
func segmentable(s string, words map[string]bool) bool {
	n := len(s)
	if n < 2 {
		return false
	}
	const maxWord = 15
	ok := make([]bool, n+1)
	ok[0] = true
	for i := 0; i < n; i++ {
		if !ok[i] {
			continue
		}
		for j := i + 2; j <= min(n, i+maxWord); j++ {
			w := s[i:j]
			if j-i == 2 && shortWords[w] || j-i > 2 && words[w] {
				ok[j] = true
			}
		}
	}
	return ok[n]
}

// encodedWords reports base64 (standard or URL alphabet, padded or not)
// that decodes to printable text made of words, such as the encoding of
// "this is not a real value", or of user:password whose password part is
// words.
func encodedWords(v string) bool {
	if len(v) < 12 {
		return false
	}
	var text []byte
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(v); err == nil {
			text = b
			break
		}
	}
	if len(text) == 0 || !utf8.Valid(text) {
		return false
	}
	s := string(text)
	for _, c := range s {
		if !unicode.IsPrint(c) && c != '\n' && c != '\t' {
			return false
		}
	}
	if _, pass, ok := strings.Cut(s, ":"); ok && wordsOrSpaces(pass) {
		return true
	}
	return wordsOrSpaces(s)
}

// wordsOrSpaces reports whether s is words (as wordy defines them)
// separated by spaces.
func wordsOrSpaces(s string) bool {
	total := 0
	for _, p := range strings.Fields(s) {
		n, ok := wordLetters(p)
		if !ok {
			return false
		}
		total += n
	}
	return total >= 3
}

// vocabulary returns the set of wordList's words, built once.
var vocabulary = sync.OnceValue(func() map[string]bool {
	ws := strings.Fields(wordList)
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
})

// hexEntropyRelief is how much lower a generic rule's entropy floor is for
// a value made of hex digits only: sixteen symbols carry at most four bits
// each, so a random 40-digit hex key often measures under 3.5 bits where
// a random base62 string of the same length measures near 5.
const hexEntropyRelief = 0.5

// entropyFloor returns the minimum Shannon entropy a secret must have for
// rule r: the rule's entropy, lowered for hex values by generic rules.
func (r *Rule) entropyFloor(secret string) float64 {
	if r.priority != priorityGeneric || r.meta.Confidence != "low" || len(secret) < 16 {
		return r.entropy
	}
	for i := 0; i < len(secret); i++ {
		if !isLowerHex(secret[i]) && !('A' <= secret[i] && secret[i] <= 'F') {
			return r.entropy
		}
	}
	return r.entropy - hexEntropyRelief
}

// isHostTLD reports the last labels hostname takes for a domain: the
// common generic and cloud ones, and names for internal networks.
func isHostTLD(l string) bool {
	switch l {
	case "com", "net", "org", "io", "app", "dev", "co", "ai", "cloud", "info", "biz", "me", "us", "eu", "uk", "de",
		"local", "internal", "lan", "corp", "svc", "localhost", "test":
		return true
	}
	return false
}

// hostname reports a value that is a domain name (project-1.hasura.app,
// db.internal): lower-case labels of letters, digits and hyphens joined by
// dots, the last one a known top-level domain. A setting named
// "secret_host" or a sentence ending "…without a secret: host.example"
// holds a host, not a secret.
func hostname(v string) bool {
	labels := strings.Split(v, ".")
	if len(labels) < 2 || !isHostTLD(labels[len(labels)-1]) {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for i := 0; i < len(l); i++ {
			if c := l[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}

// minAlphabetRun is the shortest run of consecutive letters of the
// alphabet alphabetRun takes for a placeholder.
const minAlphabetRun = 10

// alphabetRun reports a value holding the alphabet in order for
// minAlphabetRun letters or more, in any case (abcdefghij, AbCdEfGhIj):
// the body of a documentation placeholder (AKIAABCDEFGHIJKLMNOP,
// sk_live_abcdefghijklmnopqrstuvwx). A generated secret holds such a run
// with a chance far below one in a billion.
func alphabetRun(v string) bool {
	run := 1
	for i := 1; i < len(v); i++ {
		a, b := v[i-1]|0x20, v[i]|0x20
		if 'a' <= a && a < 'z' && b == a+1 && isLetter(v[i-1]) && isLetter(v[i]) {
			run++
			if run >= minAlphabetRun {
				return true
			}
			continue
		}
		run = 1
	}
	return false
}
