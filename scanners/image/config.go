package image

import (
	"context"
	"fmt"
	"slices"
	"strings"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
)

// Fingerprint keys of config findings: the place in the config, not the
// image digest, so that a rebuilt image keeps its fingerprints. Every
// history entry shares one key, so a build argument repeated in many
// entries is one finding.
const (
	configKeyPrefix = "config:"
	historyKey      = configKeyPrefix + "history"
)

// HistoryField is the Location.Field of findings of the history check.
const HistoryField = "history"

// scanConfig runs the content rules over the config's fields: each Env
// entry and label as NAME=value, Cmd, Entrypoint, Healthcheck and OnBuild
// as their words joined, and every history entry's created_by.
func (s *Scanner) scanConfig(image string, cfg *v1.ConfigFile) []finding.Finding {
	var out []finding.Finding
	scan := func(field, key, content string) {
		if content == "" {
			return
		}
		loc := finding.Location{Kind: finding.KindImage, Resource: image, Field: field, Key: key}
		for _, f := range s.engine.Scan(rules.Chunk{Data: []byte(content), Location: loc}).Findings {
			// A line in a one-line field says nothing.
			f.Location.StartLine, f.Location.StartColumn, f.Location.EndLine, f.Location.EndColumn = 0, 0, 0, 0
			out = append(out, f)
		}
	}
	c := cfg.Config
	for _, env := range c.Env {
		name, _, _ := strings.Cut(env, "=")
		scan("Env/"+name, configKeyPrefix+"Env/"+name, env)
	}
	labels := make([]string, 0, len(c.Labels))
	for k := range c.Labels {
		labels = append(labels, k)
	}
	slices.Sort(labels)
	for _, k := range labels {
		scan("Labels/"+k, configKeyPrefix+"Labels/"+k, k+"="+c.Labels[k])
	}
	scan("Cmd", configKeyPrefix+"Cmd", strings.Join(c.Cmd, " "))
	scan("Entrypoint", configKeyPrefix+"Entrypoint", strings.Join(c.Entrypoint, " "))
	if c.Healthcheck != nil {
		scan("Healthcheck", configKeyPrefix+"Healthcheck", strings.Join(c.Healthcheck.Test, " "))
	}
	for i, o := range c.OnBuild {
		scan(fmt.Sprintf("OnBuild/%d", i), configKeyPrefix+"OnBuild", o)
	}
	for i, h := range cfg.History {
		scan(fmt.Sprintf("history/%d/created_by", i), historyKey, h.CreatedBy)
	}
	return out
}

// checkHistory runs the history check on the Dockerfile reconstructed from
// the image's history. The reconstruction is a best effort, so a check
// that cannot analyse it is a warning: the content rules have read every
// history entry already.
func (s *Scanner) checkHistory(ctx context.Context, image string, history []v1.History) ([]finding.Finding, []finding.Notice) {
	check := s.opts.HistoryCheck
	if check == nil || len(history) == 0 {
		return nil, nil
	}
	loc := finding.Location{Kind: finding.KindImage, Resource: image, Field: HistoryField, Key: historyKey}
	fs, err := check.Check(ctx, Dockerfile(history), loc)
	if err != nil {
		return fs, []finding.Notice{{Level: finding.LevelWarning, Path: image,
			Message: fmt.Sprintf("the %s check could not analyse the Dockerfile reconstructed from the image history: %v", check.Name(), err)}}
	}
	return fs, nil
}
