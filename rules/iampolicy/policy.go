package iampolicy

import (
	"fmt"
	"strings"
)

// policy is a parsed IAM policy document.
type policy struct {
	statements []*statement
}

// values is one of a statement's list elements (Action, Resource, ...):
// the literal strings, and descriptions of the values that could not be
// resolved statically.
type values struct {
	present bool
	vals    []string
	unknown []string
	// partial are the unknown values that are partly literal, with
	// unresolvedPart for what is not (see node.partial).
	partial []string
	line    int
	col     int
}

// principal is a Principal or NotPrincipal element.
type principal struct {
	present bool
	star    bool                // "*"
	byType  map[string][]string // "AWS", "Service", "Federated", ...
	unknown []string
	line    int
	col     int
}

// condition is one condition key under one operator.
type condition struct {
	op, key string
	vals    []string
}

// statement is one statement of a policy.
type statement struct {
	index     int // 1-based
	sid       string
	effect    string // "Allow", "Deny", or "" when unknown
	action    values
	notAction values
	resource  values
	notRes    values
	principal principal
	notPrinc  principal
	conds     []condition
	condUnk   []string // unresolved parts of the Condition element
	line, col int
}

// name says which statement this is, for messages: its Sid, else its
// position.
func (s *statement) name() string {
	if s.sid != "" {
		return fmt.Sprintf("statement %q", s.sid)
	}
	return fmt.Sprintf("statement #%d", s.index)
}

// unknowns lists what the statement holds that could not be resolved.
func (s *statement) unknowns() []string {
	var out []string
	for _, v := range []values{s.action, s.notAction, s.resource, s.notRes} {
		out = append(out, v.unknown...)
	}
	out = append(out, s.principal.unknown...)
	out = append(out, s.notPrinc.unknown...)
	return append(out, s.condUnk...)
}

// parsePolicy reads a policy document from its node form. A document
// without a Statement, or one of the wrong shape, is an error naming the
// line.
func parsePolicy(doc *node) (*policy, error) {
	if doc == nil {
		return nil, &posError{1, "empty policy document"}
	}
	if doc.kind != kindObject {
		return nil, &posError{doc.line, "policy document is not an object"}
	}
	st := doc.get("Statement")
	if st == nil {
		return nil, &posError{doc.line, "policy document has no Statement"}
	}
	p := &policy{}
	if st.kind == kindUnknown {
		return p, nil
	}
	for i, sn := range st.list() {
		if sn.kind == kindUnknown {
			continue
		}
		if sn.kind != kindObject {
			return nil, &posError{sn.line, fmt.Sprintf("statement #%d is not an object", i+1)}
		}
		s, err := parseStatement(sn, i+1)
		if err != nil {
			return nil, err
		}
		p.statements = append(p.statements, s)
	}
	return p, nil
}

func parseStatement(n *node, index int) (*statement, error) {
	s := &statement{index: index, line: n.line, col: n.col}
	if sid, ok := n.get("Sid").text(); ok {
		s.sid = sid
	}
	if e := n.get("Effect"); e != nil {
		switch t, _ := e.text(); {
		case strings.EqualFold(t, "Allow"):
			s.effect = "Allow"
		case strings.EqualFold(t, "Deny"):
			s.effect = "Deny"
		case e.kind == kindUnknown:
		default:
			return nil, &posError{e.line, fmt.Sprintf("statement #%d: Effect must be Allow or Deny", index)}
		}
	} else {
		return nil, &posError{n.line, fmt.Sprintf("statement #%d has no Effect", index)}
	}
	var err error
	for _, el := range []struct {
		key string
		dst *values
	}{
		{"Action", &s.action}, {"NotAction", &s.notAction},
		{"Resource", &s.resource}, {"NotResource", &s.notRes},
	} {
		if *el.dst, err = parseValues(n, el.key); err != nil {
			return nil, err
		}
	}
	if s.action.present == s.notAction.present && s.effect != "" {
		return nil, &posError{n.line, fmt.Sprintf("statement #%d needs exactly one of Action and NotAction", index)}
	}
	if s.principal, err = parsePrincipal(n, "Principal"); err != nil {
		return nil, err
	}
	if s.notPrinc, err = parsePrincipal(n, "NotPrincipal"); err != nil {
		return nil, err
	}
	if c := n.get("Condition"); c != nil {
		s.conds, s.condUnk = parseConditions(c)
	}
	return s, nil
}

func parseValues(st *node, key string) (values, error) {
	n := st.get(key)
	if n == nil {
		return values{}, nil
	}
	v := values{present: true, line: n.line, col: n.col}
	if k := st.keyNode(key); k != nil {
		v.line, v.col = k.line, k.col
	}
	if n.kind == kindUnknown {
		v.unknown = append(v.unknown, n.describe())
		if n.partial != "" {
			v.partial = append(v.partial, n.partial)
		}
		return v, nil
	}
	if n.kind != kindArray && n.kind != kindString {
		return v, &posError{n.line, fmt.Sprintf("%s must be a string or a list of strings", key)}
	}
	for _, it := range n.list() {
		switch it.kind {
		case kindString:
			v.vals = append(v.vals, it.str)
		case kindUnknown:
			v.unknown = append(v.unknown, it.describe())
			if it.partial != "" {
				v.partial = append(v.partial, it.partial)
			}
		default:
			return v, &posError{it.line, fmt.Sprintf("%s must be a string or a list of strings", key)}
		}
	}
	return v, nil
}

func parsePrincipal(st *node, key string) (principal, error) {
	n := st.get(key)
	if n == nil {
		return principal{}, nil
	}
	p := principal{present: true, line: n.line, col: n.col, byType: map[string][]string{}}
	if k := st.keyNode(key); k != nil {
		p.line, p.col = k.line, k.col
	}
	switch n.kind {
	case kindUnknown:
		p.unknown = append(p.unknown, n.describe())
	case kindString:
		if n.str != "*" {
			return p, &posError{n.line, fmt.Sprintf(`%s must be "*" or an object`, key)}
		}
		p.star = true
	case kindObject:
		for i, k := range n.keys {
			for _, it := range n.vals[i].list() {
				switch it.kind {
				case kindString:
					p.byType[k.str] = append(p.byType[k.str], it.str)
					if k.str == "AWS" && it.str == "*" {
						p.star = true
					}
				case kindUnknown:
					p.unknown = append(p.unknown, it.describe())
				}
			}
		}
	default:
		return p, &posError{n.line, fmt.Sprintf("%s must be a string or an object", key)}
	}
	return p, nil
}

func parseConditions(n *node) ([]condition, []string) {
	if n.kind == kindUnknown {
		return nil, []string{n.describe()}
	}
	var out []condition
	var unk []string
	for i, op := range n.keys {
		body := n.vals[i]
		if body.kind == kindUnknown {
			unk = append(unk, body.describe())
			continue
		}
		for j, key := range body.keys {
			c := condition{op: op.str, key: key.str}
			for _, v := range body.vals[j].list() {
				if t, ok := v.text(); ok {
					c.vals = append(c.vals, t)
				} else if v.kind == kindUnknown {
					c.vals = append(c.vals, "?")
				}
			}
			out = append(out, c)
		}
	}
	return out, unk
}
