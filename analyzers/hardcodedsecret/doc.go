// Package hardcodedsecret defines an Analyzer that reports secrets written
// into Go source.
//
// # Analyzer hardcodedsecret
//
// hardcodedsecret: report credentials in string constants and literals
//
// Every string constant expression the type checker evaluates — a
// literal, or a concatenation it folds ("ghp_" + "…") — is run through
// keysweep's content rules (the built-in catalog). A match is reported
// under the content rule's own ID (github-pat, aws-access-key-id...), so
// go vet, golangci-lint and keysweep's SARIF name the same rule. When the
// literal is assigned to a name (a constant, variable, struct field or
// map key), the content rules see it as `name = "value"`, as they would
// in a configuration file.
//
// Besides the catalog, a literal assigned to a name that says it holds a
// secret (dbPassword, clientSecret, signingKey, API_TOKEN) is reported as
// go-hardcoded-secret when the value looks random: at least 12
// characters, letters and digits, high entropy, no spaces. Unlike gosec's
// G101, which reports on the name alone, the value decides: a name
// describing a secret (tokenRoute, PasswordEnvVar, AccessKeyID), a URL,
// path or format string, a placeholder, an environment lookup or an
// empty string is not reported.
//
// Generated files are skipped, and so are _test.go files unless the
// -tests flag is set (the default is false: test fixtures are fakes far
// more often than not; `keysweep scan` still covers them). A
// `// keysweep:allow <reason>` comment on the line, or the line above,
// suppresses a report.
package hardcodedsecret
