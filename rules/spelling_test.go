package rules

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/keysweep/keysweep/finding"
)

// spellingFiles are the catalog files whose keyword-anchored rules
// TestAssignmentSpellings holds to the spellings below.
var spellingFiles = []string{
	"providers-a-b", "providers-c-d", "providers-e-h", "providers-i-m", "providers-n-r", "providers-s-z",
	"providers-more", "providers-extra", "saas", "observability", "messaging", "payments", "ai", "devtools", "data", "email",
	"cloudinfra", "registries", "atlassian", "azure", "google", "configfiles",
}

// credentialNames are the variable name endings a rule must accept, by
// the kind of credential it finds: each pair is the words joined in the
// name, so that every casing convention below can be built from them.
var credentialNames = map[string][][]string{
	"key":    {{"api", "key"}, {"key"}},
	"secret": {{"secret"}, {"secret", "key"}},
	"token":  {{"token"}, {"access", "token"}},
}

// spellingForm is one way real code and configuration assign a credential
// to a name made of provider words and credential words.
type spellingForm struct {
	name   string
	render func(provider, cred []string, secret string) string
}

// spellingProviders names the provider for rules whose first keyword is
// not the provider's name (a field name or an abbreviation).
var spellingProviders = map[string][]string{
	"azure-cognitive-services-key": {"azure"},
	"datadog-app-key":              {"datadog"},
	"elastic-api-key":              {"elastic"},
	"guardian-api-key":             {"guardian"},
	"hubspot-legacy-api-key":       {"hubspot"},
	"line-channel-access-token":    {"line", "channel"},
	"line-channel-secret":          {"line", "channel"},
	"onepassword-connect-token":    {"op", "connect"},
}

// spellingExempt are keyword-anchored rules left out of the test, and why.
var spellingExempt = map[string]string{
	"wireguard-private-key":             "anchored on WireGuard's PrivateKey field, not on a provider name",
	"wireguard-preshared-key":           "anchored on WireGuard's PresharedKey field, not on a provider name",
	"npmrc-auth-token":                  "anchored on npm's _authToken field, not on a provider name",
	"google-oauth-client-secret-legacy": "anchored on a client ID nearby, not on a provider name",
}

// spellingAPIOnly are rules whose provider name is a common word: they
// must accept the *_API_KEY spellings only, since *_KEY alone (HEX_KEY,
// DAILY_KEY) names keys of every kind, or where *_KEY names something
// else of the provider's.
var spellingAPIOnly = map[string]bool{
	"hex-api-key":     true,
	"dailyco-api-key": true,
	// elastic.key and elasticsearch.ssl.key name certificate files.
	"elastic-api-key": true,
}

var spellingForms = []spellingForm{
	{"env", func(p, c []string, s string) string { return snake(p, c, true) + "=" + s }},
	{"shell export", func(p, c []string, s string) string { return "export " + snake(p, c, true) + `="` + s + `"` }},
	{"yaml", func(p, c []string, s string) string { return "  " + snake(p, c, false) + ": " + s }},
	{"json", func(p, c []string, s string) string { return `  "` + camel(p, c) + `": "` + s + `",` }},
	{"go", func(p, c []string, s string) string { return "\t" + camel(p, c) + ` := "` + s + `"` }},
	{"python", func(p, c []string, s string) string { return snake(p, c, true) + " = '" + s + "'" }},
	{"properties", func(p, c []string, s string) string {
		return strings.ToLower(strings.Join(append(slices.Clone(p), c...), ".")) + "=" + s
	}},
	{"dotnet config", func(p, c []string, s string) string {
		return `    <add key="` + pascal(p) + ":" + pascal(c) + `" value="` + s + `" />`
	}},
	{"dockerfile", func(p, c []string, s string) string { return "ENV " + snake(p, c, true) + "=" + s }},
	{"kubernetes env", func(p, c []string, s string) string {
		return "        - name: " + snake(p, c, true) + "\n          value: \"" + s + "\""
	}},
	{"command-line option", func(p, c []string, s string) string {
		return "mytool deploy --" + strings.ReplaceAll(snake(p, c, false), "_", "-") + " " + s + " --region eu"
	}},
	{"setter", func(p, c []string, s string) string {
		return "    config.set" + pascal(append(slices.Clone(p), c...)) + `("` + s + `");`
	}},
	{"builder", func(p, c []string, s string) string {
		return `        .` + camel(p, c) + `("` + s + `")`
	}},
	{"ecs task definition", func(p, c []string, s string) string {
		return `        {"name": "` + snake(p, c, true) + `", "value": "` + s + `"},`
	}},
	{"makefile", func(p, c []string, s string) string { return snake(p, c, true) + " ?= " + s }},
	{"makefile immediate", func(p, c []string, s string) string { return snake(p, c, true) + ` :::= "` + s + `"` }},
	{"php append", func(p, c []string, s string) string { return "$" + camel(p, c) + ` .= "` + s + `";` }},
	{"go typed var", func(p, c []string, s string) string { return "var " + camel(p, c) + ` string = "` + s + `"` }},
	{"property call", func(p, c []string, s string) string {
		return `        System.setProperty("` + snake(p, c, true) + `", "` + s + `");`
	}},
	{"xml element", func(p, c []string, s string) string {
		return "  <" + camel(p, c) + ">\n    " + s + "\n  </" + camel(p, c) + ">"
	}},
	{"notebook cell", func(p, c []string, s string) string {
		return `    "` + snake(p, c, false) + ` = \"` + s + `\"\n",`
	}},
	{"rust const", func(p, c []string, s string) string { return "const " + snake(p, c, true) + `: &str = "` + s + `";` }},
	{"gradle dsl", func(p, c []string, s string) string { return "        " + camel(p, c) + ` "` + s + `"` }},
	{"ruby set", func(p, c []string, s string) string { return "set :" + snake(p, c, false) + `, "` + s + `"` }},
	{"env fallback", func(p, c []string, s string) string {
		return "const key = process.env." + snake(p, c, true) + ` || "` + s + `";`
	}},
	{"compose default", func(p, c []string, s string) string {
		return "      " + snake(p, c, true) + ": ${" + snake(p, c, true) + ":-" + s + "}"
	}},
	{"yaml block scalar", func(p, c []string, s string) string { return "  " + snake(p, c, false) + ": >-\n    " + s }},
	{"wrapped assignment", func(p, c []string, s string) string {
		return snake(p, c, true) + " = (\n    \"" + s + "\"\n)"
	}},
	{"json-escaped env file", func(p, c []string, s string) string {
		return `{"app.env": "REGION=eu\n` + snake(p, c, true) + "=" + s + `\nDEBUG=false"}`
	}},
	{"suffixed name", func(p, c []string, s string) string { return snake(p, c, true) + "_PROD=" + s }},
	{"prefixed name", func(p, c []string, s string) string { return "APP_" + snake(p, c, true) + "=" + s }},
	{"numbered name", func(p, c []string, s string) string { return camel(p, c) + `2 = "` + s + `"` }},
	{"bearer header value", func(p, c []string, s string) string { return "  " + snake(p, c, false) + `: "Bearer ` + s + `"` }},
}

// sectionForms name the provider apart from the credential: by the
// section the setting sits in, as a word of its own, or as the host of a
// URL. They apply to rules whose keyword is the provider's name alone
// (not "close_api", say, for a provider named by a common word).
var sectionForms = []spellingForm{
	{"name in words", func(p, c []string, s string) string {
		return "# " + snake(p, nil, false) + " " + strings.Join(c, " ") + ": " + s
	}},
	{"url query", func(p, c []string, s string) string {
		return `url = "https://api.` + snake(p, nil, false) + ".example/v1/items?format=json&" + snake(nil, c, false) + "=" + s + `"`
	}},
	{"yaml section", func(p, c []string, s string) string {
		return snake(p, nil, false) + ":\n  region: eu\n  " + snake(nil, c, false) + ": " + s
	}},
	{"toml section", func(p, c []string, s string) string {
		return "[services." + snake(p, nil, false) + "]\n" + snake(nil, c, false) + ` = "` + s + `"`
	}},
}

// TestAssignmentSpellings re-embeds the secret of each keyword-anchored
// rule's first example in the common spellings of an assignment (env
// files, shell, YAML, JSON, Go, Python, Java properties, .NET
// appSettings, Dockerfile ENV, a command-line option, a setter or builder
// call, a property call with the name and value as strings, Kubernetes
// and ECS name/value pairs, Makefile and PHP assignments, a Go typed
// var, a Rust const, a Jupyter notebook's source line, Ruby's set :name,
// a Gradle DSL line, an XML element, a default after an environment
// lookup (JS and Compose), a YAML block scalar, a value wrapped to the
// next line, an env file inside a JSON string, a name with a prefix, a
// suffix or a number after the credential word, a value with its Bearer scheme, a
// name written as words in a comment, a parameter in the query of a URL
// to the provider, a YAML or TOML section named after the provider) under each conventional name for its
// kind of credential, and requires a finding of the rule, or of another rule of
// the same provider (first tag), for every one.
//
// A rule is keyword-anchored when its confidence is "medium" (keyword and
// shape, not a fixed prefix), it is a one-line content rule (a regex, no
// path, no span, a one-line first example) and its secret contains none of
// its keywords: the keyword it needs is then the provider's name in the
// variable. Its kind comes from its ID (…-secret…, …-token or …-pat,
// …-key or …-credential); rules for passwords, IDs, URLs and certificates
// are not assignments of this kind and are left out. The provider words
// are its first keyword's, less trailing credential words ("alchemy_api"
// → alchemy), or spellingProviders' where that keyword is not the
// provider's name; spellingExempt lists the rules anchored on a fixed field
// name rather than on a provider, spellingAPIOnly those whose provider name
// is a common word.
func TestAssignmentSpellings(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tested := 0
	for _, file := range spellingFiles {
		name := "data/" + file + ".toml"
		cfg, err := CatalogFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, spec := range cfg.Rules {
			kind, ok := spellingKind(spec)
			if !ok || spellingExempt[spec.ID] != "" {
				continue
			}
			r, ok := e.Rule(spec.ID)
			if !ok || r.File() != name {
				t.Fatalf("rule %s: not loaded from %s", spec.ID, name)
			}
			secret := exampleSecret(e, spec)
			if secret == "" {
				t.Errorf("rule %s: first example yields no secret", spec.ID)
				continue
			}
			if containsKeyword(secret, spec.Keywords) {
				continue // anchored on a prefix of the secret, not on a name
			}
			provider, ok := spellingProviders[spec.ID]
			if !ok {
				provider = providerWords(spec.Keywords[0])
			}
			if len(provider) == 0 {
				continue
			}
			names := credentialNames[kind]
			if spellingAPIOnly[spec.ID] {
				names = names[:1]
			}
			tested++
			tag := spec.Tags[0]
			for _, cred := range names {
				forms := spellingForms
				if containsKeyword(snake(provider, nil, false), spec.Keywords) {
					forms = append(slices.Clip(forms), sectionForms...)
				}
				for _, form := range forms {
					if form.name == "command-line option" && strings.HasPrefix(secret, "-") {
						continue // a value starting with "-" is another option to a shell tool
					}
					text := form.render(provider, cred, secret)
					fs := e.Scan(Chunk{Data: []byte(text + "\n"), Location: finding.Location{Kind: finding.KindFile, Path: "config.txt", Key: "config.txt"}}).Findings
					if !slices.ContainsFunc(fs, func(f finding.Finding) bool { return f.RuleID == spec.ID || sameProvider(e, f.RuleID, tag) }) {
						t.Errorf("rule %s (%s): %s spelling not found: %s (found %v)", spec.ID, file, form.name, redactIn(text, secret), ruleIDs(fs))
					}
				}
			}
		}
	}
	if tested < 300 {
		t.Errorf("only %d keyword-anchored rules tested: the selection is broken", tested)
	}
	t.Logf("%d keyword-anchored rules, %d spellings each", tested, 2*len(spellingForms))
}

// TestSpellingFormsFail makes sure the spelling test can fail: a rule that
// accepts only the upper-case env spelling must miss the others.
func TestSpellingFormsFail(t *testing.T) {
	e := loadTestConfig(t, `
[[rules]]
id = "acme-api-key"
regex = '''ACME_API_KEY=([a-f0-9]{32})'''
keywords = ["acme"]
tags = ["acme"]
`)
	secret := strings.Repeat("0123456789abcdef", 2)
	var missed []string
	for _, form := range spellingForms {
		fs := scanText(e, "config.txt", form.render([]string{"acme"}, []string{"api", "key"}, secret))
		if !slices.ContainsFunc(fs, func(f finding.Finding) bool { return f.RuleID == "acme-api-key" }) {
			missed = append(missed, form.name)
		}
	}
	// env, dockerfile, the env file in JSON, the Compose default and the
	// prefixed name are NAME=value as written or as read.
	if len(missed) != len(spellingForms)-5 {
		t.Errorf("missed %v, want every form but env, dockerfile, json-escaped env file, compose default and prefixed name", missed)
	}
}

// spellingKind says which credential names a rule must accept, and whether
// the rule is a keyword-anchored one-line content rule at all.
func spellingKind(spec RuleSpec) (string, bool) {
	if spec.Confidence != "medium" || spec.Regex == "" || spec.Path != "" || spec.Check != "" ||
		spec.Span != 0 || spec.SkipReport || len(spec.Keywords) == 0 || len(spec.Examples) == 0 ||
		strings.Contains(spec.Examples[0], "\n") {
		return "", false
	}
	id := strings.TrimSuffix(strings.TrimSuffix(spec.ID, "-legacy"), "-v2")
	switch {
	case strings.Contains(id, "secret"):
		return "secret", true
	case strings.Contains(id, "token"), strings.HasSuffix(id, "-pat"):
		return "token", true
	case strings.HasSuffix(id, "-key"), strings.HasSuffix(id, "-credential"):
		return "key", true
	}
	return "", false
}

// exampleSecret returns the secret the rule finds in its first example.
func exampleSecret(e *Engine, spec RuleSpec) string {
	path := spec.ExamplePath
	if path == "" {
		path = "example.txt"
	}
	fs := e.Scan(Chunk{Data: []byte(spec.Examples[0]), Location: finding.Location{Kind: finding.KindFile, Path: path, Key: path}}).Findings
	for _, f := range fs {
		if f.RuleID == spec.ID {
			return f.Secret
		}
	}
	return ""
}

func containsKeyword(s string, keywords []string) bool {
	s = strings.ToLower(s)
	return slices.ContainsFunc(keywords, func(k string) bool { return strings.Contains(s, strings.ToLower(k)) })
}

// providerWords splits a keyword into words and drops trailing credential
// words: "alchemy_api" → [alchemy], "batch_account" → [batch account].
func providerWords(keyword string) []string {
	words := strings.FieldsFunc(strings.ToLower(keyword), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for len(words) > 0 {
		switch words[len(words)-1] {
		case "api", "key", "keys", "token", "secret", "access", "auth":
			words = words[:len(words)-1]
			continue
		}
		break
	}
	return words
}

func sameProvider(e *Engine, id, tag string) bool {
	r, ok := e.Rule(id)
	return ok && len(r.Meta().Tags) > 0 && r.Meta().Tags[0] == tag
}

func snake(p, c []string, upper bool) string {
	s := strings.Join(append(slices.Clone(p), c...), "_")
	if upper {
		return strings.ToUpper(s)
	}
	return s
}

func camel(p, c []string) string {
	all := append(slices.Clone(p), c...)
	return all[0] + pascal(all[1:])
}

func pascal(words []string) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

// redactIn keeps test output free of the (fake) secret's full value.
func redactIn(text, secret string) string {
	return strings.ReplaceAll(text, secret, finding.Redact(secret))
}
