package rules

import (
	"bytes"
	"math"
	"regexp"
	"strings"
)

// shannon returns the Shannon entropy of s in bits per byte.
func shannon(s string) float64 {
	if s == "" {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	n := float64(len(s))
	var h float64
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}

// lineCounter turns byte offsets into 1-based lines and columns, counting
// from the last offset asked for: asked in nearly increasing order, it is
// linear in the data.
type lineCounter struct {
	data      []byte
	line0     int // line of data[0]
	col0      int // column of data[0]
	pos       int // offsets below pos are counted
	line      int // line at pos
	lineStart int // offset of the start of the line at pos, or -1 if before data
}

func newLineCounter(data []byte, line, col int) *lineCounter {
	if line <= 0 {
		line = 1
	}
	if col <= 0 {
		col = 1
	}
	return &lineCounter{data: data, line0: line, col0: col, line: line, lineStart: -1}
}

func (lc *lineCounter) at(off int) (line, col int) {
	if off >= lc.pos {
		seg := lc.data[lc.pos:off]
		if n := bytes.Count(seg, []byte{'\n'}); n > 0 {
			lc.line += n
			lc.lineStart = lc.pos + bytes.LastIndexByte(seg, '\n') + 1
		}
	} else if n := bytes.Count(lc.data[off:lc.pos], []byte{'\n'}); n > 0 {
		// Back across line breaks: find the start of off's line again.
		lc.line -= n
		lc.lineStart = bytes.LastIndexByte(lc.data[:off], '\n')
		if lc.lineStart >= 0 {
			lc.lineStart++
		}
	}
	lc.pos = off
	if lc.lineStart < 0 {
		return lc.line, lc.col0 + off
	}
	return lc.line, off - lc.lineStart + 1
}

// Inline suppression directives. keysweep's own needs a reason; the others
// are honoured as their tools define them so that teams can migrate.
var (
	allowDirective   = regexp.MustCompile(`keysweep:allow\b[ \t:=-]*([^\r\n]*)`)
	foreignSameLine  = []string{"gitleaks:allow", "trufflehog:ignore", "pragma: allowlist secret"}
	foreignLineAbove = "pragma: allowlist nextline secret"
)

// suppression reports whether an inline directive on the match's lines or
// the line above suppresses it. A keysweep:allow without a reason does not,
// and note says so.
func suppression(data []byte, start, end int) (suppressed bool, note string) {
	ls := lineStart(data, start)
	same := data[ls:lineEnd(data, end)]
	var above []byte
	if ls > 0 {
		above = data[lineStart(data, ls-1) : ls-1]
	}
	for _, d := range foreignSameLine {
		if bytes.Contains(same, []byte(d)) {
			return true, ""
		}
	}
	if bytes.Contains(above, []byte(foreignLineAbove)) {
		return true, ""
	}
	for _, l := range [][]byte{same, above} {
		m := allowDirective.FindSubmatch(l)
		if m == nil {
			continue
		}
		if reason := strings.TrimSpace(strings.Trim(string(m[1]), "*/#->\"' \t")); reason != "" {
			return true, ""
		}
		note = " (keysweep:allow ignored: it needs a reason)"
	}
	return false, note
}
