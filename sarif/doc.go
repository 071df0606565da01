// Package sarif writes keysweep reports as SARIF 2.1.0 logs, shaped the way
// GitHub code scanning reads them, and reads the fingerprints back out of
// such logs for --baseline.
//
// Write is the only place a finding.Report becomes SARIF: one run, the rules
// that were used (from the catalog, never re-described here), one result per
// finding with its secret redacted unless the report asks otherwise, and one
// invocation that says whether the scan covered everything it was asked to.
// Its output depends only on the report, so equal reports give byte-equal
// logs, which keeps golden files and diffs of CI artifacts meaningful.
//
// Fingerprints reads any SARIF log written by any version of keysweep and
// returns the stable finding fingerprints it holds.
package sarif
