package rules

import (
	"regexp"
	"regexp/syntax"
	"sync"
)

// lazyRegexp is a regular expression checked when the catalog loads and
// compiled when a scan first needs it. Most of a thousand rules never run
// in a given scan (their keywords never appear), and compiling them all up
// front costs more time and memory than a pre-commit hook should spend.
// It is safe for concurrent use.
type lazyRegexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
}

// newLazyRegexp parses expr (as regexp.Compile does, so that a bad regex
// is an error at load, not at first use) and returns it uncompiled, with
// its parse for the caller to inspect.
func newLazyRegexp(expr string) (*lazyRegexp, *syntax.Regexp, error) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, nil, err
	}
	return &lazyRegexp{expr: expr}, re, nil
}

// get compiles the regexp on first use. A regex that parsed compiles (the
// standard library's compiler fails only where its parser does); should
// that ever change, the failure is a panic in a test of the catalog, not a
// rule that silently never matches.
func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.expr) })
	return l.re
}

// String returns the source text.
func (l *lazyRegexp) String() string { return l.expr }
