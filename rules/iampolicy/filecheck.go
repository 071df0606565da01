package iampolicy

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
)

// fileCheck is the "iam" structural check of `keysweep scan`.
type fileCheck struct {
	a *Analyzer
}

var _ rules.FileCheck = (*fileCheck)(nil)

// NewFileCheck returns the rules.FileCheck that `keysweep scan` runs: JSON
// policy documents (recognised by content: a top-level Statement),
// Terraform (*.tf), CloudFormation/SAM templates
// (*.yaml/*.yml/*.json/*.template recognised by content:
// AWSTemplateFormatVersion or Resources with AWS:: types), and `aws iam
// get-account-authorization-details` output.
func NewFileCheck(e *rules.Engine) rules.FileCheck {
	return &fileCheck{a: NewAnalyzer(e)}
}

// Name implements rules.FileCheck.
func (c *fileCheck) Name() string { return rules.CheckIAM }

// Match implements rules.FileCheck: Terraform, JSON, YAML and .template
// files.
func (c *fileCheck) Match(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".tf", ".json", ".yaml", ".yml", ".template":
		return true
	}
	return false
}

// Check implements rules.FileCheck.
func (c *fileCheck) Check(ctx context.Context, content []byte, loc finding.Location) ([]finding.Finding, error) {
	fs, err := c.a.File(ctx, content, loc)
	if err != nil {
		return fs, fileError(loc.Path, err)
	}
	return fs, nil
}

// fileError names the file (and the line) of a parse error.
func fileError(name string, err error) error {
	if name == "" {
		name = "-"
	}
	var pe *posError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d: %s", name, pe.line, strings.Replace(err.Error(), pe.Error(), pe.msg, 1))
	}
	return fmt.Errorf("%s: %w", name, err)
}

// markers are what a JSON or YAML file must contain for the check to
// read it: cheap to test, and a file without any is none of its business.
var markers = [][]byte{[]byte("Statement"), []byte("AWSTemplateFormatVersion"), []byte("AWS::"), []byte("DetailList")}

// File analyses one file by its content and name (loc.Path): a Terraform
// file, a policy document, a CloudFormation or SAM template, or
// get-account-authorization-details output; anything else yields nothing.
// Findings carry loc with the lines of the statements or elements they
// are about. A file that cannot be parsed is an error naming the line;
// the findings of the parts that could be are returned with it.
func (a *Analyzer) File(ctx context.Context, content []byte, loc finding.Location) ([]finding.Finding, error) {
	if strings.EqualFold(path.Ext(loc.Path), ".tf") {
		return a.terraform(ctx, content, loc)
	}
	if !hasMarker(content) {
		return nil, nil
	}
	var doc *node
	var err error
	trimmed := bytes.TrimSpace(content)
	if strings.EqualFold(path.Ext(loc.Path), ".json") || len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		doc, err = parseJSON(content, 1)
	} else {
		doc, err = parseYAML(content)
	}
	if err != nil {
		return nil, err
	}
	switch {
	case doc == nil || doc.kind != kindObject:
		return nil, nil
	case doc.get("Statement") != nil:
		p, err := parsePolicy(doc)
		if err != nil {
			return nil, err
		}
		t := target{loc: loc, lines: true, cols: true}
		if kind, ok := resourceKind(p); ok {
			return a.resource(p, kind, "", t), nil
		}
		return a.identity(p, t), nil
	case isTemplate(doc):
		return a.template(ctx, content, doc, loc)
	case isAuthDetails(doc):
		return a.authDetails(ctx, doc, loc)
	}
	return nil, nil
}

func hasMarker(content []byte) bool {
	for _, m := range markers {
		if bytes.Contains(content, m) {
			return true
		}
	}
	return false
}

// resourceKind tells a resource policy (its statements name principals)
// from an identity policy, and guesses its kind from its actions.
func resourceKind(p *policy) (string, bool) {
	isRes := false
	kind := ""
	for _, s := range p.statements {
		if s.principal.present || s.notPrinc.present {
			isRes = true
		}
		for _, act := range s.action.vals {
			switch l := strings.ToLower(act); {
			case strings.HasPrefix(l, "kms:"):
				kind = KindKMSKey
			case strings.HasPrefix(l, "secretsmanager:") && kind == "":
				kind = KindSecret
			case strings.HasPrefix(l, "sts:assumerole") && kind == "":
				kind = KindRoleTrust
			}
		}
	}
	return kind, isRes
}

// analyse runs the identity or resource checks on one document found in a
// file.
func (a *Analyzer) analyse(doc *node, name, kind, account string, cols bool, loc finding.Location) ([]finding.Finding, error) {
	if doc == nil {
		return nil, nil
	}
	p, err := parsePolicy(doc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	t := target{loc: loc, name: name, lines: true, cols: cols}
	if kind == "" {
		return a.identity(p, t), nil
	}
	return a.resource(p, kind, account, t), nil
}

// firstError keeps the first error of a file, with its position.
func firstError(have, err error) error {
	if have != nil {
		return have
	}
	return err
}

func (a *Analyzer) terraform(ctx context.Context, content []byte, loc finding.Location) ([]finding.Finding, error) {
	tf, err := readTerraform(content, loc.Path)
	if err != nil {
		return nil, err
	}
	var out []finding.Finding
	var ferr error
	for _, p := range tf.policies {
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
		if p.err != nil {
			ferr = firstError(ferr, p.err)
			continue
		}
		fs, err := a.analyse(p.doc, p.name, p.kind, "", p.cols, loc)
		out = append(out, fs...)
		ferr = firstError(ferr, err)
	}
	for _, e := range tf.env {
		out = append(out, a.lambdaEnv(content, loc, e.function, e.name, e.value)...)
	}
	return out, ferr
}

func (a *Analyzer) template(ctx context.Context, content []byte, doc *node, loc finding.Location) ([]finding.Finding, error) {
	tpl := readTemplate(doc)
	var out []finding.Finding
	var ferr error
	for _, p := range tpl.policies {
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
		if p.err != nil {
			ferr = firstError(ferr, fmt.Errorf("%s: %w", p.name, p.err))
			continue
		}
		fs, err := a.analyse(p.doc, p.name, p.kind, "", p.cols, loc)
		out = append(out, fs...)
		ferr = firstError(ferr, err)
	}
	for _, e := range tpl.env {
		out = append(out, a.lambdaEnv(content, loc, e.function, e.name, e.value)...)
	}
	return out, ferr
}

func (a *Analyzer) authDetails(ctx context.Context, doc *node, loc finding.Location) ([]finding.Finding, error) {
	var out []finding.Finding
	var ferr error
	for _, p := range readAuthDetails(doc) {
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
		if p.err != nil {
			ferr = firstError(ferr, fmt.Errorf("%s: %w", p.name, p.err))
			continue
		}
		fs, err := a.analyse(p.doc, p.name, p.kind, p.account, true, loc)
		out = append(out, fs...)
		ferr = firstError(ferr, err)
	}
	return out, ferr
}

// Recognize reports whether the file check analyses a file of this name
// and content: a Terraform file, or JSON or YAML that is a policy
// document, a CloudFormation or SAM template, or authorization details
// (or that looks meant to be one and does not parse, which Check reports
// as an error). `keysweep iam` uses it to say which named files it could
// not check.
func Recognize(content []byte, name string) bool {
	if strings.EqualFold(path.Ext(name), ".tf") {
		return true
	}
	if !hasMarker(content) {
		return false
	}
	var doc *node
	var err error
	trimmed := bytes.TrimSpace(content)
	if strings.EqualFold(path.Ext(name), ".json") || len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		doc, err = parseJSON(content, 1)
	} else {
		doc, err = parseYAML(content)
	}
	if err != nil {
		return true
	}
	return doc != nil && doc.kind == kindObject && (doc.get("Statement") != nil || isTemplate(doc) || isAuthDetails(doc))
}
