// Package verify asks a credential's issuer whether it is live: the
// opt-in --verify of every command that finds secrets.
//
// Each provider's verifier lives in its own file and declares the exact
// endpoints it calls, so that `keysweep verify --list-endpoints` can print
// every host and path for an egress allow-list. A Registry, built by
// NewRegistry from a fixed list of constructors (no init() registration),
// maps catalog rule IDs to verifiers; a Runner verifies a run's findings.
//
// Safety rails, enforced here rather than left to each verifier:
//   - a credential is only sent over TLS (the transport refuses plain
//     HTTP), to the issuer's own host, and redirects to another host are
//     never followed;
//   - verifiers make read-only identity calls only (who am I, what can
//     this key do), never an action that changes state;
//   - every request carries an honest User-Agent naming keysweep;
//   - each unique credential is verified once per run (an in-memory cache,
//     never written to disk), by a bounded pool of workers, with a
//     per-host rate limit and a per-credential timeout;
//   - network failures make a result "unknown" with the reason, never a
//     failed scan; known canary-token AWS accounts are left alone unless
//     the user asks.
package verify
