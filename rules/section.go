package rules

import (
	"bytes"
	"strings"
)

// Provider rules without a fixed prefix need the provider's name in the
// setting that holds the credential ("MIXPANEL_API_SECRET = …"). Config
// files often say it once, as the section the setting sits in:
//
//	mixpanel:                [mixpanel]            "mixpanel": {
//	  api_secret: 0123…      secret = "0123…"        "secret": "0123…",
//
// When a provider keyword is the key of a section header, each setting of
// the section is also matched as if it were written flat, with the
// section's name in front ("mixpanel_api_secret: 0123…"); a match maps
// back to the setting's own line and bytes.

// Bounds of a section header's line and of the settings read for it.
const (
	maxHeader       = 256
	maxValueLine    = 4 * maxHeader
	maxSectionLines = 64
	maxSectionBytes = 8 << 10
)

// section is a header line whose key holds a keyword, or the name of a
// name/value pair that holds one.
type section struct {
	header int    // offset of the header line
	key    []byte // the header's key: "mixpanel", "services.mixpanel"
	body   int    // offset of the line after the header
	indent int    // the header's indentation; -1 for an INI/TOML [header], proseIndent for words
	// pair is set for a name/value pair: key is the name, at offset name;
	// the value's text runs from value to valueEnd.
	pair            bool
	name            int
	value, valueEnd int
	// call is set for a pair read from a call, setter for a setter's
	// (setPassword("…")), which is all generic rules take.
	call, setter bool
	// raw is set for a line of text escaped in a string: the pair's bytes
	// from name to valueEnd are matched as they are.
	raw bool
	// composed is set for a name put together from words not written as
	// one (words with blanks, a URL's host and its query's parameter),
	// which generic rules do not take.
	composed bool
}

// shapes are the section and the pair around a keyword hit.
type shapes struct {
	found             bool
	section, pair     section
	sectionOK, pairOK bool
}

// shapesAt finds the section header and the pair (a name/value pair, a
// command-line option, a call, Ruby's set :name, a default of an
// environment lookup, a DSL's name "value" line, an XML
// element, an escaped line or a value on the next line) that a keyword
// hit at [start, end) is in.
func shapesAt(data []byte, start, end int) shapes {
	sh := shapes{found: true}
	sh.section, sh.sectionOK = sectionAt(data, start, end)
	// The pair finders, the most specific first; the first that reads a
	// pair around the hit wins.
	finders := [...]func(data []byte, start, end int) (section, bool){
		pairAt, flagAt, ctorAt, callAt, argAt, symbolSetAt, fallbackAt, dslValueAt, phraseAt, queryAt, elementAt, escapedLineAt, nextLineAt,
	}
	for _, find := range finders {
		if sh.pair, sh.pairOK = find(data, start, end); sh.pairOK {
			break
		}
	}
	return sh
}

// sectionAt returns the section whose header line holds the keyword hit at
// [start, end): "key:", "key: {", "\"key\": {", "key = {" (YAML, JSON,
// HCL) or "[key]", "[a.key]" (INI, TOML). The line holds nothing but the
// key and punctuation, so the keyword is in the key.
func sectionAt(data []byte, start, end int) (section, bool) {
	lo, ok := shortLineStart(data, start)
	if !ok {
		return section{}, false
	}
	hi := min(len(data), end+maxHeader)
	if i := bytes.IndexByte(data[end:hi], '\n'); i >= 0 {
		hi = end + i
	} else if hi < len(data) {
		return section{}, false
	}
	line := bytes.TrimRight(data[lo:hi], " \t\r")
	indent := len(line) - len(bytes.TrimLeft(line, " \t"))
	text := line[indent:]
	var key []byte
	switch {
	case len(text) > 2 && text[0] == '[' && text[len(text)-1] == ']':
		key = bytes.Trim(text[1:len(text)-1], `[]"' `)
		indent = -1
	default:
		// key: | key: { | "key": { | key = {
		t := bytes.TrimSuffix(text, []byte("{"))
		t = bytes.TrimRight(t, " \t")
		if len(t) >= 1 && (t[len(t)-1] == '(' || t[len(t)-1] == '"') {
			if key, ok := blockKey(data, lo+indent, lo+indent+len(t), start, end); ok {
				return section{header: lo, key: key, body: min(hi+1, len(data)), indent: indent}, true
			}
		}
		if len(t) < 2 || (t[len(t)-1] != ':' && t[len(t)-1] != '=') {
			return proseAt(data, lo, hi, start, end)
		}
		key = bytes.Trim(bytes.TrimRight(t[:len(t)-1], " \t"), `"'`)
	}
	if len(key) == 0 || len(key) > 128 || !isKeyName(key) {
		return section{}, false
	}
	// The line is the key and punctuation: the keyword is in the key.
	return section{header: lo, key: key, body: min(hi+1, len(data)), indent: indent}, true
}

// blockKey returns the name of the block that the line [lo, tEnd) opens
// (its text without a last "{") when the keyword hit at [start, end) names
// it: a call whose arguments follow on the next lines, or an HCL block's
// first quoted label,
//
//	const rzp = new Razorpay({          provider "okta" {
//	  key_secret: "0123…",                api_token = "00…"
//	gateway = braintree.Configuration(
//	    private_key="0123…",
//
// so that the settings below are matched under the provider's name
// (Razorpay_key_secret: "0123…", okta_api_token = "00…").
func blockKey(data []byte, lo, tEnd, start, end int) ([]byte, bool) {
	if data[tEnd-1] == '"' {
		// An HCL block: type "label" ["label"] {.
		name, nameEnd := nameAround(data, start, end, lo, isNameByte)
		if name <= lo || data[name-1] != '"' || nameEnd >= tEnd || data[nameEnd] != '"' {
			return nil, false
		}
		// The first label (a provider, or a resource type named after
		// one), after the block's type: later labels are the user's names.
		for i := lo; i < name-1; i++ {
			if c := data[i]; !isWordByte(c) && c != ' ' && c != '\t' {
				return nil, false
			}
		}
		return data[name:nameEnd], true
	}
	// A call: the path holding the hit, then the line's last "(".
	name, i := nameAround(data, start, end, lo, isWordByte)
	for i < tEnd && (isWordByte(data[i]) || data[i] == '.' || data[i] == ':') {
		i++
	}
	if i != tEnd-1 || data[i] != '(' {
		return nil, false
	}
	return data[name:i], true
}

// A line of words naming the provider (a comment, a log line) heads the
// settings right below it, up to a blank line and at most maxProseLines
// of them:
//
//	# Acme                            [INFO] Sending request to the acme API
//	API_SECRET=0123…                  [DEBUG] Using Secret=0123…
//
// each matched as if its name were written after the provider's
// ("acme_API_SECRET=0123…", "acme_Secret=0123…").
const (
	proseIndent   = -2
	maxProseLines = 3
)

// proseAt returns the section headed by the line [lo, hi) of words, the
// keyword hit at [start, end) one of them: a comment or a log line (a
// line opening with a comment marker or a bracketed level) with no "="
// and no ":" but in a URL's scheme, so that it sets nothing itself.
func proseAt(data []byte, lo, hi, start, end int) (section, bool) {
	line := data[lo:hi]
	text := bytes.TrimLeft(line, " \t")
	if !hasAnyPrefix(text, "#", "//", "/*", "*", "--", ";", "<!--", "[") || bytes.IndexByte(line, '=') >= 0 {
		return section{}, false
	}
	for i := bytes.IndexByte(line, ':'); i >= 0; {
		if !bytes.HasPrefix(line[i:], []byte("://")) {
			return section{}, false
		}
		j := bytes.IndexByte(line[i+1:], ':')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	word, wordEnd := nameAround(data, start, end, lo, isWordByte)
	return section{header: lo, key: data[word:wordEnd], body: min(hi+1, len(data)), indent: proseIndent}, true
}

// hasAnyPrefix reports whether b starts with one of prefixes.
func hasAnyPrefix(b []byte, prefixes ...string) bool {
	for _, p := range prefixes {
		if bytes.HasPrefix(b, []byte(p)) {
			return true
		}
	}
	return false
}

// settingName returns the offset in line of the name of the setting it
// makes, the word before its first "=" (or else its first ": "), with its
// dots and dashes; ok is false for a line that sets nothing.
func settingName(line []byte) (name int, ok bool) {
	op := bytes.IndexByte(line, '=')
	if op < 0 {
		op = bytes.Index(line, []byte(": "))
	}
	if op <= 0 {
		return 0, false
	}
	name = op
	for name > 0 && bytes.IndexByte([]byte(" \t:?+|"), line[name-1]) >= 0 {
		name-- // "x := …", "x ?= …", "x = …"
	}
	if name > 0 && (line[name-1] == '"' || line[name-1] == '\'') {
		name-- // a quoted name: its closing quote stays, its opening one goes
	}
	end := name
	for name > 0 && isDottedNameByte(line[name-1]) {
		name--
	}
	return name, name < end
}

// shortLineStart returns the start of the line holding offset i, if it
// starts within maxHeader bytes: headers and names are short lines, and
// looking no further keeps a long line dense with keywords linear.
func shortLineStart(data []byte, i int) (int, bool) {
	lo := max(0, i-maxHeader)
	if j := bytes.LastIndexByte(data[lo:i], '\n'); j >= 0 {
		return lo + j + 1, true
	}
	return lo, lo == 0
}

// valueEnd returns the end of the line holding offset i, looking no
// further than maxValueLine bytes.
func valueEnd(data []byte, i int) int {
	hi := min(len(data), i+maxValueLine)
	if j := bytes.IndexByte(data[i:hi], '\n'); j >= 0 {
		return i + j
	}
	return hi
}

// sectioned reports whether a rule also matches the settings of sections
// named after its keyword: a provider's rule (not a generic one) that
// needs no fixed prefix at the secret (a prefixed token is found wherever
// it sits).
func (r *Rule) sectioned() bool {
	return r.priority == prioritySpecific && len(r.keywords) > 0 && r.meta.Confidence != "high"
}

// paired reports whether a rule also matches name/value pairs whose name
// holds its keyword: every rule that finds a secret by the name it is
// assigned to (not by a fixed prefix), generic ones included, since the
// pair is an assignment written in two fields.
func (r *Rule) paired() bool {
	return r.re != nil && len(r.keywords) > 0 && r.meta.Confidence != "high"
}

// addSection records section s of rule ri once. Keyword hits come in
// order, so a header met again is the last one recorded.
func (st *scanState) addSection(ri int, s section) {
	if secs := st.sections[ri]; len(secs) > 0 && secs[len(secs)-1].header == s.header && secs[len(secs)-1].pair == s.pair {
		return
	}
	if st.sections == nil {
		st.sections = map[int][]section{}
	}
	st.sections[ri] = append(st.sections[ri], s)
}

// isKeyName reports whether b looks like a setting's name: letters,
// digits and _ . - : (no spaces, quotes or operators).
func isKeyName(b []byte) bool {
	for _, c := range b {
		if !isWordByte(c) && c != '.' && c != '-' && c != ':' {
			return false
		}
	}
	return true
}

// sectionLines calls fn with the offset and content of each setting line
// of s, up to the bounds: for a YAML/JSON header (or a call or HCL block)
// the lines indented deeper than it, for an INI/TOML header the lines up
// to the next header, below a line of words the next maxProseLines lines
// up to a blank one. Blank lines and comments are skipped (below words a
// comment counts as one of the lines).
func sectionLines(data []byte, s section, fn func(off int, line []byte)) {
	off, n, most := s.body, 0, maxSectionLines
	if s.indent == proseIndent {
		most = maxProseLines
	}
	for off < len(data) && n < most && off-s.body < maxSectionBytes {
		// A line is read up to maxSectionBytes: a longer one is cut
		// there, and the next is not looked for.
		end := min(len(data), off+maxSectionBytes)
		if i := bytes.IndexByte(data[off:end], '\n'); i >= 0 {
			end = off + i
		}
		line := bytes.TrimRight(data[off:end], "\r")
		text := bytes.TrimLeft(line, " \t")
		next := end + 1
		switch {
		case s.indent == proseIndent && len(text) == 0:
			return // the blank line that ends the lines below words
		case s.indent == proseIndent && (text[0] == '#' || bytes.HasPrefix(text, []byte("//"))):
			n++ // below words, a comment line counts: the settings are right below
		case len(text) == 0 || text[0] == '#' || text[0] == ';' || bytes.HasPrefix(text, []byte("//")):
		case s.indent == -1 && text[0] == '[':
			return // the next INI/TOML section
		case s.indent >= 0 && len(line)-len(text) <= s.indent:
			return // back at the header's level: the section ended
		default:
			fn(off, line)
			n++
		}
		off = next
	}
}

// matchSection runs rule ri's regex over the settings of section s, each
// written flat under the section's name, and adds the matches that pass,
// at the setting's own bytes.
func (e *Engine) matchSection(cands []candidate, ri int, data []byte, s section, sc *scanCtx) []candidate {
	re := e.rules[ri].re.get()
	if s.raw {
		flat := data[s.name:s.valueEnd]
		for _, m := range re.FindAllSubmatchIndex(flat, -1) {
			view := &flatView{match: flat[m[0]:m[1]], line: flat, start: m[0]}
			for i := range m {
				if m[i] >= 0 {
					m[i] += s.name
				}
			}
			cands = e.consider(cands, ri, data, m, sc, view)
		}
		return cands
	}
	if s.pair {
		// The flat form "NAME=value": the match starts in the name, its
		// secret lies in the value, each mapped to where it is.
		flat := make([]byte, 0, len(s.key)+1+s.valueEnd-s.value)
		flat = append(append(append(flat, s.key...), '='), data[s.value:s.valueEnd]...)
		head := len(s.key) + 1
		for _, m := range re.FindAllSubmatchIndex(flat, -1) {
			if m[1] <= head {
				continue
			}
			view := &flatView{match: flat[m[0]:m[1]], line: flat, start: m[0]}
			for i, p := range m {
				switch {
				case p < 0:
				case p < head:
					// Within the name; a composed name may be longer than
					// the bytes before the value.
					m[i] = s.name + min(p, len(s.key), s.value-s.name)
				default:
					m[i] = s.value + p - head
				}
			}
			cands = e.consider(cands, ri, data, m, sc, view)
		}
		return cands
	}
	var flat []byte
	sectionLines(data, s, func(off int, line []byte) {
		indent := len(line) - len(bytes.TrimLeft(line, " \t"))
		// The flat form: the section's key, "_", then the setting from
		// its name on; a quoted name keeps its opening quote in front
		// ("\"mixpanel_secret\": …").
		skip := indent
		flat = flat[:0]
		if s.indent == proseIndent {
			// Below words, the setting's name may follow other words
			// ("[DEBUG] Using Key=…"): the flat form starts at it.
			name, ok := settingName(line)
			if !ok {
				return
			}
			skip = name
		} else if q := line[indent]; q == '"' || q == '\'' {
			flat = append(flat, q)
			skip++
		}
		flat = append(flat, s.key...)
		flat = append(flat, '_')
		head := len(flat)
		flat = append(flat, line[skip:]...)
		for _, m := range re.FindAllSubmatchIndex(flat, -1) {
			// (flat is reused for the next line only after consider.)
			view := &flatView{match: flat[m[0]:m[1]], line: flat, start: m[0]}
			if !remapFlat(m, head, off+skip) {
				continue
			}
			cands = e.consider(cands, ri, data, m, sc, view)
		}
	})
	return cands
}

// flatView is the flat form a match was made in: allowlists that look at
// the match or its line see the setting as the rule's regex saw it, name
// and value together.
type flatView struct {
	match, line []byte
	start       int // where match starts in line
}

// remapFlat maps match m of a flat form (whose first head bytes were put
// in front of the setting) to data, where the setting's name starts at
// at: a group within the put-in part is dropped, the whole match starts at
// the name. It reports false when the match has nothing of the setting.
func remapFlat(m []int, head, at int) bool {
	if m[1] <= head {
		return false
	}
	for i := 0; i+1 < len(m); i += 2 {
		switch {
		case m[i] < 0:
		case m[i+1] <= head && i > 0:
			m[i], m[i+1] = -1, -1
		default:
			m[i] = at + max(m[i], head) - head
			m[i+1] = at + m[i+1] - head
		}
	}
	return true
}

// pairKey's kinds of key: the name of a name/value pair or its value, as
// Kubernetes and ECS environment variables (name, value), CloudFormation
// parameters (ParameterKey, ParameterValue) and key/value lists spell them.
const (
	pairName = iota
	pairValue
)

func isPairKey(word []byte, kind int) bool {
	switch strings.ToLower(string(word)) {
	case "name", "key", "parameterkey":
		return kind == pairName
	case "value", "parametervalue":
		return kind == pairValue
	}
	return false
}

// pairAt returns the name/value pair whose name holds the keyword hit at
// [start, end): a setting that names another, with its value beside it or
// on one of the next two lines, as in
//
//	env:
//	  - name: ACME_API_SECRET
//	    value: "…"
//	[{"name": "ACME_API_SECRET", "value": "…"}]
func pairAt(data []byte, start, end int) (section, bool) {
	lo, ok := shortLineStart(data, start)
	if !ok {
		return section{}, false
	}
	hi := valueEnd(data, end)
	// The name: [- ] [{] key : value, the hit inside the value.
	at, ok := pairKey(data, lo, hi, pairName)
	if !ok {
		return section{}, false
	}
	name, nameEnd := valueSpan(data, at, hi)
	if name > start || nameEnd < end || !isKeyName(data[name:nameEnd]) {
		return section{}, false
	}
	// The value: later on the line, or on one of the next two lines.
	off := nameEnd
	for range 3 {
		for i := off; i < hi; i++ {
			if c := data[i]; c != ',' && c != ' ' && c != '\t' && c != '"' && c != '\'' && c != '{' && c != '-' && c != '}' && c != '\r' {
				if v, ok := pairKey(data, i, hi, pairValue); ok {
					return section{header: lo, key: data[name:nameEnd], pair: true, name: name, value: v, valueEnd: valueEnd(data, v), indent: -1}, true
				}
				if _, ok := pairKey(data, i, hi, pairName); ok {
					return section{}, false // the next pair: this one has no value
				}
				break
			}
		}
		if hi >= len(data) {
			break
		}
		off = hi + 1
		hi = valueEnd(data, off)
	}
	return section{}, false
}

// pairKey reads, at the first non-blank byte of data[off:hi] after any
// "- ", "[", "{" or ",", a key of the kind (quoted or not, any case) and
// its ":" or "=", and returns the offset after them.
func pairKey(data []byte, off, hi int, kind int) (int, bool) {
	i := off
	skip := func() {
		for i < hi && (data[i] == ' ' || data[i] == '\t' || data[i] == '-' || data[i] == '{' || data[i] == '[' || data[i] == ',') {
			i++
		}
	}
	skip()
	if i < hi && (data[i] == '"' || data[i] == '\'') {
		i++
	}
	k := i
	for i < hi && isWordByte(data[i]) {
		i++
	}
	if !isPairKey(data[k:i], kind) {
		return 0, false
	}
	if i < hi && (data[i] == '"' || data[i] == '\'') {
		i++
	}
	for i < hi && (data[i] == ' ' || data[i] == '\t') {
		i++
	}
	if i == hi || (data[i] != ':' && data[i] != '=') {
		return 0, false
	}
	return i + 1, true
}

// valueSpan returns the bytes of the value that starts at off (after
// blanks and an opening quote): up to a closing quote, a comma, a blank or
// the line's end.
func valueSpan(data []byte, off, hi int) (int, int) {
	for off < hi && (data[off] == ' ' || data[off] == '\t') {
		off++
	}
	if off < hi && (data[off] == '"' || data[off] == '\'') {
		off++
	}
	end := off
	for end < hi && !bytes.ContainsRune([]byte("\"', \t}\r"), rune(data[end])) {
		end++
	}
	return off, end
}

// flagAt returns, as a pair, the command-line option whose name holds the
// keyword hit at [start, end) and the value given after it with a space:
// "--acme-api-key 0123…" is matched as "acme-api-key=0123…". (With "=",
// "--acme-api-key=0123…" is an assignment the rules match as written.)
func flagAt(data []byte, start, end int) (section, bool) {
	name, nameEnd := nameAround(data, start, end, 0, isDottedNameByte)
	// The option starts with "--" after a blank; its name is what follows
	// the dashes.
	if name+2 > start || data[name] != '-' || data[name+1] != '-' || (name > 0 && data[name-1] != ' ' && data[name-1] != '\t') {
		return section{}, false
	}
	for name < start && data[name] == '-' {
		name++
	}
	v := nameEnd
	v = skipBlanks(data, v)
	if v == nameEnd || v == len(data) || data[v] == '-' || data[v] == '\n' || data[v] == '\r' || data[v] == '\\' {
		return section{}, false // no value, another option, or a line continuation
	}
	return section{header: name, key: data[name:nameEnd], pair: true, name: name, value: v, valueEnd: valueEnd(data, v), indent: -1}, true
}

// ctorAt returns, as a pair, a provider's client built with a string
// literal, the credential, as SDKs take it: a call whose function's name
// (a dotted or :: path) starts at the word holding the keyword hit at
// [start, end) and names no credential (or ends in a setter of one), and
// whose first argument is the literal,
//
//	new postmark.ServerClient("0123…")      api = shodan.Shodan("0123…")
//	Postmark::ApiClient.new('0123…')        ngrok.set_auth_token("0123…")
//
// matched as "postmark.ServerClient_key=\"0123…\")": the literal is the
// client's key (or, given to a setter, the credential it names).
// Generic rules do not take it (composed).
func ctorAt(data []byte, start, end int) (section, bool) {
	if endsMidWord(data, end) {
		return section{}, false // findl in findLibPath names no provider
	}
	name, i := nameAround(data, start, end, 0, isWordByte)
	for i < len(data) && i-name <= maxHeader/4 && (isWordByte(data[i]) || data[i] == '.' || data[i] == ':') {
		i++
	}
	if i >= len(data) || data[i] != '(' {
		return section{}, false
	}
	callee := data[name:i]
	if credentialWord(callee) && (!credentialSetter(callee) || !bytes.ContainsAny(callee, ".:")) {
		// getToken("…") takes a name, not the token; a setter of the
		// hit's own name (withApiKey("…")) is callAt's.
		return section{}, false
	}
	v := i + 1
	v = skipBlanks(data, v)
	if v == len(data) || (data[v] != '"' && data[v] != '\'' && data[v] != '`') {
		return section{}, false // not a string literal
	}
	key := bytes.Clone(callee) // a setter names the credential itself
	if !credentialWord(callee) {
		key = append(key, "_key"...) // a client's literal is its key
	}
	return section{header: name, key: key, pair: true, composed: true, call: true, name: name, value: v, valueEnd: valueEnd(data, v), indent: -1}, true
}

// endsMidWord reports whether a keyword hit ending at end stops inside a
// word: a letter follows it that does not start a camelCase word.
func endsMidWord(data []byte, end int) bool {
	if end == 0 || end >= len(data) || !isLetter(data[end]) || !isLetter(data[end-1]) {
		return false
	}
	camel := 'a' <= data[end-1] && data[end-1] <= 'z' && 'A' <= data[end] && data[end] <= 'Z'
	return !camel
}

// credentialSetter reports whether a dotted path ends in a method that
// sets a credential: set, with or use before it (ngrok.set_auth_token,
// client.setApiKey, builder.withToken).
func credentialSetter(path []byte) bool {
	last := path[bytes.LastIndexAny(path, ".:")+1:]
	low := bytes.ToLower(last)
	for _, verb := range [...]string{"set", "with", "use"} {
		if rest, ok := bytes.CutPrefix(low, []byte(verb)); ok && len(rest) > 0 {
			return true
		}
	}
	return false
}

// credentialWord reports whether a name holds a word that names a
// credential itself (key, token, secret, password, auth…): a setter or a
// setting, not a client.
func credentialWord(name []byte) bool {
	low := bytes.ToLower(name)
	for _, w := range [...]string{"key", "token", "secret", "pass", "pwd", "auth", "cred", "sid"} {
		if bytes.Contains(low, []byte(w)) {
			return true
		}
	}
	return false
}

// callAt returns, as a pair, a call whose function's name holds the
// keyword hit at [start, end) and whose first argument is a string
// literal: a setter or builder method given the credential,
// "config.setAcmeApiKey(\"0123…\")" or ".acmeApiKey(\"0123…\")", matched
// as "AcmeApiKey=\"0123…\")". A setter (setPassword, withToken) is marked
// as one: generic rules take only setters, since a name such as
// getToken("…") takes a key, not a secret.
func callAt(data []byte, start, end int) (section, bool) {
	name, nameEnd := nameAround(data, start, end, 0, isWordByte)
	// A setter's name is matched without its verb (setSnykToken as
	// SnykToken), so that a rule anchored at a word boundary before the
	// provider's name sees one.
	verb := setterVerb(data[name:nameEnd])
	setter := verb > 0 && name+verb <= start
	if setter {
		name += verb
	}
	ident := data[name:nameEnd]
	v := nameEnd
	if v >= len(data) || data[v] != '(' {
		return section{}, false
	}
	v++
	v = skipBlanks(data, v)
	if v == len(data) || (data[v] != '"' && data[v] != '\'' && data[v] != '`') {
		return section{}, false // not a string literal
	}
	return section{header: name, key: ident, pair: true, name: name, value: v, valueEnd: valueEnd(data, v), indent: -1, call: true, setter: setter}, true
}

// setterVerb returns the length of the set or with that ident begins with,
// before a capital letter or digit (setPassword, withApiKey, set2faSecret),
// or 0.
func setterVerb(ident []byte) int {
	for _, verb := range []string{"set", "with"} {
		if len(ident) > len(verb) && string(ident[:len(verb)]) == verb {
			if c := ident[len(verb)]; 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				return len(verb)
			}
		}
	}
	return 0
}

// argAt returns, as a pair, a call whose first argument is a string
// literal holding the keyword hit at [start, end) and whose second is a
// string literal: a name and its value, as in
//
//	System.setProperty("ACME_API_KEY", "0123…");
//	os.Setenv("ACME_API_KEY", "0123…")
//	config.put("acme.api.key", "0123…")
//	new Dictionary<string, string> { { "ACME_API_KEY", "0123…" } }
//
// matched as "ACME_API_KEY=\"0123…\");". A call whose function's name
// begins with set or put is marked as a setter: generic rules take only
// those, since getenv("PASSWORD", "…") gives a default, often a
// placeholder.
func argAt(data []byte, start, end int) (section, bool) {
	// The literal around the hit, on one line.
	name, nameEnd := nameAround(data, start, end, 0, isNameByte)
	if name == 0 || nameEnd == len(data) {
		return section{}, false
	}
	q := data[name-1]
	if (q != '"' && q != '\'' && q != '`') || data[nameEnd] != q {
		return section{}, false
	}
	// "(" before it, the function's name before that; or "{", a
	// collection initializer's entry ({ "NAME", "value" }).
	open := name - 1
	for open > 0 && (data[open-1] == ' ' || data[open-1] == '\t') {
		open--
	}
	if open == 0 || data[open-1] != '(' && data[open-1] != '{' {
		return section{}, false
	}
	fn := open - 1
	for fn > 0 && fn > open-1-maxHeader && isWordByte(data[fn-1]) {
		fn--
	}
	verb := ""
	if data[open-1] == '(' {
		verb = strings.ToLower(string(data[fn:min(fn+3, open-1)]))
	}
	// ", " and the second literal after it.
	v := nameEnd + 1
	v = skipBlanks(data, v)
	if v == len(data) || data[v] != ',' {
		return section{}, false
	}
	v++
	v = skipBlanks(data, v)
	if v == len(data) || (data[v] != '"' && data[v] != '\'' && data[v] != '`') {
		return section{}, false
	}
	return section{header: name, key: data[name:nameEnd], pair: true, name: name, value: v, valueEnd: valueEnd(data, v), indent: -1,
		call: true, setter: verb == "set" || verb == "put"}, true
}

// nameAround returns the bounds of the name holding the keyword hit at
// [start, end): the bytes in (a word byte for isWordByte, say) on either
// side, looking no further than maxHeader bytes each way nor before
// floor.
func nameAround(data []byte, start, end, floor int, in func(byte) bool) (name, nameEnd int) {
	floor = max(floor, start-maxHeader)
	name = start
	for name > floor && in(data[name-1]) {
		name--
	}
	nameEnd = end
	for nameEnd < len(data) && nameEnd < end+maxHeader && in(data[nameEnd]) {
		nameEnd++
	}
	return name, nameEnd
}

// isDottedNameByte reports whether c may be part of a dotted or dashed
// name: a word byte, '-' or '.'.
func isDottedNameByte(c byte) bool { return isWordByte(c) || c == '-' || c == '.' }

// isNameByte reports whether c may be part of a setting's name written
// as a string: a word byte, '-', '.' or ':'.
func isNameByte(c byte) bool {
	return isWordByte(c) || c == '-' || c == '.' || c == ':'
}

// elementAt returns, as a pair, the XML element whose tag holds the
// keyword hit at [start, end) and the text it holds, on the same line or
// the next:
//
//	<acmeApiKey>0123…</acmeApiKey>
//	<acmeApiKey>
//	    0123…
//	</acmeApiKey>
//
// matched as "acmeApiKey=0123…".
func elementAt(data []byte, start, end int) (section, bool) {
	name, nameEnd := nameAround(data, start, end, 0, isNameByte)
	if name == 0 || data[name-1] != '<' || nameEnd == len(data) || data[nameEnd] != '>' {
		return section{}, false
	}
	v := nameEnd + 1
	for v < len(data) && (data[v] == ' ' || data[v] == '\t' || data[v] == '\r') {
		v++
	}
	if v < len(data) && data[v] == '\n' {
		// The text on the next line.
		v++
		v = skipBlanks(data, v)
	}
	if v == len(data) || data[v] == '<' || data[v] == '\n' || data[v] == '\r' {
		return section{}, false // no text: an element of elements
	}
	// The element closes on the text's line or the next: "<pwd.h>" in a
	// C include is not an element.
	e := valueEnd(data, v)
	hi := e
	if hi < len(data) {
		hi = valueEnd(data, hi+1)
	}
	closing := append(append([]byte("</"), data[name:nameEnd]...), '>')
	if !bytes.Contains(data[v:hi], closing) {
		return section{}, false
	}
	return section{header: name, key: data[name:nameEnd], pair: true, name: name, value: v, valueEnd: e, indent: -1}, true
}

// escapedLineAt returns, as a pair to match as it is, a line of text
// escaped in a string whose first name holds the keyword hit at [start,
// end): an env file or script kept in JSON, a Terraform state or a
// Compose override, where "\n" ends each line,
//
//	{"app.env": "REGION=eu\nACME_API_KEY=0123…\nDEBUG=false"}
//
// Matched alone, the line "ACME_API_KEY=0123…" starts at a word
// boundary and ends where its escape does.
func escapedLineAt(data []byte, start, end int) (section, bool) {
	name, _ := nameAround(data, start, end, 0, isNameByte)
	// The walk back stopped at the escape's backslash: its letter is
	// where the name seems to start.
	if name < 1 || name >= start || data[name-1] != '\\' || (data[name] != 'n' && data[name] != 'r' && data[name] != 't') ||
		(name >= 2 && data[name-2] == '\\') {
		return section{}, false
	}
	name++
	// The line's end: the next escape or quote.
	hi := valueEnd(data, end)
	e := end
	for e < hi && data[e] != '\\' && data[e] != '"' {
		e++
	}
	return section{header: name, key: data[name:end], pair: true, raw: true, name: name, value: end, valueEnd: e, indent: -1}, true
}

// nextLineAt returns, as a pair, an assignment whose name holds the
// keyword hit at [start, end) and whose value is on the next line: a YAML
// block scalar, a value wrapped after its operator, a parenthesized or
// continued line,
//
//	acme_api_key: >-            ACME_API_KEY = (          export ACME_API_KEY=\
//	  0123…                         "0123…"                 0123…
//	                            )
//
// matched as "acme_api_key=0123…".
func nextLineAt(data []byte, start, end int) (section, bool) {
	lo, ok := shortLineStart(data, start)
	if !ok {
		return section{}, false
	}
	// The name, without ':' (YAML's operator).
	name, nameEnd := nameAround(data, start, end, lo, isDottedNameByte)
	// The name ends its setting: [quote] [blanks] operator.
	i := nameEnd
	if i < len(data) && (data[i] == '"' || data[i] == '\'') {
		i++
	}
	i = skipBlanks(data, i)
	yamlKey := false // a YAML key with no block indicator
	switch {
	case bytes.HasPrefix(data[i:], []byte(":=")), bytes.HasPrefix(data[i:], []byte("=>")):
		i += 2
	case i < len(data) && (data[i] == '=' || data[i] == ':'):
		yamlKey = data[i] == ':'
		i++
	default:
		return section{}, false
	}
	// Nothing after it but a block-scalar indicator, "(" or "\".
	i = skipBlanks(data, i)
	if i < len(data) && (data[i] == '|' || data[i] == '>') {
		yamlKey = false
		i++
		if i < len(data) && (data[i] == '-' || data[i] == '+') {
			i++
		}
	} else if i < len(data) && (data[i] == '(' || data[i] == '\\') {
		i++
	}
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r') {
		i++
	}
	if i >= len(data) || data[i] != '\n' {
		return section{}, false // the value is on this line, or none
	}
	// The value: the next line, indented deeper than the name's line.
	v := i + 1
	v = skipBlanks(data, v)
	indent := 0
	for lo+indent < name && (data[lo+indent] == ' ' || data[lo+indent] == '\t') {
		indent++
	}
	if v == len(data) || v-(i+1) <= indent || data[v] == '\n' || data[v] == '\r' || data[v] == '#' {
		return section{}, false
	}
	// Under a YAML key with no block indicator, the next line is more
	// often a nested mapping or list than the value itself.
	if yamlKey {
		line := bytes.TrimRight(data[v:valueEnd(data, v)], " \t\r")
		if data[v] == '-' || bytes.Contains(line, []byte(": ")) || bytes.HasSuffix(line, []byte(":")) {
			return section{}, false
		}
	}
	return section{header: name, key: data[name:nameEnd], pair: true, name: name, value: v, valueEnd: valueEnd(data, v), indent: -1}, true
}

// fallbackAt returns, as a pair, a default given to an environment lookup
// whose name holds the keyword hit at [start, end): the literal used when
// the variable is unset is written in the code or the compose file,
//
//	process.env.ACME_API_KEY || "0123…"     os.environ.get("ACME_API_KEY") or "0123…"
//	ENV["ACME_API_KEY"] ?? "0123…"          ACME_API_KEY: ${ACME_API_KEY:-0123…}
//
// matched as "ACME_API_KEY=\"0123…\"" (or ACME_API_KEY=0123…} for the
// shell's ${NAME:-default}).
func fallbackAt(data []byte, start, end int) (section, bool) {
	name, nameEnd := nameAround(data, start, end, 0, isDottedNameByte)
	if nameEnd >= len(data) {
		return section{}, false
	}
	i := nameEnd
	// The shell's ${NAME:-default}, ${NAME-default}, ${NAME:=default}.
	if name >= 2 && data[name-1] == '{' && data[name-2] == '$' {
		if i < len(data) && data[i] == ':' {
			i++
		}
		if i < len(data) && (data[i] == '-' || data[i] == '=') && i+1 < len(data) && data[i+1] != '}' {
			return section{header: name, key: data[name:nameEnd], pair: true, name: name, value: i + 1, valueEnd: valueEnd(data, i+1), indent: -1}, true
		}
		return section{}, false
	}
	// The lookup's closing quotes, brackets and parentheses, then || ?? or ?:.
	for n := 0; n < 3 && i < len(data) && (data[i] == '"' || data[i] == '\'' || data[i] == ')' || data[i] == ']'); n++ {
		i++
	}
	i = skipBlanks(data, i)
	switch rest := data[i:]; {
	case bytes.HasPrefix(rest, []byte("||")), bytes.HasPrefix(rest, []byte("??")), bytes.HasPrefix(rest, []byte("?:")):
		i += 2
	case bytes.HasPrefix(rest, []byte("or ")):
		i += 3
	default:
		return section{}, false
	}
	i = skipBlanks(data, i)
	if i == len(data) || (data[i] != '"' && data[i] != '\'' && data[i] != '`') {
		return section{}, false // not a literal
	}
	return section{header: name, key: data[name:nameEnd], pair: true, name: name, value: i, valueEnd: valueEnd(data, i), indent: -1}, true
}

// symbolSetAt returns, as a setter pair, Ruby's set given a symbol whose
// name holds the keyword hit at [start, end) and a string literal, as
// Capistrano and Sinatra settings are written:
//
//	set :acme_api_key, "0123…"
//
// matched as "acme_api_key=\"0123…\"".
func symbolSetAt(data []byte, start, end int) (section, bool) {
	name, nameEnd := nameAround(data, start, end, 0, isWordByte)
	// "set :" before the name.
	if name < 5 || data[name-1] != ':' || (data[name-2] != ' ' && data[name-2] != '\t') {
		return section{}, false
	}
	i := name - 2
	for i > 0 && (data[i-1] == ' ' || data[i-1] == '\t') {
		i--
	}
	if i < 3 || string(data[i-3:i]) != "set" || (i > 3 && isWordByte(data[i-4])) {
		return section{}, false
	}
	// ", " and a string literal after it.
	v := nameEnd
	v = skipBlanks(data, v)
	if v == len(data) || data[v] != ',' {
		return section{}, false
	}
	v++
	v = skipBlanks(data, v)
	if v == len(data) || (data[v] != '"' && data[v] != '\'') {
		return section{}, false
	}
	return section{header: name, key: data[name:nameEnd], pair: true, name: name, value: v, valueEnd: valueEnd(data, v), indent: -1,
		call: true, setter: true}, true
}

// maxPhraseWords bounds the words of a name written with blanks.
const maxPhraseWords = 4

// phraseAt returns, as a pair, a setting whose name is words written with
// blanks, from the one holding the keyword hit at [start, end): a comment,
// a log line, a document or a JSON key naming the credential in words,
//
//	# acme api key: 0123…       [DEBUG] Using acme KEY=0123…
//	"Acme Secret": "0123…"      acme token - '0123…'
//
// matched as "acme_api_key=0123…", the blanks written as "_" (so the
// name keeps its length and a match maps back byte for byte).
func phraseAt(data []byte, start, end int) (section, bool) {
	name, i := nameAround(data, start, end, 0, isDottedNameByte)
	for words := 1; ; words++ {
		j := i
		if j < len(data) && (data[j] == '"' || data[j] == '\'') {
			j++ // a quoted name's closing quote
		}
		blanks := j
		j = skipBlanks(data, j)
		if op := phraseOperator(data[j:], j > blanks); op > 0 {
			if words == 1 {
				return section{}, false // one word: a name the rules match as written
			}
			key := bytes.Clone(data[name:i])
			for k, c := range key {
				if c == ' ' || c == '\t' {
					key[k] = '_'
				}
			}
			return section{header: name, key: key, pair: true, composed: true, name: name, value: j + op, valueEnd: valueEnd(data, j+op), indent: -1}, true
		}
		if words == maxPhraseWords || j == blanks || blanks != i {
			return section{}, false // no blank after the word, or a quote inside the name
		}
		k := j
		for k < len(data) && k-name <= maxHeader/4 && isDottedNameByte(data[k]) {
			k++
		}
		if k == j || k-name > maxHeader/4 {
			return section{}, false
		}
		i = k
	}
}

// phraseOperator returns the length of the assignment operator b starts
// with (=, :, := or =>, or a dash between blanks, as notes write "acme
// token - 0123…"), or 0. spaced says whether blanks come before b.
func phraseOperator(b []byte, spaced bool) int {
	switch {
	case spaced && len(b) > 1 && b[0] == '-' && (b[1] == ' ' || b[1] == '\t'):
		return 1
	case bytes.HasPrefix(b, []byte(":=")), bytes.HasPrefix(b, []byte("=>")):
		return 2
	case bytes.HasPrefix(b, []byte("==")):
		return 0
	case len(b) > 0 && (b[0] == '=' || b[0] == ':'):
		return 1
	}
	return 0
}

// queryAt returns, as a pair, a credential given in the query of a URL
// whose host or path holds the keyword hit at [start, end):
//
//	https://api.acme.io/v1/items?key=0123…
//	curl "https://acme.io/export?format=csv&amp;api_token=0123…"
//
// matched as "acme_key=0123…": the first parameter whose name may hold a
// credential, named after the hit's word.
func queryAt(data []byte, start, end int) (section, bool) {
	lo, ok := shortLineStart(data, start)
	if !ok {
		return section{}, false
	}
	// The URL's scheme before the hit, nothing but the URL between.
	u := start
	for u > lo && isURLByte(data[u-1]) {
		u--
	}
	if !bytes.Contains(data[u:start], []byte("://")) {
		return section{}, false
	}
	// The query after the hit.
	hi := valueEnd(data, end)
	q := end
	for q < hi && isURLByte(data[q]) && data[q] != '?' && data[q] != '#' {
		q++
	}
	if q == hi || data[q] != '?' {
		return section{}, false
	}
	word, wordEnd := nameAround(data, start, end, u, isWordByte)
	inParam := func(c byte) bool { return isURLByte(c) && c != '&' && c != '#' }
	for p := q + 1; p < hi; {
		if bytes.HasPrefix(data[p:hi], []byte("amp;")) {
			p += len("amp;") // an HTML document's &amp;
		}
		n := p
		for n < hi && inParam(data[n]) && data[n] != '=' {
			n++
		}
		if n < hi && data[n] == '=' && n > p && credentialParam(data[p:n]) {
			v := n + 1
			for v < hi && inParam(data[v]) {
				v++
			}
			key := make([]byte, 0, wordEnd-word+1+n-p)
			key = append(append(append(key, data[word:wordEnd]...), '_'), data[p:n]...)
			return section{header: word, key: key, pair: true, composed: true, name: word, value: n + 1, valueEnd: v, indent: -1}, true
		}
		for n < hi && inParam(data[n]) {
			n++
		}
		if n == hi || data[n] != '&' {
			break
		}
		p = n + 1
	}
	return section{}, false
}

// skipBlanks returns the offset of the first byte at or after i in data
// that is not a space or a tab.
func skipBlanks(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t') {
		i++
	}
	return i
}

// isURLByte reports whether c may be part of a URL written in text: a
// printable ASCII byte that is not a blank, a quote, an angle bracket or
// a backslash.
func isURLByte(c byte) bool {
	return c > ' ' && c < 0x7f && c != '"' && c != '\'' && c != '`' && c != '<' && c != '>' && c != '\\'
}

// credentialParam reports whether a query parameter's name may hold a
// credential (key, api_token, access_token, appid, sig…); the rule's
// regex decides whether its own does.
func credentialParam(name []byte) bool {
	for _, w := range [...]string{"key", "token", "secret", "pass", "pwd", "auth", "sig", "appid", "access", "cred"} {
		if bytes.Contains(bytes.ToLower(name), []byte(w)) {
			return true
		}
	}
	return false
}

// dslValueAt returns, as a pair, a line that is only a name holding the
// keyword hit at [start, end) and a string literal, as Groovy (Gradle)
// DSLs and some configuration formats set a value without an operator:
//
//	storePassword "0123…"
//	acme_api_key '0123…';
//
// matched as "storePassword=\"0123…\"".
func dslValueAt(data []byte, start, end int) (section, bool) {
	lo, ok := shortLineStart(data, start)
	if !ok {
		return section{}, false
	}
	name, nameEnd := nameAround(data, start, end, lo, isWordByte)
	for i := lo; i < name; i++ {
		if data[i] != ' ' && data[i] != '\t' {
			return section{}, false // the name must begin the line
		}
	}
	v := nameEnd
	v = skipBlanks(data, v)
	if v == nameEnd || v == len(data) || (data[v] != '"' && data[v] != '\'') {
		return section{}, false
	}
	// The literal ends the line, but for a ";" or ")".
	q := data[v]
	e := valueEnd(data, v)
	c := bytes.IndexByte(data[v+1:e], q)
	if c < 0 {
		return section{}, false
	}
	rest := bytes.TrimRight(data[v+2+c:e], " \t\r;)")
	if len(rest) > 0 {
		return section{}, false
	}
	return section{header: name, key: data[name:nameEnd], pair: true, name: name, value: v, valueEnd: e, indent: -1}, true
}
