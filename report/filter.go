package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/sarif"
)

// LoadBaseline reads the fingerprints of an earlier report, SARIF or JSON,
// so that only new findings are shown.
func LoadBaseline(path string) (map[string]bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	var probe struct {
		Runs     json.RawMessage `json:"runs"`
		Findings []struct {
			Fingerprint string `json:"fingerprint"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, fmt.Errorf("reading baseline %s: not a keysweep SARIF or JSON report: %v", path, err)
	}
	if probe.Runs != nil {
		fps, err := sarif.Fingerprints(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("reading baseline %s: %w", path, err)
		}
		return fps, nil
	}
	if probe.Findings == nil {
		return nil, fmt.Errorf("reading baseline %s: not a keysweep SARIF or JSON report (no runs or findings)", path)
	}
	fps := make(map[string]bool, len(probe.Findings))
	for _, f := range probe.Findings {
		if f.Fingerprint != "" {
			fps[f.Fingerprint] = true
		}
	}
	return fps, nil
}

// IgnoreEntry is one line of a .keysweepignore file.
type IgnoreEntry struct {
	Fingerprint string
	Reason      string
	Line        int
}

// IgnoreFile is a parsed .keysweepignore: one fingerprint per line, each
// with a reason after it; blank lines and lines starting with # are
// comments.
type IgnoreFile struct {
	Path    string
	Entries []IgnoreEntry
}

var fingerprintPattern = regexp.MustCompile(`^[0-9a-f]{32}$`)

// ParseIgnoreFile parses a .keysweepignore. An entry without a reason, or
// whose fingerprint is malformed, is an error naming the file and line.
func ParseIgnoreFile(name string, r io.Reader) (*IgnoreFile, error) {
	ig := &IgnoreFile{Path: name}
	sc := bufio.NewScanner(r)
	var errs []error
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fp, reason, _ := strings.Cut(line, " ")
		reason = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(reason), "#"))
		switch {
		case !fingerprintPattern.MatchString(fp):
			errs = append(errs, fmt.Errorf("%s:%d: %q is not a keysweep fingerprint (32 hex digits)", name, n, fp))
		case reason == "":
			errs = append(errs, fmt.Errorf("%s:%d: fingerprint %s needs a reason after it", name, n, fp))
		default:
			ig.Entries = append(ig.Entries, IgnoreEntry{Fingerprint: fp, Reason: reason, Line: n})
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("reading %s: %w", name, err))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return ig, nil
}

// LoadIgnoreFile reads a .keysweepignore; a missing file is no error and
// yields nil.
func LoadIgnoreFile(path string) (*IgnoreFile, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading ignore file: %w", err)
	}
	defer f.Close()
	return ParseIgnoreFile(path, f)
}

// Filter drops findings that an earlier decision covers, and those below
// the confidence asked for.
type Filter struct {
	// MinConfidence drops findings of rules less confident than this:
	// "low" (the default: keep all), "medium" or "high".
	MinConfidence string
	// Baseline holds fingerprints of findings already known.
	Baseline map[string]bool
	// Ignore is the .keysweepignore, if any.
	Ignore *IgnoreFile
}

// Apply removes baselined and ignored findings from r, counts them in
// r.Stats.Baselined, and adds a note for each ignore entry that matched
// nothing (it may be stale).
func (f Filter) Apply(r *finding.Report) {
	ignored := map[string]bool{}
	if f.Ignore != nil {
		for _, e := range f.Ignore.Entries {
			ignored[e.Fingerprint] = false
		}
	}
	kept := r.Findings[:0]
	minRank := confidenceRank(f.MinConfidence)
	for _, fd := range r.Findings {
		if confidenceRank(fd.Confidence) < minRank {
			r.Stats.BelowConfidence++
			continue
		}
		if _, ok := ignored[fd.Fingerprint]; ok {
			ignored[fd.Fingerprint] = true
			r.Stats.Baselined++
			continue
		}
		if f.Baseline[fd.Fingerprint] {
			r.Stats.Baselined++
			continue
		}
		kept = append(kept, fd)
	}
	r.Findings = kept
	if f.Ignore != nil {
		for _, e := range f.Ignore.Entries {
			if !ignored[e.Fingerprint] {
				r.Notices = append(r.Notices, finding.Notice{
					Level:   finding.LevelNote,
					Path:    fmt.Sprintf("%s:%d", f.Ignore.Path, e.Line),
					Message: fmt.Sprintf("ignore entry %s matched no finding; remove it if the secret is gone", e.Fingerprint),
				})
			}
		}
	}
}

// FailOn is the threshold that decides exit code 1.
type FailOn struct {
	// None: findings never fail the run.
	None bool
	// Min is the lowest severity that fails the run.
	Min finding.Severity
}

// ParseFailOn parses --fail-on: a severity name, "any" (the default: any
// finding fails) or "none".
func ParseFailOn(s string) (FailOn, error) {
	switch strings.ToLower(s) {
	case "", "any":
		return FailOn{Min: finding.Info}, nil
	case "none", "never":
		return FailOn{None: true}, nil
	}
	sev, err := finding.ParseSeverity(s)
	if err != nil {
		return FailOn{}, fmt.Errorf("--fail-on: %w, any or none", err)
	}
	return FailOn{Min: sev}, nil
}

// Fails reports whether any finding reaches the threshold.
func (f FailOn) Fails(findings []finding.Finding) bool {
	if f.None {
		return false
	}
	for _, fd := range findings {
		if fd.Severity >= f.Min {
			return true
		}
	}
	return false
}

// Confidences lists the confidence levels from least to most confident.
var Confidences = []string{"low", "medium", "high"}

// ParseConfidence checks a --min-confidence value.
func ParseConfidence(s string) (string, error) {
	low := strings.ToLower(s)
	if low == "" {
		return "low", nil
	}
	if slices.Contains(Confidences, low) {
		return low, nil
	}
	return "", fmt.Errorf("--min-confidence %q: want low, medium or high", s)
}

// confidenceRank orders confidences; a finding without one (from a source
// that has no rule confidence) is kept at any threshold but high.
func confidenceRank(c string) int {
	switch strings.ToLower(c) {
	case "high":
		return 2
	case "medium", "":
		return 1
	}
	return 0
}
