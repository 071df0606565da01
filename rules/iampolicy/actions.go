package iampolicy

import (
	_ "embed"
	"strings"
)

// actionsText is the generated catalog: one "service:Action" per line.
//
//go:embed actions.txt
var actionsText string

// catalog holds the IAM actions keysweep knows, by lower-case service
// prefix. It is read-only once built.
type catalog struct {
	byService map[string][]string // canonical names
	lower     map[string][]string // the same, lower-cased
	all       []string
	allLower  []string
}

func newCatalog() *catalog {
	c := &catalog{byService: map[string][]string{}, lower: map[string][]string{}}
	for line := range strings.SplitSeq(actionsText, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		svc, _, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		svc = strings.ToLower(svc)
		c.byService[svc] = append(c.byService[svc], line)
		c.lower[svc] = append(c.lower[svc], strings.ToLower(line))
		c.all = append(c.all, line)
		c.allLower = append(c.allLower, strings.ToLower(line))
	}
	return c
}

// expand returns the catalog actions an action pattern matches
// (case-insensitively, * and ? as wildcards). A pattern for a service the
// catalog does not cover matches nothing here.
func (c *catalog) expand(pattern string) []string {
	svc, _, ok := strings.Cut(pattern, ":")
	var pool []string
	switch {
	case pattern == "*":
		return c.all
	case ok && !strings.ContainsAny(svc, "*?"):
		pool = c.byService[strings.ToLower(svc)]
	default:
		pool = c.all
	}
	var out []string
	for _, a := range pool {
		if matchAction(pattern, a) {
			out = append(out, a)
		}
	}
	return out
}

// coversService reports whether pattern matches every catalog action of
// service (a service wildcard such as "kms:*" or "KMS:*").
func (c *catalog) coversService(pattern, service string) bool {
	return coversEvery(strings.ToLower(pattern), c.lower[service])
}

// coversAll reports whether pattern matches every catalog action.
func (c *catalog) coversAll(pattern string) bool {
	svc, _, _ := strings.Cut(pattern, ":")
	if !strings.ContainsAny(svc, "*?") {
		return false // one service's actions at most
	}
	return coversEvery(strings.ToLower(pattern), c.allLower)
}

func coversEvery(lowerPattern string, actions []string) bool {
	if len(actions) == 0 {
		return false
	}
	for _, a := range actions {
		if !glob(lowerPattern, a) {
			return false
		}
	}
	return true
}

// matchAction matches an IAM action pattern against an action name, as
// IAM does: case-insensitively, with * (any run) and ? (any one
// character).
func matchAction(pattern, action string) bool {
	return glob(strings.ToLower(pattern), strings.ToLower(action))
}

// glob matches s against a pattern of literal bytes, * and ?, in time
// linear in len(pattern)*len(s) at worst.
func glob(pattern, s string) bool {
	p, i := 0, 0
	star, mark := -1, 0
	for i < len(s) {
		switch {
		case p < len(pattern) && (pattern[p] == '?' || pattern[p] == s[i]):
			p++
			i++
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, i
			p++
		case star >= 0:
			p = star + 1
			mark++
			i = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
