// Package k8ssecret is the Kubernetes Secret check: a Secret manifest's
// data values are base64, which no content rule can see through, yet each
// is a credential in the clear to anyone who reads the manifest. The check
// decodes them, runs the content rules on what they hold, and reports a
// literal value none of them recognises as the catalog rule
// kubernetes-secret-data.
package k8ssecret

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"maps"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
)

// RuleSecretData is the catalog rule (rules/data/kubernetes.toml) of a
// Secret's data value that decodes to a literal no content rule names.
const RuleSecretData = "kubernetes-secret-data"

// maxManifest bounds the manifests the check parses.
const maxManifest = 4 << 20

// Check is the Kubernetes Secret check. It is immutable and safe for
// concurrent use.
type Check struct {
	engine *rules.Engine
}

var _ rules.FileCheck = (*Check)(nil)

// NewCheck returns the rules.FileCheck for Kubernetes manifests: Match is
// true for YAML files, and the findings are e's content rules on decoded
// Secret data and its rules of check "kubernetes".
func NewCheck(e *rules.Engine) *Check { return &Check{engine: e} }

// Name returns rules.CheckKubernetes.
func (c *Check) Name() string { return rules.CheckKubernetes }

// Match reports whether the slash path names a YAML file (.yaml, .yml).
func (c *Check) Match(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".yaml", ".yml":
		return true
	}
	return false
}

// Check reports the secrets held in the data of the Secret manifests of a
// YAML file (one or more documents). A file that is not YAML, or holds no
// Secret, gives nothing; a Secret's document that does not parse is an
// error naming its line, and the documents before it are reported.
func (c *Check) Check(ctx context.Context, content []byte, loc finding.Location) ([]finding.Finding, error) {
	if len(content) > maxManifest || !bytes.Contains(content, []byte("Secret")) {
		return nil, nil
	}
	var out []finding.Finding
	sawSecret := false
	dec := yaml.NewDecoder(bytes.NewReader(content))
	for ctx.Err() == nil {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// Helm templates and other YAML-like files do not parse: only a
			// file that held a Secret before is worth an error.
			if sawSecret {
				return out, fmt.Errorf("kubernetes manifest: %v", yamlError(err))
			}
			return nil, nil
		}
		fs, secret := c.document(&doc, loc)
		out = append(out, fs...)
		sawSecret = sawSecret || secret
	}
	return out, ctx.Err()
}

// yamlError drops what a YAML error may quote of the document (a value,
// maybe a secret), keeping its line.
func yamlError(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		end := i + len("line ")
		for end < len(msg) && msg[end] >= '0' && msg[end] <= '9' {
			end++
		}
		return "does not parse at " + msg[i:end]
	}
	return "does not parse"
}

// document reports the data of one document when it is a Secret (kind
// Secret; a SealedSecret or an ExternalSecret holds no clear value), and
// whether it is one.
func (c *Check) document(doc *yaml.Node, loc finding.Location) ([]finding.Finding, bool) {
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, false
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode || field(m, "kind") == nil || field(m, "kind").Value != "Secret" {
		return nil, false
	}
	name := ""
	if meta := field(m, "metadata"); meta != nil {
		if n := field(meta, "name"); n != nil {
			name = n.Value
		}
	}
	var out []finding.Finding
	if sd := field(m, "stringData"); sd != nil && sd.Kind == yaml.MappingNode {
		out = append(out, c.stringData(name, sd, loc)...)
	}
	data := field(m, "data")
	if data == nil || data.Kind != yaml.MappingNode {
		return out, true
	}
	for i := 0; i+1 < len(data.Content); i += 2 {
		key, val := data.Content[i], data.Content[i+1]
		if val.Kind != yaml.ScalarNode || val.Value == "" {
			continue
		}
		raw := strings.Join(strings.Fields(val.Value), "")
		decoded, err := base64.StdEncoding.DecodeString(raw)
		if err != nil || len(bytes.TrimSpace(decoded)) == 0 {
			continue // a template, a reference, or nothing: no clear value
		}
		out = append(out, c.value(name, key.Value, decoded, val, loc)...)
	}
	return out, true
}

// value reports one decoded data value at the line of its base64: what the
// content rules find in it (as "key: value", so that name-based rules see
// the key), else the value itself as a Secret's literal data.
func (c *Check) value(secretName, key string, decoded []byte, val *yaml.Node, loc finding.Location) []finding.Finding {
	at := loc
	at.StartLine, at.EndLine = val.Line, val.Line
	if val.Style != yaml.LiteralStyle && val.Style != yaml.FoldedStyle {
		at.StartColumn, at.EndColumn = val.Column, val.Column+len(val.Value)-1
	}
	text := append([]byte(key+": "), decoded...)
	res := c.engine.Scan(rules.Chunk{Data: text, Location: loc})
	var out []finding.Finding
	for _, f := range res.Findings {
		f.Location = at
		f.Message += fmt.Sprintf(" (base64 in Secret %q, key %q)", secretName, key)
		f.Fingerprint = c.engine.Hasher().Fingerprint(&f)
		out = append(out, decodedFrom(f))
	}
	if len(out) > 0 || res.Suppressed > 0 || publicCertificate(decoded) || describesConnection(key) {
		return out
	}
	secret := strings.TrimSpace(string(decoded))
	msg := fmt.Sprintf("Secret %q holds key %q in its data: base64 that decodes to a literal value", secretName, key)
	if f, ok := c.engine.Report(RuleSecretData, at, msg, secret); ok {
		out = append(out, decodedFrom(f))
	}
	return out
}

// publicCertificate reports whether a value is only certificates (a TLS
// Secret's tls.crt or ca.crt), which are public; the key beside them is
// found by the content rules.
func publicCertificate(v []byte) bool {
	return bytes.Contains(v, []byte("-----BEGIN CERTIFICATE-----")) && !bytes.Contains(v, []byte("PRIVATE KEY"))
}

// stringData reports the literal values of a Secret's stringData that no
// content rule names: the content rules see these values in the file as
// written and report what they recognise themselves.
func (c *Check) stringData(secretName string, sd *yaml.Node, loc finding.Location) []finding.Finding {
	var out []finding.Finding
	for i := 0; i+1 < len(sd.Content); i += 2 {
		key, val := sd.Content[i], sd.Content[i+1]
		value := strings.TrimSpace(val.Value)
		if val.Kind != yaml.ScalarNode || value == "" || strings.Contains(value, "{{") {
			continue
		}
		res := c.engine.Scan(rules.Chunk{Data: []byte(key.Value + ": " + value), Location: loc})
		if len(res.Findings) > 0 || res.Suppressed > 0 || publicCertificate([]byte(value)) || describesConnection(key.Value) {
			continue
		}
		at := loc
		at.StartLine, at.EndLine = val.Line, val.Line
		if val.Style != yaml.LiteralStyle && val.Style != yaml.FoldedStyle {
			at.StartColumn, at.EndColumn = val.Column, val.Column+len(val.Value)-1
		}
		msg := fmt.Sprintf("Secret %q holds key %q in its stringData: a literal value", secretName, key.Value)
		if f, ok := c.engine.Report(RuleSecretData, at, msg, value); ok {
			out = append(out, f)
		}
	}
	return out
}

// describesConnection reports whether a Secret's key names an entry that
// describes a service rather than unlocks it: a binding's type and
// provider, where the service is (host, port, URL), which database, which
// user. Service Binding Secrets (servicebinding.io) and database
// operators write them beside the password; a credential in a URL is
// still found by the content rules. Any case, and "-", "_" or "." either
// way, match.
func describesConnection(key string) bool {
	switch strings.NewReplacer("-", "", "_", "", ".", "").Replace(strings.ToLower(key)) {
	case "type", "provider", "host", "hostname", "port", "database", "dbname", "db", "username", "user",
		"url", "uri", "endpoint", "region", "namespace", "sslmode", "cluster", "bucket", "scheme", "protocol":
		return true
	}
	return false
}

// field returns the value of key in mapping m, or nil.
func field(m *yaml.Node, key string) *yaml.Node {
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// decodedFrom marks f as about a value decoded from base64.
func decodedFrom(f finding.Finding) finding.Finding {
	f.Details = maps.Clone(f.Details)
	if f.Details == nil {
		f.Details = map[string]string{}
	}
	f.Details[rules.DetailDecoded] = "base64"
	return f
}
