package iampolicy

import (
	"regexp"
	"strings"
)

// cfnPolicy is a policy document found in a CloudFormation template.
type cfnPolicy struct {
	name string // logical ID (and policy name), for messages
	kind string // "" for identity policies, else a resource policy kind
	doc  *node  // resolved; strings of JSON are parsed
	cols bool
	err  error
}

// cfnEnv is one Lambda function's environment variable.
type cfnEnv struct {
	function string
	name     string
	value    *node
}

// cfnTemplate is what a template holds that the check analyses.
type cfnTemplate struct {
	policies []cfnPolicy
	env      []cfnEnv
}

// isTemplate reports whether a document is a CloudFormation or SAM
// template: AWSTemplateFormatVersion, or Resources of AWS:: types.
func isTemplate(doc *node) bool {
	if doc == nil || doc.kind != kindObject {
		return false
	}
	if doc.get("AWSTemplateFormatVersion") != nil {
		return true
	}
	res := doc.get("Resources")
	if res == nil || res.kind != kindObject {
		return false
	}
	for _, r := range res.vals {
		if t, ok := r.get("Type").text(); ok && strings.HasPrefix(t, "AWS::") {
			return true
		}
	}
	return false
}

// readTemplate finds the policies and Lambda environments of a template.
func readTemplate(doc *node) *cfnTemplate {
	out := &cfnTemplate{}
	res := doc.get("Resources")
	r := &cfnResolver{resources: map[string]bool{}}
	if res != nil {
		for _, k := range res.keys {
			r.resources[k.str] = true
		}
	}
	add := func(name, kind string, pd *node) {
		if pd == nil {
			return
		}
		p := cfnPolicy{name: name, kind: kind, cols: true}
		if s, ok := pd.text(); ok && pd.kind == kindString {
			line := pd.line
			parsed, err := parseJSON([]byte(s), line)
			if err != nil {
				p.err = err
				out.policies = append(out.policies, p)
				return
			}
			if pd.col != 0 { // a quoted or plain scalar: one line
				setLines(parsed, line)
			}
			pd, p.cols = parsed, false
		}
		p.doc = r.resolve(pd, 0)
		out.policies = append(out.policies, p)
	}
	if res != nil {
		for i, k := range res.keys {
			rs := res.vals[i]
			typ, _ := rs.get("Type").text()
			props := rs.get("Properties")
			id := k.str
			switch typ {
			case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy":
				add(id, "", props.get("PolicyDocument"))
			case "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group":
				for _, ip := range props.get("Policies").list() {
					name := id
					if pn, ok := ip.get("PolicyName").text(); ok {
						name += " policy " + pn
					}
					add(name, "", ip.get("PolicyDocument"))
				}
				if typ == "AWS::IAM::Role" {
					add(id, KindRoleTrust, props.get("AssumeRolePolicyDocument"))
				}
			case "AWS::SecretsManager::ResourcePolicy":
				add(id, KindSecret, props.get("ResourcePolicy"))
			case "AWS::KMS::Key", "AWS::KMS::ReplicaKey":
				add(id, KindKMSKey, props.get("KeyPolicy"))
			case "AWS::Serverless::Function":
				pols := props.get("Policies")
				if pols.get("Statement") != nil {
					add(id, "", pols)
				} else {
					for _, ip := range pols.list() {
						if ip.get("Statement") != nil {
							add(id, "", ip)
						}
					}
				}
				out.env = append(out.env, envVars(id, props.path("Environment", "Variables"), r)...)
			case "AWS::Lambda::Function":
				out.env = append(out.env, envVars(id, props.path("Environment", "Variables"), r)...)
			}
		}
	}
	out.env = append(out.env, envVars("Globals.Function", doc.path("Globals", "Function", "Environment", "Variables"), r)...)
	return out
}

func envVars(fn string, vars *node, r *cfnResolver) []cfnEnv {
	if vars == nil || vars.kind != kindObject {
		return nil
	}
	var out []cfnEnv
	for i, k := range vars.keys {
		out = append(out, cfnEnv{function: fn, name: k.str, value: r.resolve(vars.vals[i], 0)})
	}
	return out
}

// cfnResolver resolves intrinsic functions as far as a template alone
// allows: pseudo parameters and resources' own names and attributes stay
// as opaque references (each one specific value), parameters and
// conditions become unknown.
type cfnResolver struct {
	resources map[string]bool
}

var subVar = regexp.MustCompile(`\$\{([^}]*)\}`)

func (r *cfnResolver) resolve(n *node, depth int) *node {
	if n == nil {
		return nil
	}
	if depth > maxDepth {
		return &node{kind: kindUnknown, str: "nested too deeply", line: n.line, col: n.col}
	}
	switch n.kind {
	case kindArray:
		out := *n
		out.items = nil
		for _, it := range n.items {
			v := r.resolve(it, depth+1)
			if v.kind == kindNull && isNoValue(it) {
				continue
			}
			out.items = append(out.items, v)
		}
		return &out
	case kindObject:
		if len(n.keys) == 1 && (n.keys[0].str == "Ref" || strings.HasPrefix(n.keys[0].str, "Fn::")) {
			return r.intrinsic(n.keys[0].str, n.vals[0], n, depth)
		}
		out := *n
		out.keys, out.vals = nil, nil
		for i, k := range n.keys {
			v := r.resolve(n.vals[i], depth+1)
			if v.kind == kindNull && isNoValue(n.vals[i]) {
				continue
			}
			out.keys = append(out.keys, k)
			out.vals = append(out.vals, v)
		}
		return &out
	}
	return n
}

func isNoValue(n *node) bool {
	s, _ := n.get("Ref").text()
	return s == "AWS::NoValue"
}

func (r *cfnResolver) intrinsic(fn string, arg, at *node, depth int) *node {
	str := func(s string) *node { return &node{kind: kindString, str: s, line: at.line, col: at.col} }
	unk := func(desc string) *node { return &node{kind: kindUnknown, str: desc, line: at.line, col: at.col} }
	switch fn {
	case "Ref":
		name, _ := arg.text()
		switch {
		case name == "AWS::NoValue":
			return &node{kind: kindNull, line: at.line, col: at.col}
		case strings.HasPrefix(name, "AWS::"), r.resources[name]:
			return str("${" + name + "}")
		}
		return unk("Ref " + name)
	case "Fn::GetAtt":
		var parts []string
		for _, it := range arg.list() {
			s, _ := it.text()
			parts = append(parts, s)
		}
		if len(parts) > 0 && r.resources[parts[0]] {
			return str("${" + strings.Join(parts, ".") + "}")
		}
		return unk("GetAtt " + strings.Join(parts, "."))
	case "Fn::Sub":
		tmpl, vars := arg, (*node)(nil)
		if arg.kind == kindArray && len(arg.items) == 2 {
			tmpl, vars = arg.items[0], arg.items[1]
		}
		s, ok := tmpl.text()
		if !ok {
			return unk("Sub")
		}
		bad := ""
		partial := subVar.ReplaceAllStringFunc(s, func(m string) string {
			name := m[2 : len(m)-1]
			switch {
			case strings.HasPrefix(name, "!"):
				return "${" + name[1:] + "}"
			case vars.get(name) != nil:
				v := r.resolve(vars.get(name), depth+1)
				if t, ok := v.text(); ok {
					return t
				}
			case strings.HasPrefix(name, "AWS::"):
				return m
			default:
				res, _, _ := strings.Cut(name, ".")
				if r.resources[res] {
					return m
				}
			}
			bad = name
			return unresolvedPart
		})
		if bad != "" {
			n := unk("Sub ${" + bad + "}")
			n.partial = partial
			return n
		}
		return str(partial)
	case "Fn::Join":
		if arg.kind != kindArray || len(arg.items) != 2 {
			return unk("Join")
		}
		sep, _ := arg.items[0].text()
		var parts []string
		for _, it := range arg.items[1].list() {
			v := r.resolve(it, depth+1)
			t, ok := v.text()
			if !ok {
				return unk("Join")
			}
			parts = append(parts, t)
		}
		return str(strings.Join(parts, sep))
	}
	return unk(strings.TrimPrefix(fn, "Fn::"))
}
