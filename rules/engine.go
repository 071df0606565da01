package rules

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/coregx/ahocorasick"

	"github.com/keysweep/keysweep/finding"
)

// Engine runs compiled rules over content. It is immutable and safe for
// concurrent use.
type Engine struct {
	rules    []*Rule
	byID     map[string]int
	ac       *ahocorasick.Automaton
	keywords []string
	// maxKeyword is the length of the longest keyword.
	maxKeyword int
	kwRules    [][]int // keyword index → rule indexes
	noKw       []int   // rules with a regex and no keywords
	pathOnly   []int   // rules with a path and no regex
	global     []*allowlist
	hasher     finding.Hasher
	// deferred marks the generic rules whose matches are checked last,
	// and only where no rule of higher priority found the secret (the
	// rules another needs as a part are not deferred).
	deferred []bool
	// lazy marks the companion-only rules (identifiers reported only as
	// a part of another rule's finding, such as a tenant ID): they are
	// not matched everywhere, only around the findings they complete.
	lazy []bool
	// lower recycles the lower-cased copies keywords are matched in.
	lower sync.Pool
}

func newEngine(rules []*Rule, global []*allowlist, fingerprintKey string) (*Engine, error) {
	e := &Engine{
		rules:  rules,
		byID:   make(map[string]int, len(rules)),
		global: global,
		hasher: finding.NewHasher(fingerprintKey),
	}
	for i, r := range rules {
		e.byID[r.meta.ID] = i
	}
	e.lazy = lazyCompanions(rules, e.byID)
	kwIndex := map[string]int{}
	for i, r := range rules {
		if e.lazy[i] {
			continue // matched around the findings it completes
		}
		switch {
		case r.meta.Check != "":
			continue // reported by its check, not matched here
		case r.re == nil:
			e.pathOnly = append(e.pathOnly, i)
		case len(r.keywords) == 0:
			e.noKw = append(e.noKw, i)
		}
		if r.re == nil {
			continue
		}
		for _, k := range r.keywords {
			j, ok := kwIndex[k]
			if !ok {
				j = len(e.keywords)
				kwIndex[k] = j
				e.keywords = append(e.keywords, k)
				e.maxKeyword = max(e.maxKeyword, len(k))
				e.kwRules = append(e.kwRules, nil)
			}
			e.kwRules[j] = append(e.kwRules[j], i)
		}
	}
	e.deferred = make([]bool, len(rules))
	for i, r := range rules {
		e.deferred[i] = r.priority == priorityGeneric
	}
	for _, r := range rules {
		for _, q := range slices.Concat(r.required, r.companions) {
			qi, ok := e.byID[q.id]
			if !ok {
				return nil, ruleError(r.file, r.meta.ID, "required or companion rule %q does not exist", q.id)
			}
			e.deferred[qi] = false
		}
	}
	if len(e.keywords) > 0 {
		ac, err := ahocorasick.NewBuilder().AddStrings(e.keywords).Build()
		if err != nil {
			return nil, fmt.Errorf("building keyword automaton: %w", err)
		}
		e.ac = ac
	}
	return e, nil
}

// Rules returns the catalog metadata of every rule, sorted by ID.
func (e *Engine) Rules() []finding.Rule {
	out := make([]finding.Rule, 0, len(e.rules))
	for _, r := range e.rules {
		out = append(out, r.meta)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Rule returns the compiled rule with the given ID.
func (e *Engine) Rule(id string) (*Rule, bool) {
	i, ok := e.byID[id]
	if !ok {
		return nil, false
	}
	return e.rules[i], true
}

// Hasher returns the keyed hasher the engine fingerprints findings with.
func (e *Engine) Hasher() finding.Hasher { return e.hasher }

// Chunk is a piece of content to scan and where it came from.
type Chunk struct {
	// Data is the content. The engine does not keep it.
	Data []byte
	// Limit, when positive, is where this chunk's own bytes end: Data past
	// Limit is look-ahead shared with the next chunk, and matches starting
	// there are left to it.
	Limit int
	// Location is the place of Data; its line and column fields are ignored.
	Location finding.Location
	// Line and Column (1-based) are the position of Data[0]; zero means 1.
	Line, Column int
}

// Result is what scanning a chunk produced.
type Result struct {
	Findings []finding.Finding
	// Suppressed counts matches dropped by inline directives.
	Suppressed int
}

// candidate is a match that passed a rule's own checks.
type candidate struct {
	rule             int
	start, end       int // whole match
	secStart, secEnd int
	secret           string
	validated        bool
	details          map[string]string
	note             string
	suppressed       bool
	parts            map[string]string // companion rule ID → its secret
}

type window struct{ lo, hi int }

// Scan runs every rule over one chunk.
func (e *Engine) Scan(c Chunk) Result {
	data := c.Data
	limit := c.Limit
	if limit <= 0 || limit > len(data) {
		limit = len(data)
	}
	maxAnchored := max(minAnchoredHits, len(data)/anchoredDensity)
	maxShaped := maxAnchored
	st := scanState{
		place:    c.Location.FingerprintKey(),
		wins:     map[int][]window{},
		anchored: map[int]int{},
		pathOK:   map[int]bool{},
	}
	sc := &scanCtx{limit: limit, loc: c.Location}
	var cands []candidate
	if e.ac != nil {
		e.eachKeywordHit(data, func(start, end, pattern int) {
			var sh shapes // the hit's section and pair, found once for all its rules
			for _, ri := range e.kwRules[pattern] {
				r := e.rules[ri]
				if !st.applies(r, ri) {
					continue
				}
				if (r.sectioned() || r.paired()) && !sh.found && st.shaped < maxShaped {
					// Past maxShaped hits (a minified line dense with
					// keywords) the rules match what is written only.
					st.shaped++
					sh = shapesAt(data, start, end)
				}
				if r.sectioned() && sh.sectionOK {
					st.addSection(ri, sh.section)
				}
				if r.paired() && sh.pairOK && (r.priority != priorityGeneric || (!sh.pair.call || sh.pair.setter) && !sh.pair.composed) {
					st.addSection(ri, sh.pair)
				}
				if r.anchor.re != nil && st.anchored[ri] < maxAnchored {
					if r.anchor.literal != nil && !bytes.HasPrefix(data[start:], r.anchor.literal) {
						continue // the keyword in another case: no match here
					}
					st.anchored[ri]++
					if e.deferred[ri] {
						st.later = append(st.later, hit{ri, start})
						continue
					}
					cands = e.matchAt(cands, ri, data, start, sc)
					continue
				}
				st.addWindow(ri, r, data, start, end)
			}
		})
	}
	for _, ri := range e.noKw {
		if st.applies(e.rules[ri], ri) {
			st.wins[ri] = []window{{0, len(data)}}
		}
	}
	// The issuers' and containers' rules first, then the deferred generic
	// ones, which skip a secret one of those found (see consider).
	for _, later := range []bool{false, true} {
		if later {
			sc.claimed = e.claimedBy(cands)
			for _, h := range st.later {
				cands = e.matchAt(cands, h.rule, data, h.at, sc)
			}
		}
		for ri, ws := range st.wins {
			for _, w := range ws {
				if e.deferred[ri] == later {
					cands = e.matchWindow(cands, ri, data, w, sc)
				}
			}
		}
		for ri, secs := range st.sections {
			for _, sec := range secs {
				if e.deferred[ri] == later {
					cands = e.matchSection(cands, ri, data, sec, sc)
				}
			}
		}
	}
	cands = e.matchCompanions(cands, data, sc)
	var res Result
	cands = e.resolve(cands, data)
	lines := newLineCounter(data, c.Line, c.Column)
	ctx := ClassifyPath(st.place)
	if c.Location.Kind == finding.KindStdin || c.Location.Kind == finding.KindResource {
		ctx = ContextNone // not a file path: no test or docs folder to tell
	}
	for _, cd := range cands {
		if cd.suppressed {
			res.Suppressed++
			continue
		}
		r := e.rules[cd.rule]
		if r.skipReport || ((ctx == ContextLockfile || ctx == ContextVendored) && r.priority == priorityGeneric) {
			continue
		}
		f := finding.Finding{
			RuleID:     r.meta.ID,
			Severity:   r.meta.Severity,
			Confidence: r.meta.Confidence,
			Message:    r.meta.Title + cd.note,
			Location:   c.Location,
			Secret:     cd.secret,
			Entropy:    shannon(cd.secret),
			Validated:  cd.validated,
			Details:    cd.details,
			Tags:       r.meta.Tags,
		}
		applyContext(&f, ctx)
		f.Location.StartLine, f.Location.StartColumn = lines.at(cd.secStart)
		f.Location.EndLine, f.Location.EndColumn = lines.at(cd.secEnd)
		if len(cd.parts) > 0 {
			f.Parts = cd.parts
			f.Details = maps.Clone(f.Details)
			if f.Details == nil {
				f.Details = map[string]string{}
			}
			var with []string
			for id, part := range cd.parts {
				with = append(with, id+" "+finding.Redact(part))
			}
			slices.Sort(with)
			f.Details["paired_with"] = strings.Join(with, ", ")
		}
		f.Fingerprint = e.hasher.Fingerprint(&f)
		res.Findings = append(res.Findings, f)
	}
	return res
}

// anchoredDensity bounds the anchored attempts of one rule in one chunk to
// one per anchoredDensity bytes (and at least minAnchoredHits). Past it (a
// run of "AAAA…" hitting a keyword made of A's at every byte, say) the rule
// scans merged windows instead, whose cost is linear in the chunk however
// dense the hits. Ordinary text, even minified code full of keywords, stays
// far below it.
const (
	anchoredDensity = 64
	minAnchoredHits = 1024
)

// scanState is what Scan gathers about one chunk before running regexes.
type scanState struct {
	place    string
	wins     map[int][]window  // rule → merged windows, in order
	anchored map[int]int       // rule → anchored attempts made
	pathOK   map[int]bool      // rule → whether its path matches place
	sections map[int][]section // rule → section headers naming its keyword
	later    []hit             // anchored hits of deferred rules, in order
	shaped   int               // keyword hits looked at for sections and pairs
}

// hit is a keyword hit of a rule, at offset at.
type hit struct{ rule, at int }

// scanCtx is what matching shares for one chunk: where its own bytes end,
// its location, and, for the deferred generic rules, the secrets the other
// rules found.
type scanCtx struct {
	limit   int
	loc     finding.Location
	claimed spans
}

// spans answers whether a byte range overlaps any of a set: their starts,
// sorted, and the greatest end among the spans up to each.
type spans struct {
	starts, maxEnd []int
}

// claimedBy returns the secrets of cands: what the deferred rules need not
// report again.
func (e *Engine) claimedBy(cands []candidate) spans {
	ws := make([]window, 0, len(cands))
	for _, c := range cands {
		if len(e.rules[c.rule].required) > 0 {
			continue // kept only if its partner is found: it claims nothing yet
		}
		ws = append(ws, window{c.secStart, c.secEnd})
	}
	slices.SortFunc(ws, func(a, b window) int { return a.lo - b.lo })
	s := spans{starts: make([]int, len(ws)), maxEnd: make([]int, len(ws))}
	for i, w := range ws {
		s.starts[i] = w.lo
		s.maxEnd[i] = w.hi
		if i > 0 {
			s.maxEnd[i] = max(w.hi, s.maxEnd[i-1])
		}
	}
	return s
}

// overlaps reports whether any span overlaps [lo, hi): the spans starting
// before hi, of which one must end after lo.
func (s spans) overlaps(lo, hi int) bool {
	i, _ := slices.BinarySearch(s.starts, hi)
	return i > 0 && s.maxEnd[i-1] > lo
}

// applies reports whether rule ri runs on this chunk's path, once per rule.
func (st *scanState) applies(r *Rule, ri int) bool {
	if r.path == nil {
		return true
	}
	ok, seen := st.pathOK[ri]
	if !seen {
		ok = r.path.MatchString(st.place)
		st.pathOK[ri] = ok
	}
	return ok
}

// addWindow adds the window of a keyword hit at [start, end) to rule ri's,
// merging it with the last one when they touch.
func (st *scanState) addWindow(ri int, r *Rule, data []byte, start, end int) {
	ws := st.wins[ri]
	n := len(ws)
	if n > 0 && start >= ws[n-1].lo && end <= ws[n-1].hi {
		return // already covered
	}
	w := r.window(data, start, end)
	if n > 0 && w.lo <= ws[n-1].hi && w.hi >= ws[n-1].lo {
		ws[n-1].lo = min(ws[n-1].lo, w.lo)
		ws[n-1].hi = max(ws[n-1].hi, w.hi)
	} else {
		ws = append(ws, w)
	}
	st.wins[ri] = ws
}

// window is the part of data a rule's regex runs in for a keyword hit at
// [start, end): whole lines up to the rule's span on each side for rules
// that stay on one line, the raw span for rules that can cross lines.
func (r *Rule) window(data []byte, start, end int) window {
	lo := max(0, start-r.span)
	hi := min(len(data), end+r.span)
	if r.multiline {
		return window{lo, hi}
	}
	if i := bytes.LastIndexByte(data[lo:start], '\n'); i >= 0 {
		lo += i + 1
	}
	if i := bytes.IndexByte(data[end:hi], '\n'); i >= 0 {
		hi = end + i
	}
	return window{lo, hi}
}

// matchWindow runs rule ri's regex in one window and appends the matches
// that pass the rule's checks.
func (e *Engine) matchWindow(cands []candidate, ri int, data []byte, w window, sc *scanCtx) []candidate {
	for _, m := range e.rules[ri].re.get().FindAllSubmatchIndex(data[w.lo:w.hi], -1) {
		cands = e.consider(cands, ri, data, offset(m, w.lo), sc, nil)
	}
	return cands
}

// matchAt runs an anchored rule's regex at a keyword hit: its matches all
// begin with the keyword, so one anchored attempt there replaces a scan of
// the whole line.
func (e *Engine) matchAt(cands []candidate, ri int, data []byte, hit int, sc *scanCtx) []candidate {
	r := e.rules[ri]
	at, re := hit, r.anchor.re
	switch {
	case r.anchor.delimited:
		// (?:^|[class])literal: ^ is the line's start, as in a line window;
		// elsewhere the delimiter is the byte before the hit.
		if hit > 0 && data[hit-1] != '\n' {
			at, re = hit-1, r.anchor.midLine
		}
	case r.anchor.wordBoundary && hit > 0 && isWordByte(data[hit-1]) && !(r.anchor.underscore && data[hit-1] == '_'):
		return cands // data[hit] is a word byte: no boundary here
	}
	end := min(len(data), hit+r.span)
	if !r.multiline {
		if i := bytes.IndexByte(data[hit:end], '\n'); i >= 0 {
			end = hit + i
		}
	}
	if m := re.get().FindSubmatchIndex(data[at:end]); m != nil {
		cands = e.consider(cands, ri, data, offset(m, at), sc, nil)
	}
	return cands
}

// offset moves submatch indexes found in data[base:] to data's frame.
func offset(m []int, base int) []int {
	for i, v := range m {
		if v >= 0 {
			m[i] = v + base
		}
	}
	return m
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// consider checks one regex match m (submatch indexes into data) against
// the rule's secret group, entropy, validator, allowlists and inline
// suppressions, and appends it as a candidate if it stands.
func (e *Engine) consider(cands []candidate, ri int, data []byte, m []int, sc *scanCtx, view *flatView) []candidate {
	limit, loc := sc.limit, sc.loc
	r := e.rules[ri]
	start, end := m[0], m[1]
	if start >= limit || start == end {
		return cands
	}
	if r.sectioned() && (view == nil && midWord(data, start) || view != nil && midWord(view.line, view.start)) {
		// A provider's name inside another word (okta in rookTable, box
		// in checkbox, formsite in PlatformSiteTokens) names no
		// provider, written as it is or flat.
		return cands
	}
	ss, se := start, end
	if r.secretGroup > 0 {
		ss, se = m[2*r.secretGroup], m[2*r.secretGroup+1]
	} else {
		for g := 1; 2*g < len(m); g++ {
			if m[2*g] >= 0 && m[2*g+1] > m[2*g] {
				ss, se = m[2*g], m[2*g+1]
				break
			}
		}
	}
	if ss < 0 || se <= ss {
		return cands
	}
	if e.deferred[ri] && sc.claimed.overlaps(ss, se) {
		// A rule of higher priority found this secret: resolve would
		// drop this match, so it is not checked (entropy, shape,
		// allowlists) at all.
		return cands
	}
	secret := string(data[ss:se])
	if r.entropy > 0 && shannon(secret) < r.entropyFloor(secret) {
		return cands
	}
	if alphabetRun(secret) {
		return cands // a documentation placeholder: sk_live_abcdefghijklmnop…
	}
	if r.priority == priorityGeneric && r.meta.Confidence == "low" && notSecret(secret) != "" {
		return cands // a mask, template, sequence or words: see placeholder.go
	}
	cd := candidate{rule: ri, start: start, end: end, secStart: ss, secEnd: se, secret: secret}
	if r.validate != nil {
		v, details := r.validate(secret, data[max(0, start-maxLineContext):min(len(data), end+maxLineContext)])
		if v == Invalid {
			return cands
		}
		cd.validated, cd.details = v == Valid, details
	}
	match, line := data[start:end], lineAt(data, start, end)
	if view != nil {
		match, line = view.match, view.line
	}
	if e.allowed(r, secret, match, line, loc) {
		return cands
	}
	cd.suppressed, cd.note = suppression(data, start, end)
	return append(cands, cd)
}

// allowed reports whether a rule's own or a global allowlist allows a match.
func (e *Engine) allowed(r *Rule, secret string, match, line []byte, loc finding.Location) bool {
	for _, a := range r.allowlists {
		if a.allows(secret, match, line, loc) {
			return true
		}
	}
	for _, a := range e.global {
		if len(a.targetRules) > 0 && !slices.Contains(a.targetRules, r.meta.ID) {
			continue
		}
		if a.allows(secret, match, line, loc) {
			return true
		}
	}
	return false
}

func (a *allowlist) allows(secret string, match, line []byte, loc finding.Location) bool {
	// Each criterion that is set either decides (OR: any holds; AND: one
	// fails) or passes to the next; cheap criteria go first.
	decided := func(ok bool) bool { return ok != a.and }
	if len(a.commits) > 0 {
		if ok := loc.Commit != "" && slices.Contains(a.commits, loc.Commit); decided(ok) {
			return ok
		}
	}
	if len(a.stopwords) > 0 {
		low := strings.ToLower(secret)
		ok := slices.ContainsFunc(a.stopwords, func(w string) bool { return strings.Contains(low, w) })
		if decided(ok) {
			return ok
		}
	}
	if len(a.paths) > 0 {
		place := loc.FingerprintKey()
		ok := slices.ContainsFunc(a.paths, func(re *regexp.Regexp) bool { return re.MatchString(place) })
		if decided(ok) {
			return ok
		}
	}
	if len(a.regexes) > 0 {
		var ok bool
		switch a.target {
		case "match":
			ok = slices.ContainsFunc(a.regexes, func(re *lazyRegexp) bool { return re.get().Match(match) })
		case "line":
			ok = slices.ContainsFunc(a.regexes, func(re *lazyRegexp) bool { return re.get().Match(line) })
		default:
			ok = slices.ContainsFunc(a.regexes, func(re *lazyRegexp) bool { return re.get().MatchString(secret) })
		}
		if decided(ok) {
			return ok
		}
	}
	return a.and
}

// resolve applies composite (required) rules, drops duplicates, and lets
// the rule of highest priority win where several match the same secret.
func (e *Engine) resolve(cands []candidate, data []byte) []candidate {
	if len(cands) == 0 {
		return nil
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].secStart != cands[j].secStart {
			return cands[i].secStart < cands[j].secStart
		}
		return cands[i].rule < cands[j].rule
	})
	cands = slices.CompactFunc(cands, func(a, b candidate) bool {
		return a.rule == b.rule && a.secStart == b.secStart && a.secEnd == b.secEnd
	})
	// A candidate whose required partner is missing is dropped first, so
	// that it outranks nothing (a generic rule's match of the same
	// secret stands).
	kept := cands[:0:0]
	for _, c := range cands {
		if len(e.rules[c.rule].required) > 0 && !e.requiredMet(cands, c, data) {
			continue
		}
		kept = append(kept, c)
	}
	out := kept[:0:0]
	for i, c := range kept {
		if e.outranked(kept, i) {
			continue
		}
		out = append(out, c)
	}
	return e.pair(out, data)
}

// lazyCompanions marks the rules that are only ever partners of others:
// rules not reported on their own (skipReport), with a regex and no path
// or check, that some rule lists as a companion or as required within a
// number of lines. Such a rule is matched only in those lines around its
// partners' candidates (see matchCompanions). A rule required anywhere
// in the chunk (no withinLines) is matched everywhere.
func lazyCompanions(rules []*Rule, byID map[string]int) []bool {
	lazy := make([]bool, len(rules))
	unbounded := make([]bool, len(rules))
	for _, r := range rules {
		for _, q := range r.companions {
			if qi, ok := byID[q.id]; ok {
				lazy[qi] = true
			}
		}
		for _, q := range r.required {
			if qi, ok := byID[q.id]; ok {
				lazy[qi] = true
				unbounded[qi] = unbounded[qi] || q.withinLines < 0
			}
		}
	}
	for i, r := range rules {
		lazy[i] = lazy[i] && !unbounded[i] && r.skipReport && r.re != nil && r.path == nil && r.meta.Check == "" &&
			len(r.companions) == 0 && len(r.required) == 0
	}
	return lazy
}

// maxCompanionReach bounds the bytes around a finding searched for a lazy
// companion, whatever its withinLines.
const maxCompanionReach = 16 << 10

// matchCompanions matches the lazy partner rules of each candidate
// (companions and required rules) in the lines within its reach, so that
// resolve can check the required ones and pair can fold the companions in.
func (e *Engine) matchCompanions(cands []candidate, data []byte, sc *scanCtx) []candidate {
	n := len(cands)
	for i := 0; i < n; i++ {
		r := e.rules[cands[i].rule]
		for _, q := range slices.Concat(r.companions, r.required) {
			qi := e.byID[q.id]
			if !e.lazy[qi] {
				continue
			}
			lo := max(0, cands[i].start-maxCompanionReach)
			hi := min(len(data), cands[i].end+maxCompanionReach)
			if q.withinLines >= 0 {
				lo = linesBefore(data, cands[i].start, q.withinLines, lo)
				hi = linesAfter(data, cands[i].end, q.withinLines, hi)
			}
			cands = e.matchWindow(cands, qi, data, window{lo, hi}, sc)
		}
	}
	return cands
}

// linesBefore returns the start of the line n lines above the one holding
// data[i], or floor if that is further.
func linesBefore(data []byte, i, n, floor int) int {
	for {
		j := bytes.LastIndexByte(data[floor:i], '\n')
		if j < 0 {
			return floor
		}
		i = floor + j
		if n == 0 {
			return i + 1
		}
		n--
	}
}

// linesAfter returns the end of the line n lines below the one holding
// data[i-1], or ceiling if that is further.
func linesAfter(data []byte, i, n, ceiling int) int {
	for {
		j := bytes.IndexByte(data[i:ceiling], '\n')
		if j < 0 {
			return ceiling
		}
		i += j
		if n == 0 {
			return i
		}
		i++
		n--
	}
}

// pair folds companions into the findings they complete: for each rule with
// companions, the nearest match of each companion rule within reach becomes
// a part of its finding instead of a finding of its own.
func (e *Engine) pair(cands []candidate, data []byte) []candidate {
	absorbed := make([]bool, len(cands))
	for i := range cands {
		c := &cands[i]
		for _, q := range e.rules[c.rule].companions {
			qi, best, bestDist := e.byID[q.id], -1, 0
			for j, o := range cands {
				if o.rule != qi || absorbed[j] || j == i || !within(data, *c, o, q) {
					continue
				}
				if d := abs(o.start - c.start); best < 0 || d < bestDist {
					best, bestDist = j, d
				}
			}
			if best < 0 {
				continue
			}
			absorbed[best] = true
			if c.parts == nil {
				c.parts = map[string]string{}
			}
			c.parts[q.id] = cands[best].secret
			// What was learned about the part (the account a key ID
			// belongs to) describes the credential too.
			for k, v := range cands[best].details {
				if _, ok := c.details[k]; !ok {
					if c.details == nil {
						c.details = map[string]string{}
					}
					c.details[k] = v
				}
			}
		}
	}
	out := cands[:0]
	for i, c := range cands {
		if !absorbed[i] {
			out = append(out, c)
		}
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// outranked reports whether a rule of higher priority matched a secret
// overlapping candidate i's.
func (e *Engine) outranked(cands []candidate, i int) bool {
	c := cands[i]
	p := e.rules[c.rule].priority
	for j, o := range cands {
		if j != i && e.rules[o.rule].priority > p && o.secStart < c.secEnd && c.secStart < o.secEnd {
			return true
		}
	}
	return false
}

func (e *Engine) requiredMet(cands []candidate, c candidate, data []byte) bool {
	r := e.rules[c.rule]
	for _, q := range r.required {
		qi := e.byID[q.id]
		found := false
		for _, o := range cands {
			if o.rule == qi && within(data, c, o, q) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func within(data []byte, a, b candidate, q required) bool {
	if q.withinLines >= 0 {
		lo, hi := min(a.start, b.start), max(a.start, b.start)
		if bytes.Count(data[lo:hi], []byte{'\n'}) > q.withinLines {
			return false
		}
	}
	if q.withinColumns >= 0 {
		ca, cb := a.start-lineStart(data, a.start), b.start-lineStart(data, b.start)
		if ca-cb > q.withinColumns || cb-ca > q.withinColumns {
			return false
		}
	}
	return true
}

// maxLineContext bounds how far the engine looks for a line's start or end
// when it needs a match's line (line allowlists, inline directives): a
// 200 MB minified line must not make every match cost 200 MB.
const maxLineContext = 4096

// lineStart returns the start of the line holding data[i], or i minus
// maxLineContext if the line starts before that.
func lineStart(data []byte, i int) int {
	lo := max(0, i-maxLineContext)
	if j := bytes.LastIndexByte(data[lo:i], '\n'); j >= 0 {
		return lo + j + 1
	}
	return lo
}

// lineEnd returns the end of the line holding data[i] (its newline's
// index), or i plus maxLineContext if the line ends after that.
func lineEnd(data []byte, i int) int {
	hi := min(len(data), i+maxLineContext)
	if j := bytes.IndexByte(data[i:hi], '\n'); j >= 0 {
		return i + j
	}
	return hi
}

// lineAt returns the lines a match spans, as allowlists of target "line"
// see them: at most maxAllowLine bytes on each side of the match, so that
// a minified line dense with candidates costs each of them a bounded look.
func lineAt(data []byte, start, end int) []byte {
	lo, hi := max(lineStart(data, start), start-maxAllowLine), min(lineEnd(data, end), end+maxAllowLine)
	return data[lo:hi]
}

// maxAllowLine bounds the line an allowlist sees on each side of a match.
const maxAllowLine = 512

// ScanPath reports the rules that match a file by its path alone (a
// keystore, say), whatever its content.
func (e *Engine) ScanPath(loc finding.Location) []finding.Finding {
	var out []finding.Finding
	place := loc.FingerprintKey()
	for _, ri := range e.pathOnly {
		r := e.rules[ri]
		if !r.path.MatchString(place) || r.skipReport {
			continue
		}
		if e.allowed(r, "", nil, nil, loc) {
			continue
		}
		f := finding.Finding{
			RuleID:     r.meta.ID,
			Severity:   r.meta.Severity,
			Confidence: r.meta.Confidence,
			Message:    r.meta.Title,
			Location:   loc,
			Tags:       r.meta.Tags,
		}
		f.Fingerprint = e.hasher.Fingerprint(&f)
		applyContext(&f, ClassifyPath(place))
		out = append(out, f)
	}
	return out
}

// keywordBlock is how much content is lower-cased and searched for
// keywords at a time: it bounds the memory the hits of one search take,
// however dense they are.
const keywordBlock = 64 << 10

// eachKeywordHit calls fn for every occurrence of every keyword in data,
// matched case-insensitively on a pooled lower-cased copy, block by block.
func (e *Engine) eachKeywordHit(data []byte, fn func(start, end, pattern int)) {
	low, _ := e.lower.Get().(*[]byte)
	if low == nil {
		low = new([]byte)
	}
	defer e.lower.Put(low)
	for start := 0; start < len(data); start += keywordBlock {
		// A block reads maxKeyword-1 bytes past its end so that a keyword
		// starting in it is whole; hits starting past its end are the next
		// block's.
		end := min(start+keywordBlock, len(data))
		*low = asciiLower((*low)[:0], data[start:min(end+e.maxKeyword-1, len(data))])
		for _, m := range e.ac.FindAllOverlapping(*low) {
			if start+m.Start < end {
				fn(start+m.Start, start+m.End, m.PatternID)
			}
		}
	}
}

// asciiLower appends src to dst with ASCII letters lower-cased: keywords
// match case-insensitively. It works on eight bytes at a time (it runs
// over every byte scanned): in each byte with the high bit clear, adding
// 0x80-'A' sets the high bit from 'A' up and adding 0x80-'Z'-1 from past
// 'Z', so their difference marks the upper-case letters, whose 0x20 bit is
// then set. No byte's sum carries into the next.
func asciiLower(dst, src []byte) []byte {
	const ones = 0x0101010101010101
	n := len(dst)
	dst = slices.Grow(dst, len(src))[:n+len(src)]
	out := dst[n:]
	i := 0
	for ; i+8 <= len(src); i += 8 {
		x := binary.LittleEndian.Uint64(src[i:])
		t := x &^ (0x80 * ones)
		upper := ((t + (0x80-'A')*ones) ^ (t + (0x80-'Z'-1)*ones)) &^ x & (0x80 * ones)
		binary.LittleEndian.PutUint64(out[i:], x|upper>>2)
	}
	for ; i < len(src); i++ {
		c := src[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return dst
}

// midWord reports whether data[i] continues a word rather than starting
// one: a letter after a letter, but for a camelCase boundary (a capital
// after a lower-case letter, as in myAcmeKey) and a JVM system property
// (-Dacme.key=…).
func midWord(data []byte, i int) bool {
	if i == 0 || !isLetter(data[i]) || !isLetter(data[i-1]) {
		return false
	}
	if i >= 2 && data[i-1] == 'D' && data[i-2] == '-' {
		return false
	}
	camel := 'a' <= data[i-1] && data[i-1] <= 'z' && 'A' <= data[i] && data[i] <= 'Z'
	return !camel
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
