package rules

// Config is one catalog or configuration file as decoded from TOML. Its
// fields are gitleaks' (title, extend, rules, allowlist/allowlists) plus
// keysweep's own.
type Config struct {
	Title       string `toml:"title"`
	Description string `toml:"description"`
	MinVersion  string `toml:"minVersion"`

	Extend Extend `toml:"extend"`

	Rules []RuleSpec `toml:"rules"`

	// Allowlist is gitleaks' older single global allowlist.
	Allowlist *AllowlistSpec `toml:"allowlist"`
	// Allowlists apply to every rule, or to TargetRules when set.
	Allowlists []AllowlistSpec `toml:"allowlists"`
}

// Extend says how a configuration combines with others.
type Extend struct {
	// UseDefault adds keysweep's built-in catalog under this file's rules.
	UseDefault bool `toml:"useDefault"`
	// Path names another configuration file to extend, relative to this one.
	Path string `toml:"path"`
	// URL is gitleaks' remote extension; keysweep refuses it (no network
	// while loading rules) with a clear error.
	URL string `toml:"url"`
	// DisabledRules lists rule IDs to remove from the extended catalogs.
	DisabledRules []string `toml:"disabledRules"`
}

// RuleSpec is one rule as written in a data file. A rule needs an ID and a
// Regex or a Path (or both), or a Check.
type RuleSpec struct {
	ID          string `toml:"id"`
	Title       string `toml:"title"`
	Description string `toml:"description"`

	// Regex finds candidates; SecretGroup picks the capture group holding
	// the secret (0: a group named "secret", else the first non-empty group,
	// else the whole match).
	Regex       string `toml:"regex"`
	SecretGroup int    `toml:"secretGroup"`
	// Entropy is the minimum Shannon entropy (bits per byte) of the secret.
	Entropy float64 `toml:"entropy"`
	// Keywords gate the regex: it runs only near a keyword, matched
	// case-insensitively.
	Keywords []string `toml:"keywords"`
	// NoKeywords gives the reason a built-in rule has no keywords.
	NoKeywords string `toml:"noKeywords"`
	// Span makes a rule multi-line: its regex then runs within Span bytes
	// each side of a keyword hit, not cut at line ends. Without it, a rule
	// runs on the hit's line (up to 1024 bytes each side), unless its regex
	// matches line breaks explicitly ((?s)., \n, [\s\S]), when it gets
	// 4096 bytes each side. \s alone keeps a rule on one line.
	Span int `toml:"span"`
	// Path restricts the rule to files whose slash path (relative to the
	// scanned root) matches; a rule with a Path and no Regex reports the
	// file itself.
	Path string `toml:"path"`
	// Validate names an offline structural check the secret must pass
	// (see Validators).
	Validate string `toml:"validate"`
	// Check names the structural check engine that reports this rule (see
	// Checks): a Dockerfile, IAM policy or AWS account check, or a Go
	// analyzer. Such a rule has no Regex or Path; the content engine only
	// keeps its metadata, and its examples are tested by the package of
	// its check.
	Check string `toml:"check"`

	Severity    string   `toml:"severity"`
	Confidence  string   `toml:"confidence"`
	Remediation string   `toml:"remediation"`
	References  []string `toml:"references"`
	Tags        []string `toml:"tags"`

	// Examples must each yield a finding of this rule; NegativeExamples
	// must not. ExamplePath is the file path the examples are scanned as,
	// for rules with a Path.
	Examples         []string `toml:"examples"`
	NegativeExamples []string `toml:"negative_examples"`
	ExamplePath      string   `toml:"examplePath"`

	// SkipReport is gitleaks' flag for rules used only as Required
	// companions: they match, but are not reported on their own.
	SkipReport bool `toml:"skipReport"`
	// Required lists companion rules that must match nearby for this rule to
	// report (gitleaks' composite rules).
	Required []RequiredSpec `toml:"required"`
	// Companions are the other parts of a multi-part credential (the key
	// ID of a secret key): a companion rule's match within the given
	// distance is folded into this rule's finding, so the pair is reported
	// once; without one, each part is reported alone.
	Companions []RequiredSpec `toml:"companions"`

	// Allowlist is gitleaks' older single per-rule allowlist.
	Allowlist  *AllowlistSpec  `toml:"allowlist"`
	Allowlists []AllowlistSpec `toml:"allowlists"`
}

// RequiredSpec names a companion rule that must match within the given
// distance of a finding (gitleaks' [[rules.required]]).
type RequiredSpec struct {
	ID            string `toml:"id"`
	WithinLines   *int   `toml:"withinLines"`
	WithinColumns *int   `toml:"withinColumns"`
}

// AllowlistSpec describes matches to ignore. With Condition "OR" (the
// default) any one criterion allows a match; with "AND" all the criteria
// that are set must hold.
type AllowlistSpec struct {
	Description string `toml:"description"`
	Condition   string `toml:"condition"`
	// RegexTarget is what Regexes are matched against: "secret" (the
	// default), "match" or "line".
	RegexTarget string   `toml:"regexTarget"`
	Regexes     []string `toml:"regexes"`
	Paths       []string `toml:"paths"`
	Commits     []string `toml:"commits"`
	// StopWords allow a secret that contains any of them, case-insensitively.
	StopWords []string `toml:"stopwords"`
	// TargetRules limits a global allowlist to these rule IDs.
	TargetRules []string `toml:"targetRules"`
}
