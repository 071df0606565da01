// Package secrets is the result type keysweep's analyzers share: the
// secret value behind each diagnostic, which a diagnostic's text must not
// carry but a report needs (for its fingerprint, and for --show-secrets).
package secrets

import "go/token"

// Map holds, for each diagnostic an analyzer reported (by its Pos), the
// secret it is about. Diagnostics about a flow rather than a value (a
// secret reaching a log) have no entry. Drivers that do not read results
// (go vet, golangci-lint) ignore it.
type Map map[token.Pos]string
