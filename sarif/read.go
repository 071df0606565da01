package sarif

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/keysweep/keysweep/finding"
)

// baselineLog is the part of a SARIF log that Fingerprints reads. It is
// deliberately smaller than go-sarif's model: a baseline written by another
// keysweep version, or merged with other tools' runs, must not be rejected
// over fields the baseline does not need.
type baselineLog struct {
	Version *string `json:"version"`
	Runs    *[]struct {
		Results []struct {
			PartialFingerprints map[string]any `json:"partialFingerprints"`
		} `json:"results"`
	} `json:"runs"`
}

// Fingerprints reads a SARIF 2.1.0 log, such as one written by Write in any
// version of keysweep, and returns the set of fingerprints it holds: the
// partialFingerprints values named finding.FingerprintVersion of every
// result in every run. Results without one (other tools' results, say) are
// skipped. It is how --baseline learns which findings are already known.
func Fingerprints(r io.Reader) (map[string]bool, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	var log baselineLog
	if err := json.Unmarshal(data, &log); err != nil {
		return nil, fmt.Errorf("reading baseline: not a SARIF log: %w", jsonError(err))
	}
	switch {
	case log.Version == nil:
		return nil, errors.New(`reading baseline: not a SARIF log: no "version"`)
	case !strings.HasPrefix(*log.Version, "2.1.0"):
		return nil, fmt.Errorf("reading baseline: SARIF version %q is not supported (want 2.1.0)", *log.Version)
	case log.Runs == nil:
		return nil, errors.New(`reading baseline: not a SARIF log: no "runs"`)
	}

	set := make(map[string]bool)
	for i, run := range *log.Runs {
		for j, res := range run.Results {
			v, ok := res.PartialFingerprints[finding.FingerprintVersion]
			if !ok || v == nil {
				continue
			}
			fp, ok := v.(string)
			if !ok {
				return nil, fmt.Errorf("reading baseline: runs[%d].results[%d].partialFingerprints[%q] is not a string", i, j, finding.FingerprintVersion)
			}
			if fp != "" {
				set[fp] = true
			}
		}
	}
	return set, nil
}

// jsonError shortens encoding/json's errors to what helps a user find the
// problem in a file.
func jsonError(err error) error {
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		return fmt.Errorf("invalid JSON at byte %d: %w", syntax.Offset, err)
	}
	return err
}
