// Package finding holds keysweep's core types: the Finding every detector
// produces, where it was found (Location), how bad it is (Severity), the
// catalog metadata of the rule that produced it (Rule), and the stable
// fingerprint that keys baselines and ignore files.
//
// The package imports only the standard library so that every other part of
// keysweep (sources, rule engines, reporters, verifiers) can share it; a test
// in the module root enforces that.
package finding
