// Package report turns a run's findings into what users read and keep: the
// JSON and text reports (SARIF is package sarif), and the filters applied
// before reporting: baselines, the .keysweepignore file and the severity
// threshold.
package report
