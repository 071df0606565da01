package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
)

// sectionConfig has a provider rule that needs its name in the setting, as
// the catalog's keyword rules do, a prefixed rule, and a generic one.
const sectionConfig = `
[[rules]]
id = "acme-secret"
regex = '''(?i:acme)[\w.:-]{0,20}(?i:secret)[\w.-]{0,10}["']?[ \t]*[:=][ \t]*["']?([a-f0-9]{32})\b'''
keywords = ["acme"]
tags = ["acme"]
[[rules]]
id = "generic-secret"
regex = '''(?i)secret["']?[ \t]*[:=][ \t]*["']?([a-z0-9]{40})\b'''
keywords = ["secret"]
tags = ["generic"]
`

func TestSectionSettings(t *testing.T) {
	e := loadTestConfig(t, sectionConfig)
	const v = "0123456789abcdef0123456789abcdef"
	for name, tc := range map[string]struct {
		text string
		line int // where the secret is; 0: no finding
	}{
		"yaml":                          {"acme:\n  region: eu\n  api_secret: " + v + "\nother: 1\n", 3},
		"yaml nested":                   {"services:\n  acme:\n    credentials:\n      secret: '" + v + "'\n", 4},
		"yaml comments and blanks":      {"acme:\n\n  # the secret\n  secret: " + v + "\n", 4},
		"toml":                          {"[acme]\nregion = \"eu\"\nsecret = \"" + v + "\"\n", 3},
		"toml dotted":                   {"[services.acme]\nsecret = \"" + v + "\"\n", 2},
		"ini":                           {"[Acme]\r\nSecret=" + v + "\r\n", 2},
		"json":                          {"{\n  \"acme\": {\n    \"secret\": \"" + v + "\",\n    \"id\": 1\n  }\n}\n", 3},
		"hcl":                           {"acme = {\n  secret = \"" + v + "\"\n}\n", 2},
		"flat still":                    {"ACME_SECRET=" + v + "\n", 1},
		"section ended":                 {"acme:\n  region: eu\nbilling:\n  secret: " + v + "\n", 0},
		"next ini section":              {"[acme]\nregion = eu\n[billing]\nsecret = " + v + "\n", 0},
		"keyword in a value, not a key": {"vendor: acme\n  secret: " + v + "\n", 0},
		"not a header":                  {"acme: enabled\n  secret: " + v + "\n", 0},
		"no setting name":               {"acme:\n  - " + v + "\n", 0},
	} {
		t.Run(name, func(t *testing.T) {
			var got []string
			line := 0
			for _, f := range scanText(e, "config.yml", tc.text) {
				if f.RuleID == "acme-secret" {
					got = append(got, f.Secret)
					line = f.Location.StartLine
				}
			}
			switch {
			case tc.line == 0 && len(got) > 0:
				t.Errorf("found %d, want none", len(got))
			case tc.line > 0 && (len(got) != 1 || got[0] != v || line != tc.line):
				t.Errorf("found %d at line %d, want the secret once at line %d", len(got), line, tc.line)
			}
		})
	}
}

// TestSectionColumns: the finding is at the setting's own bytes.
func TestSectionColumns(t *testing.T) {
	e := loadTestConfig(t, sectionConfig)
	v := strings.Repeat("ab", 16)
	fs := scanText(e, "a.yml", "acme:\n  secret: \""+v+"\"\n")
	if len(fs) != 1 {
		t.Fatalf("%d findings", len(fs))
	}
	l := fs[0].Location
	if got := fmt.Sprint(l.StartLine, l.StartColumn, l.EndLine, l.EndColumn); got != "2 12 2 44" {
		t.Errorf("at %s, want 2 12 2 44", got)
	}
}

// TestSectionNotForGenericRules: a section named "secret" does not make a
// generic rule match the settings below it.
func TestSectionNotForGenericRules(t *testing.T) {
	e := loadTestConfig(t, sectionConfig)
	fs := scanText(e, "a.yml", "secret:\n  value: "+strings.Repeat("a1", 20)+"\n")
	if len(fs) != 0 {
		t.Errorf("%d findings, want none", len(fs))
	}
}

func FuzzSectionAt(f *testing.F) {
	f.Add([]byte("acme:\n  secret: x\n"), 0, 4)
	f.Add([]byte("[a.acme]\r\nx=1"), 3, 7)
	f.Add([]byte("# acme\n[DEBUG] Using Key=x\n\nKEY=y"), 2, 4)
	f.Fuzz(func(t *testing.T, data []byte, start, n int) {
		if start < 0 || n <= 0 || start+n > len(data) {
			return
		}
		s, ok := sectionAt(data, start, start+n)
		if !ok {
			return
		}
		if s.header > start || s.body < start+n || s.body > len(data) || len(s.key) == 0 {
			t.Fatalf("section %+v for hit [%d,%d) of %d bytes", s, start, start+n, len(data))
		}
		lines := 0
		sectionLines(data, s, func(off int, line []byte) {
			if off < s.body || off+len(line) > len(data) || len(line) == 0 {
				t.Fatalf("line at %d of %d bytes", off, len(data))
			}
			lines++
		})
		if lines > maxSectionLines {
			t.Fatalf("%d lines", lines)
		}
	})
}

func TestNameValuePairs(t *testing.T) {
	e := loadTestConfig(t, sectionConfig)
	const v = "0123456789abcdef0123456789abcdef"
	for name, tc := range map[string]struct {
		text string
		line int // where the secret is; 0: no finding
	}{
		"kubernetes env":     {"env:\n  - name: ACME_SECRET\n    value: \"" + v + "\"\n", 3},
		"ecs json":           {`[{"name": "ACME_SECRET", "value": "` + v + `"}]`, 1},
		"ecs json lines":     {"{\n  \"name\": \"ACME_SECRET\",\n  \"value\": \"" + v + "\"\n}\n", 3},
		"cloudformation":     {"- ParameterKey: AcmeSecret\n  ParameterValue: " + v + "\n", 2},
		"valueFrom first":    {"- name: ACME_SECRET\n  valueFrom: x\n  value: " + v + "\n", 3},
		"next pair's value":  {"- name: ACME_SECRET\n- name: OTHER\n  value: " + v + "\n", 0},
		"too far":            {"- name: ACME_SECRET\n  a: 1\n  b: 2\n  value: " + v + "\n", 0},
		"name not a setting": {"- name: acme secret store\n  value: " + v + "\n", 0},
	} {
		t.Run(name, func(t *testing.T) {
			var lines []int
			for _, f := range scanText(e, "deploy.yaml", tc.text) {
				if f.RuleID == "acme-secret" && f.Secret == v {
					lines = append(lines, f.Location.StartLine)
				}
			}
			switch {
			case tc.line == 0 && len(lines) > 0:
				t.Errorf("found at %v, want none", lines)
			case tc.line > 0 && (len(lines) != 1 || lines[0] != tc.line):
				t.Errorf("found at %v, want once at line %d", lines, tc.line)
			}
		})
	}
}

func FuzzPairAt(f *testing.F) {
	fuzzPair(f, pairAt, pairSeed{"- name: ACME_SECRET\n  value: x\n", 8, 4}, pairSeed{`[{"name": "ACME_KEY", "value": "y"}]`, 11, 4})
}

func TestCommandLineOptions(t *testing.T) {
	e := loadTestConfig(t, sectionConfig)
	const v = "0123456789abcdef0123456789abcdef"
	expectFound(t, e, "run.sh", "acme-secret", v, map[string]bool{
		"acmectl login --acme-secret " + v + " --verbose": true,
		"acmectl login --acme-secret\t'" + v + "'":        true,
		"acmectl login --acme-secret=" + v:                true,
		"acmectl login -acme-secret " + v:                 false, // one dash: not taken for an option
		"acmectl login --acme-secret --other " + v:        false,
		"acmectl login --acme-secret \\\n  " + v:          false,
		"see the acme-secret " + v:                        false,
	})
}

func FuzzFlagAt(f *testing.F) {
	fuzzPair(f, flagAt, pairSeed{"x --acme-secret abc\n", 4, 4}, pairSeed{"--acme v", 2, 4})
}

func TestSetterCalls(t *testing.T) {
	e := loadTestConfig(t, sectionConfig)
	const v = "0123456789abcdef0123456789abcdef"
	expectFound(t, e, "App.java", "acme-secret", v, map[string]bool{
		`config.setAcmeSecret("` + v + `");`: true,
		`  .acmeSecret('` + v + `')`:         true,
		`config.setAcmeSecret(secret);`:      false,
		`config.setAcmeSecret (` + v + `);`:  false,
	})
}

func FuzzCallAt(f *testing.F) {
	fuzzPair(f, callAt, pairSeed{`x.setAcmeKey("abc")`, 6, 4}, pairSeed{`acme("v")`, 0, 4})
}

func TestPropertyCalls(t *testing.T) {
	e := loadTestConfig(t, sectionConfig)
	const v = "0123456789abcdef0123456789abcdef"
	const g = "q8zx2lm9wv4tb7nc3kd6rj5hp1sy0fgua8ei6ot2"
	for _, tc := range []struct {
		text, id, v string
		want        bool
	}{
		{`System.setProperty("ACME_SECRET", "` + v + `");`, "acme-secret", v, true},
		{`os.Setenv("acme.secret", '` + v + `')`, "acme-secret", v, true},
		{`val k = env.getOrDefault("ACME_SECRET", "` + v + `")`, "acme-secret", v, true},
		{`    { "ACME_SECRET", "` + v + `" },`, "acme-secret", v, true},
		{`System.setProperty("ACME_SECRET", secret);`, "acme-secret", v, false},
		{`System.setProperty(ACME_SECRET, "` + v + `");`, "acme-secret", v, false},
		// Generic rules take setters only: a getter's second argument
		// is a default.
		{`props.put("secret", "` + g + `");`, "generic-secret", g, true},
		{`os.getenv("secret", "` + g + `")`, "generic-secret", g, false},
		{`{ "secret", "` + g + `" }`, "generic-secret", g, false},
		// Ruby's set :name, as Capistrano and Sinatra write settings.
		{`set :acme_secret, "` + v + `"`, "acme-secret", v, true},
		{`set :secret, '` + g + `'`, "generic-secret", g, true},
		{`reset :secret, '` + g + `'`, "generic-secret", g, false},
		{`set :secret, fetch(:other)`, "generic-secret", g, false},
	} {
		if found := foundSecret(e, "App.java", tc.text, tc.id, tc.v); found != tc.want {
			t.Errorf("%q: found %v, want %v", tc.text, found, tc.want)
		}
	}
}

func FuzzArgAt(f *testing.F) {
	fuzzPair(f, argAt, pairSeed{`setProperty("ACME_KEY", "abc")`, 13, 4}, pairSeed{`("acme","`, 2, 4})
}

func TestXMLElements(t *testing.T) {
	e := loadTestConfig(t, sectionConfig)
	const v = "0123456789abcdef0123456789abcdef"
	expectFound(t, e, "settings.xml", "acme-secret", v, map[string]bool{
		"<acmeSecret>" + v + "</acmeSecret>":                      true,
		"  <acme-secret>\n    " + v + "\n  </acme-secret>":        true,
		"  <acme-secret>\r\n\t" + v + "\r\n  </acme-secret>":      true,
		"<acmeSecret>\n  <value>" + v + "</value>\n</acmeSecret>": false,
		"<acmeSecret>\n\n" + v + "\n</acmeSecret>":                false,
		"<acmeSecret>\n" + v + "\n":                               false, // never closed
		"#include <acme_secret.h>\n#include <" + v + ".h>":        false, // C includes
	})
	// Generic rules read elements too.
	const g = "q8zx2lm9wv4tb7nc3kd6rj5hp1sy0fgua8ei6ot2"
	if !foundSecret(e, "settings.xml", "<secret>\n  "+g+"\n</secret>", "generic-secret", g) {
		t.Error("generic rule missed a secret in an XML element")
	}
}

func FuzzElementAt(f *testing.F) {
	fuzzPair(f, elementAt, pairSeed{"<acmeKey>\n abc\n</acmeKey>", 1, 4}, pairSeed{"<acme>", 1, 4})
}

func TestEscapedLines(t *testing.T) {
	// A rule anchored at a word boundary before the provider's name.
	e := loadTestConfig(t, strings.Replace(sectionConfig, `(?i:acme)`, `\b(?i:acme)`, 1))
	const v = "0123456789abcdef0123456789abcdef"
	expectFound(t, e, "state.json", "acme-secret", v, map[string]bool{
		`{"app.env": "REGION=eu\nACME_SECRET=` + v + `\nDEBUG=1"}`: true,
		`{"app.env": "REGION=eu\tACME_SECRET=` + v + `"}`:          true,
		`{"run.sh": "export\\nACME_SECRET=` + v + `"}`:             false, // an escaped backslash, then "n"
		`{"app.env": "REGION=eunACME_SECRET=` + v + `"}`:           false,
	})
}

func FuzzEscapedLineAt(f *testing.F) {
	fuzzPair(f, escapedLineAt, pairSeed{`"a\nACME_KEY=abc\n"`, 4, 4}, pairSeed{`\nacme`, 2, 4})
}

func TestNextLineValues(t *testing.T) {
	e := loadTestConfig(t, sectionConfig)
	const v = "0123456789abcdef0123456789abcdef"
	expectFound(t, e, "deploy.yaml", "acme-secret", v, map[string]bool{
		"acme_secret: >-\n  " + v:               true,
		"acme_secret: |\n    " + v + "\n":       true,
		"ACME_SECRET = (\n    \"" + v + "\"\n)": true,
		"export ACME_SECRET=\\\n  " + v:         true,
		"acme_secret:\n\n  " + v:                false, // a blank line between
		"acme_secret: >-  # comment\n  " + v:    false,
		"acme_secret: x\n  " + v:                false, // the value is on its line
		"acme_secret:\n  " + v:                  true,
		"acme_secret:\nacme_other: " + v:        false, // a sibling key, not the value
		"acme_secret:\n  - " + v:                false, // a list
		"ACME_SECRET =\n\"" + v + "\"":          false, // not indented: another statement
	})
	const g = "q8zx2lm9wv4tb7nc3kd6rj5hp1sy0fgua8ei6ot2"
	if !foundSecret(e, "values.yaml", "secret: >-\n  "+g, "generic-secret", g) {
		t.Error("generic rule missed a block scalar")
	}
}

func FuzzNextLineAt(f *testing.F) {
	fuzzPair(f, nextLineAt, pairSeed{"acme_key: >-\n  abc", 0, 4}, pairSeed{"x acme =\\\n", 2, 4})
}

func TestEnvFallbacks(t *testing.T) {
	e := loadTestConfig(t, sectionConfig)
	const v = "0123456789abcdef0123456789abcdef"
	expectFound(t, e, "app.js", "acme-secret", v, map[string]bool{
		`const k = process.env.ACME_SECRET || "` + v + `";`:              true,
		`k = os.environ.get("ACME_SECRET") or '` + v + `'`:               true,
		`k = ENV["ACME_SECRET"] ?? "` + v + `"`:                          true,
		`      ACME_SECRET: ${ACME_SECRET:-` + v + `}`:                   true,
		`      ACME_SECRET: ${ACME_SECRET}`:                              false,
		`const k = process.env.ACME_SECRET || fallbackSecret(` + v + `)`: false, // not a literal
		`const k = process.env.ACME_SECRET | "` + v + `"`:                false,
	})
	const g = "q8zx2lm9wv4tb7nc3kd6rj5hp1sy0fgua8ei6ot2"
	if !foundSecret(e, "docker-compose.yml", "      SECRET: ${SECRET:-"+g+"}", "generic-secret", g) {
		t.Error("generic rule missed a compose default")
	}
}

func FuzzFallbackAt(f *testing.F) {
	fuzzPair(f, fallbackAt, pairSeed{`env.ACME_KEY || "abc"`, 4, 4}, pairSeed{`${ACME:-x}`, 2, 4})
}

func FuzzSymbolSetAt(f *testing.F) {
	fuzzPair(f, symbolSetAt, pairSeed{`set :acme_key, "abc"`, 5, 4}, pairSeed{`set :acme`, 5, 4})
}

func TestDSLValues(t *testing.T) {
	e := loadTestConfig(t, sectionConfig)
	const v = "0123456789abcdef0123456789abcdef"
	const g = "q8zx2lm9wv4tb7nc3kd6rj5hp1sy0fgua8ei6ot2"
	for _, tc := range []struct {
		text, id, v string
		want        bool
	}{
		{"    acmeSecret \"" + v + "\"", "acme-secret", v, true},
		{"acme_secret '" + v + "';", "acme-secret", v, true},
		{"        secret \"" + g + "\"", "generic-secret", g, true},
		{"print secret \"" + g + "\"", "generic-secret", g, false}, // not the line's first word
		{"secret \"" + g + "\" + suffix", "generic-secret", g, false},
	} {
		if found := foundSecret(e, "build.gradle", tc.text, tc.id, tc.v); found != tc.want {
			t.Errorf("%q: found %v, want %v", tc.text, found, tc.want)
		}
	}
}

func FuzzDSLValueAt(f *testing.F) {
	fuzzPair(f, dslValueAt, pairSeed{"  acmeKey \"abc\"\n", 2, 4}, pairSeed{"acme '", 0, 4})
}

// pairSeed is a fuzz seed of a pair finder: text, and a keyword hit's
// start and length in it.
type pairSeed struct {
	text     string
	start, n int
}

// fuzzPair fuzzes pair finder find from seeds with checkPair.
func fuzzPair(f *testing.F, find func(data []byte, start, end int) (section, bool), seeds ...pairSeed) {
	for _, sd := range seeds {
		f.Add([]byte(sd.text), sd.start, sd.n)
	}
	f.Fuzz(func(t *testing.T, data []byte, start, n int) {
		checkPair(t, data, start, n, find)
	})
}

// checkPair runs a pair finder on a fuzzed hit: a pair it returns has its
// name around the hit and its value after the name, within data.
func checkPair(t *testing.T, data []byte, start, n int, find func(data []byte, start, end int) (section, bool)) {
	t.Helper()
	if start < 0 || n <= 0 || start+n > len(data) {
		return
	}
	p, ok := find(data, start, start+n)
	if !ok {
		return
	}
	// A composed name is put together, not read: it need not span the
	// bytes before the value.
	keyEnd := p.name + len(p.key)
	if p.composed {
		keyEnd = min(keyEnd, p.value)
	}
	if p.name > start || p.name >= p.value || !p.composed && keyEnd < start+n || p.value < keyEnd || p.valueEnd < p.value || p.valueEnd > len(data) {
		t.Fatalf("pair %+v for hit [%d,%d) of %d bytes", p, start, start+n, len(data))
	}
}

// foundSecret reports whether scanning text as path yields rule id with
// secret v.
func foundSecret(e *Engine, path, text, id, v string) bool {
	return slices.ContainsFunc(scanText(e, path, text+"\n"), func(f finding.Finding) bool { return f.RuleID == id && f.Secret == v })
}

func TestPhraseNames(t *testing.T) {
	e := loadTestConfig(t, sectionConfig)
	const v = "0123456789abcdef0123456789abcdef"
	const g = "q8zx2lm9wv4tb7nc3kd6rj5hp1sy0fgua8ei6ot2"
	for _, tc := range []struct {
		text, id, v string
		want        bool
	}{
		{"# acme secret: " + v, "acme-secret", v, true},
		{"acme api secret = '" + v + "'", "acme-secret", v, true},
		{"[DEBUG] Using acme SECRET=" + v, "acme-secret", v, true},
		{`"Acme Secret": "` + v + `",`, "acme-secret", v, true},
		{"acme\tsecret => '" + v + "'", "acme-secret", v, true},
		{"acme is where the secret = " + v, "acme-secret", v, false}, // more words than a name has
		{"acme secret == '" + v + "'", "acme-secret", v, false},      // a comparison
		{"acme secret - '" + v + "'", "acme-secret", v, true},
		{"- acme secret -" + v, "acme-secret", v, false}, // a dash, not a separator
		// Generic rules match names as written, not phrases.
		{"the secret = " + g, "generic-secret", g, true},
		{"secret santa = " + g, "generic-secret", g, false},
	} {
		if found := foundSecret(e, "notes.txt", tc.text, tc.id, tc.v); found != tc.want {
			t.Errorf("%q: found %v, want %v", tc.text, found, tc.want)
		}
	}
}

func FuzzPhraseAt(f *testing.F) {
	fuzzPair(f, phraseAt, pairSeed{"# acme api key: abc", 2, 4}, pairSeed{"acme key", 0, 4})
}

func TestURLQueries(t *testing.T) {
	e := loadTestConfig(t, sectionConfig)
	const v = "0123456789abcdef0123456789abcdef"
	expectFound(t, e, "client.py", "acme-secret", v, map[string]bool{
		`url = "https://api.acme.io/v1/items?secret=` + v + `"`:                 true,
		`curl 'https://acme.io/export?format=csv&amp;api_secret=` + v + `&x=1'`: true,
		`<a href="https://eu.acme.io/?q=x&secret=` + v + `#top">`:               true,
		`https://api.acme.io/v1/items?id=` + v:                                  false, // not a credential's name
		`https://api.acme.io/v1/items#secret=` + v:                              false, // a fragment, not a query
		`see acme docs, then https://example.com/?secret=` + v:                  false, // the keyword is not in the URL
	})
}

func FuzzQueryAt(f *testing.F) {
	fuzzPair(f, queryAt, pairSeed{"https://api.acme.io/x?a=1&amp;key=abc", 12, 4}, pairSeed{"http://acme?", 7, 4})
}

func TestProseHeaders(t *testing.T) {
	e := loadTestConfig(t, sectionConfig)
	const v = "0123456789abcdef0123456789abcdef"
	expectFound(t, e, "app.log", "acme-secret", v, map[string]bool{
		"# Acme\nAPI_SECRET=" + v:                                           true,
		"// acme credentials\nconst secret = \"" + v + "\"":                 true,
		"[INFO] Sending request to the acme API\n[DEBUG] Using Secret=" + v: true,
		"# Acme, see https://acme.io/docs\n# the key\nsecret: " + v:         true,
		"# Acme\nREGION=eu\nDEBUG=1\nLOG=2\nSECRET=" + v:                    false, // too far below
		"# Acme\n\nSECRET=" + v:                                             false, // a blank line ends it
		"acme = true\nSECRET=" + v:                                          false, // the line sets acme
		"acme: https://acme.io/x, region: eu\nSECRET=" + v:                  false,
		"Using acme\nsee \"secret\" below, not " + v:                        false, // sets nothing
		"acme.init()\nsecret = \"" + v + "\"":                               false, // code, not words
	})
}

func FuzzSettingName(f *testing.F) {
	f.Add([]byte(`[DEBUG] Using Key=x`))
	f.Add([]byte(`  "secret": "x"`))
	f.Add([]byte(`x := 1`))
	f.Fuzz(func(t *testing.T, line []byte) {
		name, ok := settingName(line)
		if ok && (name < 0 || name >= len(line) || !isDottedNameByte(line[name])) {
			t.Fatalf("name at %d of %q", name, line)
		}
	})
}

func TestClientConstructors(t *testing.T) {
	e := loadTestConfig(t, `
[[rules]]
id = "acme-key"
regex = '''(?i:acme)[\w.:-]{0,20}(?i:key)[\w.:-]{0,12}["']?[ \t]*[:=][ \t]*["']?([a-f0-9]{32})\b'''
keywords = ["acme"]
tags = ["acme"]
[[rules]]
id = "generic-api-key"
regex = '''(?i)key["']?[ \t]*[:=][ \t]*["']?([a-f0-9]{32})\b'''
keywords = ["key"]
tags = ["generic"]
`)
	const v = "0123456789abcdef0123456789abcdef"
	expectFound(t, e, "app.js", "acme-key", v, map[string]bool{
		`const client = new acme.ServerClient("` + v + `");`: true,
		`api = acme.Acme('` + v + `')`:                       true,
		`client = Acme::ApiClient.new('` + v + `')`:          true,
		`otx = AcmeV2("` + v + `")`:                          true,
		`acme.lookup("` + v + `")`:                           true, // a literal given to the client is its key
		`acme.setRegion("` + v + `")`:                        true,
		`acme.getToken("` + v + `")`:                         false, // a getter takes a name, not the credential
		`acme.set_api_key("` + v + `")`:                      true,  // a setter takes it
		`acme.connect(region, "` + v + `")`:                  false, // not the first argument
		`acme.ServerClient(process.env.ACME_KEY)`:            false,
		`ctxt.acmewareFind("` + v + `")`:                     false, // the keyword ends inside a word
	})
	// Generic rules do not read a constructor's literal as a key.
	if found := foundSecret(e, "app.js", `x = Widget("`+v+`")`, "generic-api-key", v); found {
		t.Error("generic rule took a constructor's literal")
	}
}

func FuzzCtorAt(f *testing.F) {
	fuzzPair(f, ctorAt, pairSeed{`new acme.Client("abc")`, 4, 4}, pairSeed{`acme(`, 0, 4})
}

func TestBlockSections(t *testing.T) {
	e := loadTestConfig(t, sectionConfig)
	const v = "0123456789abcdef0123456789abcdef"
	expectFound(t, e, "app.js", "acme-secret", v, map[string]bool{
		"const client = new Acme({\n  region: 'eu',\n  secret: '" + v + "',\n});":                    true,
		"gateway = acme.Configuration(\n    acme.Environment.Sandbox,\n    secret=\"" + v + "\",\n)": true,
		"provider \"acme\" {\n  region = \"eu\"\n  secret = \"" + v + "\"\n}":                        true,
		"const client = new Acme({\n  region: 'eu',\n});\nconst secret = '" + v + "';":               false, // after the block
		"acme.configure(region,\n  secret: '" + v + "')":                                             false, // the line does not end with "("
		"resource \"other\" \"acme\" {\n  secret = \"" + v + "\"\n}":                                 false, // a name the user chose
		"resource \"acme_user\" \"x\" {\n  secret = \"" + v + "\"\n}":                                true,
	})
}

// expectFound scans each text as path and checks whether rule id reports
// secret v in it, as each case wants.
func expectFound(t *testing.T, e *Engine, path, id, v string, cases map[string]bool) {
	t.Helper()
	for text, want := range cases {
		if found := foundSecret(e, path, text, id, v); found != want {
			t.Errorf("%q: found %v, want %v", text, found, want)
		}
	}
}
