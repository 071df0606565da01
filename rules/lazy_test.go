package rules

import (
	"strings"
	"testing"
)

// TestLazyRegexpsCompile compiles every regex of the catalog that loading
// only parsed: none may fail (and panic) at first use in a scan.
func TestLazyRegexpsCompile(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	compile := func(l *lazyRegexp) {
		if l != nil {
			l.get()
			n++
		}
	}
	for _, r := range e.rules {
		compile(r.re)
		compile(r.anchor.re)
		compile(r.anchor.midLine)
		for _, a := range r.allowlists {
			for _, re := range a.regexes {
				compile(re)
			}
		}
	}
	for _, a := range e.global {
		for _, re := range a.regexes {
			compile(re)
		}
	}
	if n < len(e.rules) {
		t.Errorf("compiled %d regexes for %d rules", n, len(e.rules))
	}
}

func TestLazyRegexpBadRegexIsALoadError(t *testing.T) {
	_, err := compileRule("bad.toml", RuleSpec{ID: "bad", Regex: `key=(unclosed`})
	if err == nil || !strings.Contains(err.Error(), "missing closing )") {
		t.Errorf("err = %v", err)
	}
	_, err = compileRule("bad.toml", RuleSpec{ID: "bad", Regex: `key=(x)`, SecretGroup: 2})
	if err == nil || !strings.Contains(err.Error(), "secretGroup 2, but the regex has 1 groups") {
		t.Errorf("err = %v", err)
	}
}
