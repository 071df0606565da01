package iampolicy

import "strings"

// kind is the type of a value in a parsed document.
type kind uint8

const (
	kindNull kind = iota
	kindBool
	kindNumber
	kindString
	kindArray
	kindObject
	// kindUnknown is a value that cannot be known without running
	// something (a Terraform variable, a CloudFormation parameter): it is
	// never guessed. Its str describes the expression.
	kindUnknown
)

// node is a value of a JSON, YAML or HCL document with its position, the
// common form every reader produces and the policy parser consumes.
type node struct {
	kind kind
	str  string // string, number and bool text; an unknown's description
	// partial is, for an unknown string built from literal text and
	// unresolved parts (an ARN with ${var.region} in it), the text with
	// each unresolved part as unresolvedPart.
	partial string
	items   []*node
	keys    []*node // object keys, as string nodes with their positions
	vals    []*node
	line    int
	col     int
}

// unresolvedPart stands for an unresolved part of a partially known
// string: a byte no ARN or pattern holds, so it matches nothing but
// itself.
const unresolvedPart = "\x00"

// get returns the value of an object's key, or nil.
func (n *node) get(key string) *node {
	if n == nil || n.kind != kindObject {
		return nil
	}
	for i, k := range n.keys {
		if k.str == key {
			return n.vals[i]
		}
	}
	return nil
}

// keyNode returns the key node of an object's key, or nil.
func (n *node) keyNode(key string) *node {
	if n == nil || n.kind != kindObject {
		return nil
	}
	for _, k := range n.keys {
		if k.str == key {
			return k
		}
	}
	return nil
}

// path follows object keys.
func (n *node) path(keys ...string) *node {
	for _, k := range keys {
		n = n.get(k)
	}
	return n
}

// list returns an array's items, or the node itself as a one-item list.
func (n *node) list() []*node {
	switch {
	case n == nil:
		return nil
	case n.kind == kindArray:
		return n.items
	default:
		return []*node{n}
	}
}

// text returns a string, number or bool's text, and whether it is one.
func (n *node) text() (string, bool) {
	if n == nil {
		return "", false
	}
	switch n.kind {
	case kindString, kindNumber, kindBool:
		return n.str, true
	}
	return "", false
}

// describe says what an unknown node is, for messages: the reference it
// is (var.arns, Ref SecretArn), or "an expression" for anything longer or
// holding literals, which could be a secret (an sts:ExternalId value).
func (n *node) describe() string {
	if n == nil {
		return ""
	}
	s := strings.TrimSpace(n.str)
	if len(s) > 60 || strings.ContainsAny(s, "\"'=\n{}()") && !strings.HasPrefix(s, "${") || strings.Count(s, "${") > 1 {
		return "an expression"
	}
	return s
}
