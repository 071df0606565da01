package rules

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"

	"github.com/keysweep/keysweep/finding"
)

// Default and maximum reach of a rule's window around a keyword hit.
const (
	defaultLineSpan  = 1024
	defaultMultiSpan = 4096
	maxSpan          = 1 << 20
)

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]*$`)

// Rule is a compiled, immutable rule.
type Rule struct {
	meta        finding.Rule
	file        string
	re          *lazyRegexp
	secretGroup int // -1: first non-empty group, else whole match
	entropy     float64
	keywords    []string
	span        int
	multiline   bool
	path        *regexp.Regexp
	validate    ValidateFunc
	allowlists  []*allowlist
	skipReport  bool
	required    []required
	companions  []required
	priority    int // see rulePriority
	anchor      anchor
}

// anchor is set for rules whose every match begins with all their keywords
// (a fixed prefix such as "ghp_"): the engine then tries the regex once at
// each keyword hit instead of scanning the hit's line.
type anchor struct {
	re           *lazyRegexp // ^(?:regex)
	wordBoundary bool        // the regex starts with \b
	// underscore: it starts with (?:\b|_), a boundary or an underscore
	// (APP_ACME_KEY), so a '_' before the hit is no reason to skip it.
	underscore bool
	// delimited: the regex starts with (?:^|[class]), the line's start or
	// a one-byte delimiter, before its literal. At a line's start re is
	// tried at the hit; elsewhere midLine, the regex with [class] alone
	// (so that ^ cannot match at the attempt's start), a byte before it.
	delimited bool
	midLine   *lazyRegexp
	// literal is the case-sensitive literal every match begins with, or
	// nil when the regex folds case there; a hit not followed by it is
	// dismissed without running the regex.
	literal []byte
}

type required struct {
	id            string
	withinLines   int // -1: unlimited
	withinColumns int // -1: unlimited
}

// Meta returns the rule's catalog metadata.
func (r *Rule) Meta() finding.Rule { return r.meta }

// File names the data file the rule came from.
func (r *Rule) File() string { return r.file }

type allowlist struct {
	and         bool
	target      string // secret, match, line
	regexes     []*lazyRegexp
	paths       []*regexp.Regexp
	commits     []string
	stopwords   []string
	targetRules []string
}

// ruleError formats an error that names the file and the rule.
func ruleError(file, id string, format string, args ...any) error {
	return fmt.Errorf("%s: rule %q: %s", file, id, fmt.Sprintf(format, args...))
}

// compileRule validates spec and compiles it.
func compileRule(file string, spec RuleSpec) (*Rule, error) {
	id := spec.ID
	if id == "" {
		return nil, fmt.Errorf("%s: rule with description %q has no id", file, spec.Description)
	}
	if !idPattern.MatchString(id) {
		return nil, ruleError(file, id, "id must be letters, digits and . _ : -")
	}
	switch {
	case spec.Check != "" && !slices.Contains(Checks(), spec.Check):
		return nil, ruleError(file, id, "unknown check %q (want one of %s)", spec.Check, strings.Join(Checks(), ", "))
	case spec.Check != "" && (spec.Regex != "" || spec.Path != "" || len(spec.Keywords) > 0):
		return nil, ruleError(file, id, "a rule with a check has no regex, path or keywords")
	case spec.Check == "" && spec.Regex == "" && spec.Path == "":
		return nil, ruleError(file, id, "needs a regex, a path or a check")
	}
	r := &Rule{
		file:       file,
		entropy:    spec.Entropy,
		skipReport: spec.SkipReport,
		meta: finding.Rule{
			ID:          id,
			Title:       firstNonEmpty(spec.Title, spec.Description, id),
			Description: firstNonEmpty(spec.Description, spec.Title, id),
			Remediation: spec.Remediation,
			Confidence:  firstNonEmpty(strings.ToLower(spec.Confidence), "medium"),
			Tags:        slices.Clone(spec.Tags),
			References:  slices.Clone(spec.References),
			Validation:  spec.Validate,
			Check:       spec.Check,
			Severity:    finding.High,
		},
	}
	r.priority = rulePriority(spec.Tags)
	if spec.Severity != "" {
		sev, err := finding.ParseSeverity(spec.Severity)
		if err != nil {
			return nil, ruleError(file, id, "%v", err)
		}
		r.meta.Severity = sev
	}
	switch r.meta.Confidence {
	case "high", "medium", "low":
	default:
		return nil, ruleError(file, id, "confidence %q must be high, medium or low", spec.Confidence)
	}
	if spec.Entropy < 0 || spec.Entropy > 8 {
		return nil, ruleError(file, id, "entropy %v must be between 0 and 8", spec.Entropy)
	}
	if spec.Span < 0 || spec.Span > maxSpan {
		return nil, ruleError(file, id, "span %d must be between 0 and %d", spec.Span, maxSpan)
	}
	var parsed *syntax.Regexp
	if spec.Regex != "" {
		var re *lazyRegexp
		var err error
		re, parsed, err = newLazyRegexp(spec.Regex)
		if err != nil {
			return nil, ruleError(file, id, "regex: %v", err)
		}
		r.re = re
		// A rule that sets a span is multi-line by declaration: regexes
		// such as BEGIN…\s…END cross lines through \s, which
		// canMatchNewline does not count.
		r.multiline = spec.Span > 0 || parsedCanMatchNewline(parsed)
		groups := parsed.CapNames()
		switch {
		case spec.SecretGroup < 0 || spec.SecretGroup > len(groups)-1:
			return nil, ruleError(file, id, "secretGroup %d, but the regex has %d groups", spec.SecretGroup, len(groups)-1)
		case spec.SecretGroup > 0:
			r.secretGroup = spec.SecretGroup
		case slices.Index(groups, "secret") > 0:
			r.secretGroup = slices.Index(groups, "secret")
		default:
			r.secretGroup = -1
		}
	} else if spec.SecretGroup != 0 || spec.Entropy != 0 || spec.Validate != "" {
		return nil, ruleError(file, id, "secretGroup, entropy and validate need a regex")
	}
	r.span = spec.Span
	if r.span == 0 {
		r.span = defaultLineSpan
		if r.multiline {
			r.span = defaultMultiSpan
		}
	}
	for _, k := range spec.Keywords {
		k = strings.ToLower(k)
		if k == "" {
			return nil, ruleError(file, id, "empty keyword")
		}
		if !slices.Contains(r.keywords, k) {
			r.keywords = append(r.keywords, k)
		}
	}
	if r.re != nil {
		r.anchor = anchorFor(spec.Regex, parsed, r.keywords)
	}
	if spec.Path != "" {
		p, err := regexp.Compile(spec.Path)
		if err != nil {
			return nil, ruleError(file, id, "path: %v", err)
		}
		r.path = p
	}
	if spec.Validate != "" {
		v, ok := validator(spec.Validate)
		if !ok {
			return nil, ruleError(file, id, "unknown validate %q", spec.Validate)
		}
		r.validate = v
	}
	var err error
	if r.required, err = compileRequired(spec.Required); err != nil {
		return nil, ruleError(file, id, "required: %v", err)
	}
	if r.companions, err = compileRequired(spec.Companions); err != nil {
		return nil, ruleError(file, id, "companions: %v", err)
	}
	specs := spec.Allowlists
	if spec.Allowlist != nil {
		specs = append([]AllowlistSpec{*spec.Allowlist}, specs...)
	}
	for i, a := range specs {
		al, err := compileAllowlist(a)
		if err != nil {
			return nil, ruleError(file, id, "allowlist %d: %v", i+1, err)
		}
		if len(al.targetRules) > 0 {
			return nil, ruleError(file, id, "allowlist %d: targetRules belongs in a global allowlist", i+1)
		}
		r.allowlists = append(r.allowlists, al)
	}
	return r, nil
}

// compileRequired compiles [[rules.required]] or [[rules.companions]].
func compileRequired(specs []RequiredSpec) ([]required, error) {
	var out []required
	for _, req := range specs {
		if req.ID == "" {
			return nil, fmt.Errorf("an entry has no id")
		}
		q := required{id: req.ID, withinLines: -1, withinColumns: -1}
		if req.WithinLines != nil {
			q.withinLines = *req.WithinLines
		}
		if req.WithinColumns != nil {
			q.withinColumns = *req.WithinColumns
		}
		out = append(out, q)
	}
	return out, nil
}

func compileAllowlist(spec AllowlistSpec) (*allowlist, error) {
	a := &allowlist{
		commits:     slices.Clone(spec.Commits),
		targetRules: slices.Clone(spec.TargetRules),
	}
	switch strings.ToUpper(spec.Condition) {
	case "", "OR":
	case "AND":
		a.and = true
	default:
		return nil, fmt.Errorf("condition %q must be OR or AND", spec.Condition)
	}
	switch spec.RegexTarget {
	case "", "secret":
		a.target = "secret"
	case "match", "line":
		a.target = spec.RegexTarget
	default:
		return nil, fmt.Errorf("regexTarget %q must be secret, match or line", spec.RegexTarget)
	}
	for _, s := range spec.Regexes {
		re, _, err := newLazyRegexp(s)
		if err != nil {
			return nil, fmt.Errorf("regex %q: %v", s, err)
		}
		a.regexes = append(a.regexes, re)
	}
	for _, s := range spec.Paths {
		re, err := regexp.Compile(s)
		if err != nil {
			return nil, fmt.Errorf("path %q: %v", s, err)
		}
		a.paths = append(a.paths, re)
	}
	for _, w := range spec.StopWords {
		if w != "" {
			a.stopwords = append(a.stopwords, strings.ToLower(w))
		}
	}
	if len(a.regexes)+len(a.paths)+len(a.commits)+len(a.stopwords) == 0 {
		return nil, fmt.Errorf("allowlist has no regexes, paths, commits or stopwords")
	}
	return a, nil
}

// canMatchNewline reports whether a regular expression matches a line break
// on purpose, so its windows must not be cut at line ends: a (?s) dot, a
// literal \n, or a class such as [\s\S] or [A-Za-z0-9\n]. The whitespace
// class \s and negated classes ([^"]) do not count: `key\s*=\s*"[^"]+"` is
// meant for one line.
func canMatchNewline(expr string) bool {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return false
	}
	return parsedCanMatchNewline(re)
}

// parsedCanMatchNewline is canMatchNewline on a parsed expression.
func parsedCanMatchNewline(re *syntax.Regexp) bool {
	var walk func(*syntax.Regexp) bool
	walk = func(n *syntax.Regexp) bool {
		switch n.Op {
		case syntax.OpAnyChar:
			return true
		case syntax.OpLiteral:
			return slices.Contains(n.Rune, '\n')
		case syntax.OpCharClass:
			return classHasNewline(n.Rune) && !isSpaceClass(n.Rune) && !isNegatedClass(n.Rune)
		}
		return slices.ContainsFunc(n.Sub, walk)
	}
	return walk(re)
}

// Rule priorities decide which of two rules matching the same secret is
// reported: an issuer's own format beats the place a secret sits in (a
// connection URI, a config file, a JWT), which beats a generic assignment.
const (
	priorityGeneric   = 0 // tagged "generic"
	priorityContainer = 1 // tagged "container"
	prioritySpecific  = 2
)

func rulePriority(tags []string) int {
	switch {
	case slices.Contains(tags, "generic"):
		return priorityGeneric
	case slices.Contains(tags, "container"):
		return priorityContainer
	}
	return prioritySpecific
}

// anchorFor returns the anchor of a rule whose matches all begin with a
// literal that starts with every one of its keywords, or the zero anchor.
func anchorFor(expr string, re *syntax.Regexp, keywords []string) anchor {
	if len(keywords) == 0 {
		return anchor{}
	}
	lit, fold, wb, under, delim, ok := leadingLiteral(re)
	if !ok {
		return anchor{}
	}
	low := strings.ToLower(lit)
	for _, k := range keywords {
		if !strings.HasPrefix(low, k) {
			return anchor{}
		}
	}
	if delim && parsedCanMatchNewline(re) {
		return anchor{} // ^ must mean the start of a line: single-line rules only
	}
	if wb && !isWordByte(lit[0]) {
		return anchor{} // \b before a non-word byte depends on what precedes
	}
	// Built from a regex that parsed: they parse too, and are not parsed
	// again here.
	a := anchor{re: &lazyRegexp{expr: `^(?:` + expr + `)`}, wordBoundary: wb, underscore: under, delimited: delim}
	if delim {
		mid, err := syntax.Parse(expr, syntax.Perl)
		if err != nil || !dropLineStart(mid) {
			return anchor{}
		}
		a.midLine = &lazyRegexp{expr: `^(?:` + mid.String() + `)`}
	}
	if !fold {
		a.literal = []byte(lit)
	}
	return a
}

// leadingLiteral returns the literal every match of n begins with, looking
// through captures, a leading \b or (?:\b|_), and a leading one-byte
// delimiter alternative (?:^|[^A-Za-z0-9]).
func leadingLiteral(n *syntax.Regexp) (lit string, fold, wordBoundary, underscore, delimited, ok bool) {
	for {
		switch n.Op {
		case syntax.OpCapture:
			n = n.Sub[0]
		case syntax.OpConcat:
			i := 0
			for ; i < len(n.Sub); i++ {
				switch sub := n.Sub[i]; {
				case sub.Op == syntax.OpWordBoundary:
					wordBoundary = true
					continue
				case isBoundaryOrUnderscore(sub):
					wordBoundary, underscore = true, true
					continue
				case sub.Op == syntax.OpEmptyMatch:
					continue
				case isDelimiter(sub) && !delimited && i+1 < len(n.Sub):
					delimited = true
					continue
				}
				break
			}
			if i == len(n.Sub) || (delimited && wordBoundary) {
				return "", false, false, false, false, false
			}
			n = n.Sub[i]
		case syntax.OpLiteral:
			return string(n.Rune), n.Flags&syntax.FoldCase != 0, wordBoundary, underscore, delimited, len(n.Rune) > 0
		default:
			return "", false, false, false, false, false
		}
	}
}

// isBoundaryOrUnderscore reports whether n is (?:\b|_).
func isBoundaryOrUnderscore(n *syntax.Regexp) bool {
	if n.Op != syntax.OpAlternate || len(n.Sub) != 2 {
		return false
	}
	a, b := n.Sub[0], n.Sub[1]
	return a.Op == syntax.OpWordBoundary && b.Op == syntax.OpLiteral && len(b.Rune) == 1 && b.Rune[0] == '_'
}

// dropLineStart replaces the leading (?:^|[class]) that leadingLiteral
// found in n by [class] alone.
func dropLineStart(n *syntax.Regexp) bool {
	for {
		switch n.Op {
		case syntax.OpCapture:
			n = n.Sub[0]
		case syntax.OpConcat:
			for i, sub := range n.Sub {
				if sub.Op == syntax.OpWordBoundary || sub.Op == syntax.OpEmptyMatch {
					continue
				}
				if !isDelimiter(sub) {
					return false
				}
				alt := sub
				if alt.Op == syntax.OpCapture {
					alt = alt.Sub[0]
				}
				for _, a := range alt.Sub {
					if a.Op == syntax.OpCharClass {
						n.Sub[i] = a
						return true
					}
				}
				return false
			}
			return false
		default:
			return false
		}
	}
}

// isDelimiter reports whether n is (?:^|[class]): the start of the text or
// one byte of a class.
func isDelimiter(n *syntax.Regexp) bool {
	if n.Op == syntax.OpCapture {
		n = n.Sub[0]
	}
	if n.Op != syntax.OpAlternate || len(n.Sub) != 2 {
		return false
	}
	var begin, class bool
	for _, s := range n.Sub {
		switch s.Op {
		case syntax.OpBeginText, syntax.OpBeginLine:
			begin = true
		case syntax.OpCharClass:
			class = true
		}
	}
	return begin && class
}

func classHasNewline(ranges []rune) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		if ranges[i] <= '\n' && '\n' <= ranges[i+1] {
			return true
		}
	}
	return false
}

// isNegatedClass reports whether a class looks written as a negation
// ([^"], [^A-Za-z0-9]): it holds most of Unicode but not all of it. Such
// classes are delimiters or "anything but the quote" runs, meant for one
// line; [\s\S] holds all of Unicode and stays multi-line.
func isNegatedClass(ranges []rune) bool {
	var size int
	for i := 0; i+1 < len(ranges); i += 2 {
		size += int(ranges[i+1]-ranges[i]) + 1
	}
	return size > 0x10000 && size < unicode.MaxRune+1
}

// isSpaceClass reports whether a class holds only ASCII whitespace, as \s
// and [\t\n ] do.
func isSpaceClass(ranges []rune) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			if !strings.ContainsRune(" \t\n\v\f\r", r) {
				return false
			}
		}
	}
	return true
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
