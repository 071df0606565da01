// Package rules is what keysweep detects: the rule catalog, kept as TOML data
// files embedded in the binary, its loader and validator, and the content
// engine that runs the compiled rules over chunks of bytes.
//
// The catalog format is a superset of gitleaks' configuration: a
// .gitleaks.toml is accepted as it is. Loading is two-stage, as in gitleaks
// and trivy: TOML decodes into plain structs (Config, RuleSpec), then
// Compile validates them into an immutable Engine; every error names the file
// and the rule.
//
// Per chunk, the engine makes one Aho-Corasick pass over all rule keywords,
// runs each rule's regular expression only in windows around its keywords'
// hits, extracts the secret group, and applies entropy, checksum,
// allowlists, stopwords and inline suppressions before de-duplicating.
package rules
