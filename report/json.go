package report

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/keysweep/keysweep/finding"
)

// JSONSchemaVersion is the version of the JSON report's shape; it changes
// only when a field is removed or changes meaning.
const JSONSchemaVersion = "1"

type jsonReport struct {
	Schema   string           `json:"schema"`
	Tool     string           `json:"tool"`
	Version  string           `json:"version"`
	Targets  []string         `json:"targets"`
	Complete bool             `json:"complete"`
	Findings []jsonFinding    `json:"findings"`
	Notices  []finding.Notice `json:"notices"`
	Stats    finding.Stats    `json:"stats"`
}

type jsonFinding struct {
	finding.Finding
	Title string `json:"title"`
	// Secret is redacted unless the report shows secrets.
	Secret string `json:"secret,omitempty"`
}

// WriteJSON writes r as an indented JSON document.
func WriteJSON(w io.Writer, r *finding.Report) error {
	titles := map[string]string{}
	for _, rule := range r.Rules {
		titles[rule.ID] = rule.Title
	}
	out := jsonReport{
		Schema:   JSONSchemaVersion,
		Tool:     "keysweep",
		Version:  r.Version,
		Targets:  nonNil(r.Targets),
		Complete: !r.Incomplete(),
		Findings: make([]jsonFinding, 0, len(r.Findings)),
		Notices:  nonNil(r.Notices),
		Stats:    r.Stats,
	}
	for _, f := range r.Findings {
		secret := f.Redacted()
		if r.ShowSecrets {
			secret = f.Secret
		}
		out.Findings = append(out.Findings, jsonFinding{Finding: f, Title: titles[f.RuleID], Secret: secret})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("writing JSON report: %w", err)
	}
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
