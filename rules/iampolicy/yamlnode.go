package iampolicy

import (
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// parseYAML parses a YAML document into nodes. CloudFormation's short-form
// intrinsic tags become their long forms: !Ref x is {"Ref": x}, !GetAtt
// a.b is {"Fn::GetAtt": ["a", "b"]}, !Sub s is {"Fn::Sub": s}, and so on.
func parseYAML(data []byte) (*node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil
	}
	c := &yamlConv{budget: maxYAMLNodes}
	return c.convert(doc.Content[0], 0)
}

// maxYAMLNodes bounds the nodes a document may expand to through aliases
// (a "billion laughs" document stays small as text).
const maxYAMLNodes = 1 << 20

// yamlConv converts yaml nodes, counting them against a budget.
type yamlConv struct {
	budget int
}

// yamlError turns yaml's "yaml: line N: msg" into a posError.
func yamlError(err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		err = errors.New(te.Errors[0])
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		_, rest, _ := strings.Cut(msg, ":")
		return &posError{line, strings.TrimSpace(rest)}
	}
	return &posError{1, msg}
}

func (c *yamlConv) convert(y *yaml.Node, depth int) (*node, error) {
	c.budget--
	if c.budget < 0 {
		return nil, &posError{y.Line, "document expands to too many nodes through aliases"}
	}
	if depth > maxDepth {
		return nil, &posError{y.Line, "nested too deeply"}
	}
	n := &node{line: y.Line, col: y.Column}
	switch y.Kind {
	case yaml.AliasNode:
		if y.Alias == nil {
			return nil, &posError{y.Line, "unknown alias"}
		}
		a, err := c.convert(y.Alias, depth+1)
		if err != nil {
			return nil, err
		}
		return a, nil
	case yaml.DocumentNode:
		if len(y.Content) == 0 {
			n.kind = kindNull
			return n, nil
		}
		return c.convert(y.Content[0], depth+1)
	case yaml.SequenceNode:
		n.kind = kindArray
		for _, child := range y.Content {
			it, err := c.convert(child, depth+1)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, it)
		}
	case yaml.MappingNode:
		n.kind = kindObject
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Tag == "!!merge" {
				continue // merge keys: rare in templates, not resolved
			}
			kn := &node{kind: kindString, str: k.Value, line: k.Line, col: k.Column}
			vn, err := c.convert(v, depth+1)
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, kn)
			n.vals = append(n.vals, vn)
		}
	case yaml.ScalarNode:
		n.str = y.Value
		switch y.ShortTag() {
		case "!!null":
			n.kind = kindNull
		case "!!bool":
			n.kind = kindBool
		case "!!int", "!!float":
			n.kind = kindNumber
		default:
			n.kind = kindString
			if y.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
				n.line++ // a block scalar's text starts on the next line
				n.col = 0
			}
		}
	}
	if tag := y.Tag; strings.HasPrefix(tag, "!") && !strings.HasPrefix(tag, "!!") {
		return shortForm(tag[1:], n), nil
	}
	return n, nil
}

// shortForm wraps v in the long form of a short-form intrinsic function.
func shortForm(name string, v *node) *node {
	fn := "Fn::" + name
	switch name {
	case "Ref", "Condition":
		fn = name
	case "GetAtt":
		if v.kind == kindString {
			a, b, _ := strings.Cut(v.str, ".")
			v = &node{kind: kindArray, line: v.line, col: v.col, items: []*node{
				{kind: kindString, str: a, line: v.line, col: v.col},
				{kind: kindString, str: b, line: v.line, col: v.col},
			}}
		}
	}
	return &node{kind: kindObject, line: v.line, col: v.col,
		keys: []*node{{kind: kindString, str: fn, line: v.line, col: v.col}},
		vals: []*node{v}}
}
