package iampolicy

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// tfPolicy is a policy document found in a Terraform file.
type tfPolicy struct {
	name string // resource address, for messages
	kind string // "" for identity policies, else a resource policy kind
	doc  *node  // nil when the document could not be resolved statically
	cols bool   // whether doc's columns are the file's
	err  error  // a document that is JSON text and does not parse
}

// tfEnv is one Lambda function's environment variable.
type tfEnv struct {
	function string
	name     string
	value    *node
}

// tfFile is what a Terraform file holds that the check analyses.
type tfFile struct {
	policies []tfPolicy
	env      []tfEnv
}

// resourcePolicyAttrs names the attributes that hold resource policies, by
// resource type, and the kind of each.
var resourcePolicyAttrs = map[string]map[string]string{
	"aws_secretsmanager_secret_policy": {"policy": KindSecret},
	"aws_secretsmanager_secret":        {"policy": KindSecret},
	"aws_kms_key":                      {"policy": KindKMSKey},
	"aws_kms_replica_key":              {"policy": KindKMSKey},
	"aws_iam_role":                     {"assume_role_policy": KindRoleTrust},
}

// identityPolicyTypes are the resource types whose policy attribute is an
// identity-based policy.
var identityPolicyTypes = map[string]bool{
	"aws_iam_policy": true, "aws_iam_role_policy": true,
	"aws_iam_user_policy": true, "aws_iam_group_policy": true,
}

// readTerraform parses a Terraform file. A syntax error names the line.
func readTerraform(content []byte, filename string) (*tfFile, error) {
	f, diags := hclsyntax.ParseConfig(content, filename, hcl.Pos{Line: 1, Column: 1})
	if diags.HasErrors() {
		return nil, diagError(diags)
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return nil, fmt.Errorf("%s: not native Terraform syntax", filename)
	}
	t := &tfReader{src: content}
	out := &tfFile{}
	// Which policy documents (data sources) are used as resource policies.
	docKinds := map[string]string{}
	for _, b := range body.Blocks {
		if b.Type != "resource" || len(b.Labels) != 2 {
			continue
		}
		for attr, kind := range resourcePolicyAttrs[b.Labels[0]] {
			if a, ok := b.Body.Attributes[attr]; ok {
				if ref := policyDocRef(a.Expr); ref != "" {
					docKinds[ref] = kind
				}
			}
		}
	}
	for _, b := range body.Blocks {
		if len(b.Labels) != 2 {
			continue
		}
		typ, name := b.Labels[0], b.Labels[1]
		addr := typ + "." + name
		switch {
		case b.Type == "data" && typ == "aws_iam_policy_document":
			addr = "data." + addr
			out.policies = append(out.policies, tfPolicy{name: addr, kind: docKinds[addr], doc: t.policyDocument(b.Body), cols: true})
		case b.Type != "resource":
		case identityPolicyTypes[typ]:
			if a, ok := b.Body.Attributes["policy"]; ok {
				out.policies = append(out.policies, t.policyAttr(addr, "", a))
			}
		case typ == "aws_lambda_function":
			out.env = append(out.env, t.lambdaEnv(addr, b.Body)...)
		}
		if b.Type != "resource" {
			continue
		}
		for attr, kind := range resourcePolicyAttrs[typ] {
			if a, ok := b.Body.Attributes[attr]; ok {
				out.policies = append(out.policies, t.policyAttr(addr, kind, a))
			}
		}
		if typ == "aws_iam_role" {
			for _, ib := range b.Body.Blocks {
				if a, ok := ib.Body.Attributes["policy"]; ok && ib.Type == "inline_policy" {
					pname := addr + " inline_policy"
					if n, ok := ib.Body.Attributes["name"]; ok {
						if s, ok := t.expr(n.Expr, 0).text(); ok {
							pname += " " + s
						}
					}
					out.policies = append(out.policies, t.policyAttr(pname, "", a))
				}
			}
		}
	}
	return out, nil
}

func diagError(diags hcl.Diagnostics) error {
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			if d.Subject != nil {
				return &posError{d.Subject.Start.Line, d.Summary}
			}
			return fmt.Errorf("%s", d.Summary)
		}
	}
	return diags
}

// policyDocRef returns "data.aws_iam_policy_document.NAME" when expr
// refers to such a document's json, else "".
func policyDocRef(expr hclsyntax.Expression) string {
	st, ok := expr.(*hclsyntax.ScopeTraversalExpr)
	if !ok || len(st.Traversal) < 3 || st.Traversal.RootName() != "data" {
		return ""
	}
	var names []string
	for _, tr := range st.Traversal[1:3] {
		a, ok := tr.(hcl.TraverseAttr)
		if !ok {
			return ""
		}
		names = append(names, a.Name)
	}
	if names[0] != "aws_iam_policy_document" {
		return ""
	}
	return "data.aws_iam_policy_document." + names[1]
}

type tfReader struct {
	src []byte
}

// policyAttr reads a policy held in an attribute: jsonencode(...), a
// heredoc or a string of JSON.
func (t *tfReader) policyAttr(name, kind string, a *hclsyntax.Attribute) tfPolicy {
	p := tfPolicy{name: name, kind: kind}
	n := t.expr(a.Expr, 0)
	switch n.kind {
	case kindObject:
		p.doc, p.cols = n, true
	case kindString:
		if !strings.HasPrefix(strings.TrimSpace(n.str), "{") {
			break // a reference such as data.aws_iam_policy_document.x.json
		}
		line := a.Expr.Range().Start.Line
		heredoc := false
		if te, ok := a.Expr.(*hclsyntax.TemplateExpr); ok && len(te.Parts) > 0 {
			line = te.Parts[0].Range().Start.Line
			heredoc = line > a.Expr.Range().Start.Line
		}
		doc, err := parseJSON([]byte(n.str), line)
		switch {
		case err != nil && strings.Contains(n.str, unknownMark):
			// An interpolation outside a JSON string: not resolvable.
		case err != nil:
			p.err = fmt.Errorf("%s: %w", name, err)
		default:
			if !heredoc {
				setLines(doc, a.Expr.Range().Start.Line)
			}
			p.doc = markUnknown(doc, n.items)
		}
	}
	return p
}

// unknownMark stands for an interpolation that cannot be resolved, in
// JSON text built from a template; the parsed strings holding it become
// unknown nodes.
const unknownMark = "__keysweep_unresolved_"

var unknownMarkRe = regexp.MustCompile(unknownMark + `\d+_`)

// markUnknown turns strings of doc that hold unknownMark into unknown
// nodes described by the expressions in exprs.
func markUnknown(doc *node, exprs []*node) *node {
	if doc == nil {
		return nil
	}
	if doc.kind == kindString && strings.Contains(doc.str, unknownMark) {
		var descs []string
		for i, e := range exprs {
			if strings.Contains(doc.str, fmt.Sprintf("%s%d_", unknownMark, i)) {
				descs = append(descs, e.str)
			}
		}
		return &node{kind: kindUnknown, str: strings.Join(descs, ", "), line: doc.line, col: doc.col,
			partial: unknownMarkRe.ReplaceAllString(doc.str, unresolvedPart)}
	}
	for i, it := range doc.items {
		doc.items[i] = markUnknown(it, exprs)
	}
	for i, v := range doc.vals {
		doc.vals[i] = markUnknown(v, exprs)
	}
	return doc
}

// setLines puts every node of doc on one line, for JSON text whose own
// lines are not the file's (a quoted string with \n escapes, a URL-encoded
// document).
func setLines(doc *node, line int) {
	if doc == nil {
		return
	}
	doc.line, doc.col = line, 0
	for _, it := range doc.items {
		setLines(it, line)
	}
	for i := range doc.keys {
		setLines(doc.keys[i], line)
		setLines(doc.vals[i], line)
	}
}

// text returns the source text of a range.
func (t *tfReader) text(r hcl.Range) string {
	if r.Start.Byte < 0 || r.End.Byte > len(t.src) || r.Start.Byte > r.End.Byte {
		return "expression"
	}
	return strings.Join(strings.Fields(string(t.src[r.Start.Byte:r.End.Byte])), " ")
}

// expr converts an expression to a node, resolving only what is static.
// For a template with unresolvable parts, the node is a string holding
// unknownMark placeholders, and items holds the unknown parts in order.
func (t *tfReader) expr(e hclsyntax.Expression, depth int) *node {
	r := e.Range()
	n := &node{line: r.Start.Line, col: r.Start.Column}
	if depth > maxDepth {
		n.kind, n.str = kindUnknown, "expression nested too deeply"
		return n
	}
	switch x := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		return literal(x.Val, n)
	case *hclsyntax.ParenthesesExpr:
		return t.expr(x.Expression, depth+1)
	case *hclsyntax.TemplateWrapExpr:
		return t.expr(x.Wrapped, depth+1)
	case *hclsyntax.TemplateExpr:
		var sb strings.Builder
		n.kind = kindString
		for _, part := range x.Parts {
			pn := t.expr(part, depth+1)
			if s, ok := pn.text(); ok {
				sb.WriteString(s)
				continue
			}
			fmt.Fprintf(&sb, "%s%d_", unknownMark, len(n.items))
			n.items = append(n.items, &node{kind: kindUnknown, str: "${" + t.text(part.Range()) + "}"})
		}
		n.str = sb.String()
		if len(n.items) > 0 && !strings.HasPrefix(strings.TrimSpace(n.str), "{") {
			// Not JSON text: a value such as "arn:...:${var.x}".
			n.partial = unknownMarkRe.ReplaceAllString(n.str, unresolvedPart)
			n.kind, n.str, n.items = kindUnknown, t.text(r), nil
		}
		return n
	case *hclsyntax.TupleConsExpr:
		n.kind = kindArray
		for _, it := range x.Exprs {
			n.items = append(n.items, t.expr(it, depth+1))
		}
		return n
	case *hclsyntax.ObjectConsExpr:
		n.kind = kindObject
		for _, it := range x.Items {
			k := t.objectKey(it.KeyExpr, depth)
			if k.kind != kindString {
				n.kind, n.str, n.keys, n.vals = kindUnknown, t.text(r), nil, nil
				return n
			}
			n.keys = append(n.keys, k)
			n.vals = append(n.vals, t.expr(it.ValueExpr, depth+1))
		}
		return n
	case *hclsyntax.FunctionCallExpr:
		if x.Name == "jsonencode" && len(x.Args) == 1 && !x.ExpandFinal {
			return t.expr(x.Args[0], depth+1)
		}
	case *hclsyntax.ScopeTraversalExpr:
		switch x.Traversal.RootName() {
		case "var", "local", "module", "each", "count", "path", "terraform", "self":
		default:
			// A resource's or data source's attribute: one specific value
			// (an ARN, an account ID), never a wildcard.
			n.kind, n.str = kindString, "${"+t.text(r)+"}"
			return n
		}
	}
	n.kind, n.str = kindUnknown, t.text(r)
	return n
}

func (t *tfReader) objectKey(e hclsyntax.Expression, depth int) *node {
	if k, ok := e.(*hclsyntax.ObjectConsKeyExpr); ok {
		if !k.ForceNonLiteral {
			if name := hcl.ExprAsKeyword(k.Wrapped); name != "" {
				r := k.Range()
				return &node{kind: kindString, str: name, line: r.Start.Line, col: r.Start.Column}
			}
		}
		return t.expr(k.Wrapped, depth+1)
	}
	return t.expr(e, depth+1)
}

func literal(v cty.Value, n *node) *node {
	switch {
	case v.IsNull():
		n.kind = kindNull
	case !v.IsKnown():
		n.kind, n.str = kindUnknown, "unknown value"
	case v.Type() == cty.String:
		n.kind, n.str = kindString, v.AsString()
	case v.Type() == cty.Number:
		n.kind, n.str = kindNumber, v.AsBigFloat().Text('g', -1)
	case v.Type() == cty.Bool:
		n.kind, n.str = kindBool, fmt.Sprint(v.True())
	default:
		n.kind, n.str = kindUnknown, "value of type "+v.Type().FriendlyName()
	}
	return n
}

// policyDocument builds the policy document of an aws_iam_policy_document
// data source in node form, with the file's positions.
func (t *tfReader) policyDocument(b *hclsyntax.Body) *node {
	doc := &node{kind: kindObject, line: b.SrcRange.Start.Line, col: b.SrcRange.Start.Column}
	stmts := &node{kind: kindArray, line: doc.line}
	for _, sb := range b.Blocks {
		switch sb.Type {
		case "statement":
			stmts.items = append(stmts.items, t.statementBlock(sb))
		case "dynamic":
			r := sb.DefRange()
			stmts.items = append(stmts.items, &node{kind: kindUnknown, str: "dynamic block", line: r.Start.Line})
		}
	}
	doc.keys = append(doc.keys, &node{kind: kindString, str: "Statement", line: doc.line})
	doc.vals = append(doc.vals, stmts)
	return doc
}

func (t *tfReader) statementBlock(b *hclsyntax.Block) *node {
	r := b.DefRange()
	st := &node{kind: kindObject, line: r.Start.Line, col: r.Start.Column}
	add := func(key string, line, col int, v *node) {
		st.keys = append(st.keys, &node{kind: kindString, str: key, line: line, col: col})
		st.vals = append(st.vals, v)
	}
	effect := &node{kind: kindString, str: "Allow", line: st.line, col: st.col}
	for name, key := range map[string]string{
		"sid": "Sid", "effect": "Effect", "actions": "Action", "not_actions": "NotAction",
		"resources": "Resource", "not_resources": "NotResource",
	} {
		a, ok := b.Body.Attributes[name]
		if !ok {
			continue
		}
		v := t.expr(a.Expr, 0)
		if key == "Effect" {
			effect = v
			continue
		}
		add(key, a.NameRange.Start.Line, a.NameRange.Start.Column, v)
	}
	add("Effect", effect.line, effect.col, effect)
	for _, kind := range []struct{ block, key string }{{"principals", "Principal"}, {"not_principals", "NotPrincipal"}} {
		p := &node{kind: kindObject}
		for _, pb := range b.Body.Blocks {
			if pb.Type != kind.block {
				continue
			}
			if p.line == 0 {
				r := pb.DefRange()
				p.line, p.col = r.Start.Line, r.Start.Column
			}
			typ, ids := t.attrNode(pb, "type"), t.attrNode(pb, "identifiers")
			typName, ok := typ.text()
			if !ok {
				p = &node{kind: kindUnknown, str: "principals type " + typ.describe(), line: p.line, col: p.col}
				break
			}
			if typName == "*" {
				typName = "AWS" // type "*" with identifiers ["*"] is Principal "*"
			}
			p.keys = append(p.keys, &node{kind: kindString, str: typName, line: typ.line})
			p.vals = append(p.vals, ids)
		}
		if p.line != 0 {
			add(kind.key, p.line, p.col, p)
		}
	}
	cond := &node{kind: kindObject}
	for _, cb := range b.Body.Blocks {
		if cb.Type != "condition" {
			continue
		}
		if cond.line == 0 {
			r := cb.DefRange()
			cond.line, cond.col = r.Start.Line, r.Start.Column
		}
		test, variable := t.attrNode(cb, "test"), t.attrNode(cb, "variable")
		op, ok1 := test.text()
		key, ok2 := variable.text()
		if !ok1 || !ok2 {
			cond.keys = append(cond.keys, &node{kind: kindString, str: "?"})
			cond.vals = append(cond.vals, &node{kind: kindUnknown, str: "condition " + test.describe() + " " + variable.describe()})
			continue
		}
		body := cond.get(op)
		if body == nil {
			body = &node{kind: kindObject}
			cond.keys = append(cond.keys, &node{kind: kindString, str: op})
			cond.vals = append(cond.vals, body)
		}
		body.keys = append(body.keys, &node{kind: kindString, str: key})
		body.vals = append(body.vals, t.attrNode(cb, "values"))
	}
	if cond.line != 0 {
		add("Condition", cond.line, cond.col, cond)
	}
	return st
}

func (t *tfReader) attrNode(b *hclsyntax.Block, name string) *node {
	a, ok := b.Body.Attributes[name]
	if !ok {
		r := b.DefRange()
		return &node{kind: kindUnknown, str: "missing " + name, line: r.Start.Line}
	}
	return t.expr(a.Expr, 0)
}

// lambdaEnv returns the environment variables of an aws_lambda_function.
func (t *tfReader) lambdaEnv(addr string, b *hclsyntax.Body) []tfEnv {
	var out []tfEnv
	for _, eb := range b.Blocks {
		if eb.Type != "environment" {
			continue
		}
		a, ok := eb.Body.Attributes["variables"]
		if !ok {
			continue
		}
		vars := t.expr(a.Expr, 0)
		for i, k := range vars.keys {
			out = append(out, tfEnv{function: addr, name: k.str, value: vars.vals[i]})
		}
	}
	return out
}
