package rules

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
)

// loadTestConfig compiles a configuration written inline.
func loadTestConfig(t *testing.T, toml string) *Engine {
	t.Helper()
	p := filepath.Join(t.TempDir(), "test.toml")
	if err := os.WriteFile(p, []byte(toml), 0o600); err != nil {
		t.Fatal(err)
	}
	e, _, err := Load(LoadOptions{ConfigFile: p})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func scanText(e *Engine, path, text string) []finding.Finding {
	loc := finding.Location{Kind: finding.KindFile, Path: path, Key: path}
	return e.Scan(Chunk{Data: []byte(text), Location: loc}).Findings
}

func TestOverlappingKeywords(t *testing.T) {
	e := loadTestConfig(t, `
[[rules]]
id = "long"
regex = '''api_key=(\w{8})'''
keywords = ["api_key"]
[[rules]]
id = "short"
regex = '''key=(\w{8})'''
keywords = ["key"]
`)
	got := ruleIDs(scanText(e, "a.txt", "api_key=abcdefgh\n"))
	if strings.Join(got, ",") != "long,short" {
		t.Errorf("rules = %v, want both: keywords overlap", got)
	}
}

func TestGenericLosesToSpecific(t *testing.T) {
	e := loadTestConfig(t, `
[[rules]]
id = "specific"
regex = '''tok_[a-z]{8}'''
keywords = ["tok_"]
[[rules]]
id = "generic"
regex = '''token\s*=\s*"([^"]+)"'''
keywords = ["token"]
tags = ["generic"]
`)
	got := ruleIDs(scanText(e, "a.txt", `token = "tok_abcdefgh"`+"\n"+`token = "zzzzzzzz"`))
	if strings.Join(got, ",") != "specific,generic" {
		t.Errorf("rules = %v, want specific then generic on line 2 only", got)
	}
}

func TestLineAndColumn(t *testing.T) {
	e := loadTestConfig(t, `
[[rules]]
id = "t"
regex = '''tok_[a-z]{8}'''
keywords = ["tok_"]
`)
	fs := scanText(e, "a.txt", "one\ntwo tok_abcdefgh\n\n  tok_zyxwvuts")
	if len(fs) != 2 {
		t.Fatalf("findings = %v", fs)
	}
	for i, want := range [][4]int{{2, 5, 2, 17}, {4, 3, 4, 15}} {
		l := fs[i].Location
		if got := [4]int{l.StartLine, l.StartColumn, l.EndLine, l.EndColumn}; got != want {
			t.Errorf("finding %d at %v, want %v", i, got, want)
		}
	}
}

func TestSuppressions(t *testing.T) {
	e := loadTestConfig(t, `
[[rules]]
id = "t"
regex = '''tok_[a-z]{8}'''
keywords = ["tok_"]
`)
	cases := map[string]int{
		"x = tok_abcdefgh // keysweep:allow test fixture":       0,
		"# keysweep:allow rotated in 2024\nx = tok_abcdefgh":    0,
		"x = tok_abcdefgh # gitleaks:allow":                     0,
		"x = tok_abcdefgh # trufflehog:ignore":                  0,
		"x = tok_abcdefgh # pragma: allowlist secret":           0,
		"# pragma: allowlist nextline secret\nx = tok_abcdefgh": 0,
		"x = tok_abcdefgh // keysweep:allow":                    1, // no reason
		"# keysweep:allow fixture\n\nx = tok_abcdefgh":          1, // not the line above
		"x = tok_abcdefgh":                                      1,
	}
	for text, want := range cases {
		res := e.Scan(Chunk{Data: []byte(text), Location: finding.Location{Path: "a"}})
		if len(res.Findings) != want {
			t.Errorf("%q: %d findings, want %d", text, len(res.Findings), want)
		}
		if want == 0 && res.Suppressed != 1 {
			t.Errorf("%q: suppressed = %d, want 1", text, res.Suppressed)
		}
		if want == 1 && strings.Contains(text, "keysweep:allow\n") == false && strings.HasSuffix(text, "keysweep:allow") && !strings.Contains(res.Findings[0].Message, "needs a reason") {
			t.Errorf("%q: message %q should say the directive needs a reason", text, res.Findings[0].Message)
		}
	}
}

func TestAllowlists(t *testing.T) {
	e := loadTestConfig(t, `
[[rules]]
id = "t"
regex = '''tok_([a-z]{8})'''
keywords = ["tok_"]
[[rules.allowlists]]
stopwords = ["fake"]
[[rules.allowlists]]
condition = "AND"
paths = ['''^test/''']
regexTarget = "line"
regexes = ['''fixture''']

[[allowlists]]
paths = ['''^vendor/''']
`)
	cases := []struct {
		path, text string
		want       int
	}{
		{"a.txt", "tok_abcdefgh", 1},
		{"a.txt", "tok_fakeabcd", 0},
		{"vendor/x.go", "tok_abcdefgh", 0},
		{"test/x.go", "tok_abcdefgh", 1},
		{"test/x.go", "fixture tok_abcdefgh", 0},
		{"src/x.go", "fixture tok_abcdefgh", 1},
	}
	for _, c := range cases {
		if got := len(scanText(e, c.path, c.text)); got != c.want {
			t.Errorf("%s %q: %d findings, want %d", c.path, c.text, got, c.want)
		}
	}
}

func TestRequiredCompanion(t *testing.T) {
	e := loadTestConfig(t, `
[[rules]]
id = "key-id"
regex = '''KID[0-9]{4}'''
keywords = ["kid"]
skipReport = true
[[rules]]
id = "pair"
regex = '''secret=([a-z]{8})'''
keywords = ["secret="]
[[rules.required]]
id = "key-id"
withinLines = 1
`)
	if got := ruleIDs(scanText(e, "a", "KID1234\nsecret=abcdefgh")); strings.Join(got, ",") != "pair" {
		t.Errorf("with companion: %v", got)
	}
	if got := ruleIDs(scanText(e, "a", "KID1234\n\n\nsecret=abcdefgh")); len(got) != 0 {
		t.Errorf("companion too far: %v", got)
	}
}

// TestRequiredPartnerMissingLeavesGeneric: a rule whose required partner
// is missing outranks nothing; a generic rule's match of the same secret
// is reported. With the partner, the specific rule wins.
func TestRequiredPartnerMissingLeavesGeneric(t *testing.T) {
	e := loadTestConfig(t, `
[[rules]]
id = "key-id"
regex = '''KID[0-9]{4}'''
keywords = ["kid"]
skipReport = true
[[rules]]
id = "pair"
regex = '''token=([a-z0-9]{12})'''
keywords = ["token="]
[[rules.required]]
id = "key-id"
withinLines = 1
[[rules]]
id = "generic-token"
regex = '''token=([a-z0-9]{12})'''
keywords = ["token="]
tags = ["generic"]
`)
	if got := ruleIDs(scanText(e, "a", "token=q8zx2lm9wv4t")); strings.Join(got, ",") != "generic-token" {
		t.Errorf("without the partner: %v, want generic-token", got)
	}
	if got := ruleIDs(scanText(e, "a", "KID1234\ntoken=q8zx2lm9wv4t")); strings.Join(got, ",") != "pair" {
		t.Errorf("with the partner: %v, want pair", got)
	}
}

func TestFingerprintIgnoresLine(t *testing.T) {
	e := loadTestConfig(t, `
[[rules]]
id = "t"
regex = '''tok_[a-z]{8}'''
keywords = ["tok_"]
`)
	a := scanText(e, "a.txt", "tok_abcdefgh")[0].Fingerprint
	b := scanText(e, "a.txt", "\n\n\nx tok_abcdefgh")[0].Fingerprint
	c := scanText(e, "a.txt", "tok_abcdefgi")[0].Fingerprint
	d := scanText(e, "b.txt", "tok_abcdefgh")[0].Fingerprint
	if a != b || a == c || a == d {
		t.Errorf("fingerprints: moved %v, other secret %v, other file %v", a == b, a != c, a != d)
	}
}

func TestMultilineWindow(t *testing.T) {
	e := loadTestConfig(t, `
[[rules]]
id = "block"
regex = '''-----BEGIN X-----\n[A-Za-z0-9\n]{20,}-----END X-----'''
keywords = ["-----begin x"]
span = 16384
`)
	body := strings.Repeat("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo\n", 200)
	if got := scanText(e, "k", "-----BEGIN X-----\n"+body+"-----END X-----\n"); len(got) != 1 {
		t.Errorf("multi-line block: %d findings", len(got))
	}
}

func TestCanMatchNewline(t *testing.T) {
	for expr, want := range map[string]bool{
		`key\s*=\s*(\w+)`:       false,
		`a[ \t]*b`:              false,
		`(?s)begin.*end`:        true,
		`begin\nbody`:           true,
		`BEGIN[\s\S]{64,}END`:   true,
		`[A-Za-z0-9+/=\n]{64,}`: true,
		`ghp_[A-Za-z0-9]{36}`:   false,
	} {
		if got := canMatchNewline(expr); got != want {
			t.Errorf("canMatchNewline(%q) = %v, want %v", expr, got, want)
		}
	}
}

func TestPriorities(t *testing.T) {
	e := loadTestConfig(t, `
[[rules]]
id = "issuer"
regex = 'pw_[a-z]{8}'
keywords = ["pw_"]
[[rules]]
id = "uri"
regex = '://\w+:(\w+)@'
keywords = ["://"]
tags = ["container"]
[[rules]]
id = "generic"
regex = 'url\s*=\s*"([^"]+)"'
keywords = ["url"]
tags = ["generic"]
`)
	got := ruleIDs(scanText(e, "a", "x://u:pw_abcdefgh@h\nx://u:"+strings.Repeat("z", 8)+"@h\nurl = \"qqqqqqqq\""))
	if strings.Join(got, ",") != "issuer,uri,generic" {
		t.Errorf("rules = %v, want the issuer's rule on line 1, the URI rule on line 2, generic on 3", got)
	}
}

// TestDenseHitsFallBackToWindows: a keyword that matches at every byte of a
// run (a prefix of A's, in a run of A's) exceeds the anchored-attempt budget;
// the rule must still find a real match after the run.
func TestDenseHitsFallBackToWindows(t *testing.T) {
	e := loadTestConfig(t, `
[[rules]]
id = "bearer"
regex = '(?:^|[^A-Za-z0-9])(AAAAAAAA[a-z]{8})(?:[^A-Za-z0-9]|$)'
keywords = ["aaaaaaaa"]
`)
	r, _ := e.Rule("bearer")
	if r.anchor.re == nil || !r.anchor.delimited {
		t.Fatalf("the rule should be anchored with a delimiter")
	}
	text := strings.Repeat("A", 1<<20) + " AAAAAAAAabcdefgh\n" + strings.Repeat("a", 1<<20) + " AAAAAAAAzyxwvuts"
	fs := scanText(e, "a", text)
	if len(fs) != 2 || fs[0].Secret != "AAAAAAAAabcdefgh" || fs[1].Location.StartLine != 2 {
		t.Errorf("findings = %v", fs)
	}
}

// TestDelimitedAnchorMidLine: a rule that starts with (?:^|[class]) must not
// match inside a run where the byte before is not in the class.
func TestDelimitedAnchorMidLine(t *testing.T) {
	e := loadTestConfig(t, `
[[rules]]
id = "tok"
regex = '(?:^|[^A-Za-z0-9])(AAAA[a-z]{4})'
keywords = ["aaaa"]
`)
	cases := map[string]int{
		"AAAAabcd":       1, // start of text
		"x\nAAAAabcd":    1, // start of a line
		"x=AAAAabcd":     1, // after a delimiter
		"xAAAAabcd":      0, // inside a word
		"AAAAAAAAAAabcd": 0, // the run ends mid-word: no delimiter before AAAAabcd
		"bAAAAAAAAAabcd": 0,
	}
	for text, want := range cases {
		if got := len(scanText(e, "a", text)); got != want {
			t.Errorf("%q: %d findings, want %d", text, got, want)
		}
	}
}

func TestCompanionsMakeOneFinding(t *testing.T) {
	e := loadTestConfig(t, `
[[rules]]
id = "key-id"
regex = 'KID[0-9]{6}'
keywords = ["kid"]
[[rules]]
id = "key-secret"
regex = 'secret=([a-z]{12})'
keywords = ["secret="]
[[rules.companions]]
id = "key-id"
withinLines = 2
`)
	fs := scanText(e, "a", "KID123456\nsecret=qzkwmvbxrtpl\n\n\n\nKID654321\n")
	if len(fs) != 2 || fs[0].RuleID != "key-secret" || fs[0].Parts["key-id"] != "KID123456" || fs[1].Secret != "KID654321" {
		t.Fatalf("findings %+v", fs)
	}
	if d := fs[0].Details["paired_with"]; !strings.HasPrefix(d, "key-id KI…") || strings.Contains(d, "KID123456") {
		t.Errorf("paired_with %q must name the part, redacted", d)
	}
	if fs := scanText(e, "a", "secret=qzkwmvbxrtpl\n"); len(fs) != 1 || fs[0].Parts != nil {
		t.Errorf("alone: %+v", fs)
	}
}

// TestLazyCompanions: an identifier reported only as a part (skipReport)
// is matched around the findings it completes, within reach, and not as a
// keyword rule of its own.
func TestLazyCompanions(t *testing.T) {
	e := loadTestConfig(t, `
[[rules]]
id = "key-id"
regex = 'KID[0-9]{6}'
keywords = ["kid"]
skipReport = true
[[rules]]
id = "key-secret"
regex = 'secret=([a-z]{12})'
keywords = ["secret="]
[[rules.companions]]
id = "key-id"
withinLines = 2
`)
	if !e.lazy[e.byID["key-id"]] || e.lazy[e.byID["key-secret"]] {
		t.Fatalf("lazy = %v", e.lazy)
	}
	for _, k := range e.keywords {
		if k == "kid" {
			t.Error("a lazy companion's keyword is in the automaton")
		}
	}
	for text, want := range map[string]string{
		"KID123456\nsecret=qzkwmvbxrtpl\n":            "KID123456",
		"secret=qzkwmvbxrtpl\n\nKID654321\n":          "KID654321",
		"KID111111\n\n\n\nsecret=qzkwmvbxrtpl\n":      "", // three lines away
		"x KID222222 secret=qzkwmvbxrtpl KID333333\n": "KID222222",
	} {
		fs := scanText(e, "a", text)
		if len(fs) != 1 || fs[0].RuleID != "key-secret" || fs[0].Parts["key-id"] != want {
			t.Errorf("%q: findings %+v, want the secret with part %q", text, fs, want)
		}
	}
}

// TestProviderNameStartsAWord: a provider's name inside another word
// (box in checkbox) names no provider, as written or flat (a section's
// key, a pair's name); at a word's start, a camelCase boundary or after
// -D it does.
func TestProviderNameStartsAWord(t *testing.T) {
	e := loadTestConfig(t, `
[[rules]]
id = "box-token"
regex = '''(?i:box)[\w.:-]{0,10}(?i:token)["']?[ \t]*[:=][ \t]*["']?([A-Za-z0-9]{32})\b'''
keywords = ["box"]
confidence = "medium"
tags = ["box"]
`)
	const v = "Zq8xL2mN9vB4kP7tR3wYc6Hd5Jf1Kg0S"
	for text, want := range map[string]bool{
		"BOX_TOKEN=" + v:                  true,
		"myBoxToken = \"" + v + "\"":      true,
		"java -Dbox.token=" + v + " -jar": true,
		"checkbox_token=" + v:             false,
		"INBOX_TOKEN=" + v:                false,
		// The same, flat: a section's key, a pair's name.
		"checkbox:\n  token: " + v:                         false,
		"box:\n  token: " + v:                              true,
		`{"name": "checkbox_token", "value": "` + v + `"}`: false,
	} {
		if got := len(scanText(e, "a.txt", text)); (got == 1) != want {
			t.Errorf("%q: %d findings, want found=%v", text, got, want)
		}
	}
}

func TestReportStructuralFinding(t *testing.T) {
	set := newRuleSet()
	set.add("test", RuleSpec{ID: "dockerfile-env-secret", Title: "Secret in ENV", Severity: "critical", Confidence: "high", Check: CheckDockerfile})
	set.add("test", RuleSpec{ID: "doc-only", Title: "x", Check: CheckIAM, Allowlists: []AllowlistSpec{{Paths: []string{`^allowed/`}}}})
	e, err := set.compile("")
	if err != nil {
		t.Fatal(err)
	}
	loc := finding.Location{Kind: finding.KindFile, Path: "app/Dockerfile", Key: "app/Dockerfile", StartLine: 3}
	f, ok := e.Report("dockerfile-env-secret", loc, "ENV DB_PASSWORD holds a literal value", "s3cr3t-value")
	if !ok || f.Severity != finding.Critical || f.Fingerprint == "" || f.Secret != "s3cr3t-value" || f.Location.StartLine != 3 {
		t.Fatalf("Report = %+v, %v", f, ok)
	}
	loc.StartLine = 9
	if g, _ := e.Report("dockerfile-env-secret", loc, "ENV DB_PASSWORD holds a literal value", "s3cr3t-value"); g.Fingerprint != f.Fingerprint {
		t.Error("fingerprint changed with the line")
	}
	test := finding.Location{Kind: finding.KindFile, Path: "testdata/Dockerfile", Key: "testdata/Dockerfile"}
	if g, _ := e.Report("dockerfile-env-secret", test, "m", "v"); g.Severity != finding.High {
		t.Errorf("test path severity = %v, want lowered to high", g.Severity)
	}
	if _, ok := e.Report("no-such-rule", loc, "m", ""); ok {
		t.Error("unknown rule reported")
	}
	if _, ok := e.Report("doc-only", finding.Location{Kind: finding.KindFile, Path: "allowed/p.json", Key: "allowed/p.json"}, "m", ""); ok {
		t.Error("allowlisted path reported")
	}
	// A check rule is never matched as content.
	if fs := e.Scan(Chunk{Data: []byte("dockerfile-env-secret doc-only"), Location: loc}).Findings; len(fs) != 0 {
		t.Errorf("check rules matched content: %v", fs)
	}
}

func TestCheckRuleSpecErrors(t *testing.T) {
	for _, spec := range []RuleSpec{
		{ID: "a", Check: "nope"},
		{ID: "b", Check: CheckIAM, Regex: "x"},
		{ID: "c", Check: CheckIAM, Keywords: []string{"x"}},
	} {
		if _, err := compileRule("f.toml", spec); err == nil || !strings.Contains(err.Error(), `rule "`+spec.ID+`"`) {
			t.Errorf("compileRule(%+v) error = %v", spec, err)
		}
	}
}

// TestResourcesHaveNoPathContext: an ARN is not a file path; a parameter
// named /test/... is not a test fixture.
func TestResourcesHaveNoPathContext(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tok := fakeGitHubToken('r')
	loc := finding.Location{Kind: finding.KindResource, Resource: "arn:aws:ssm:us-east-1:123456789012:parameter/test/app/token", Field: "Value"}
	fs := e.Scan(Chunk{Data: []byte(tok), Location: loc}).Findings
	if len(fs) != 1 || fs[0].Severity != finding.Critical {
		t.Fatalf("findings %v", fs)
	}
}

// FuzzASCIILower checks the eight-bytes-at-a-time lower-casing against
// the byte-by-byte definition.
func FuzzASCIILower(f *testing.F) {
	f.Add([]byte("Hello, WORLD! @[`{ AZaz \x80\xc1\xda\xff"), []byte("pre"))
	f.Fuzz(func(t *testing.T, src, dst []byte) {
		got := asciiLower(slices.Clone(dst), src)
		want := slices.Clone(dst)
		for _, c := range src {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			want = append(want, c)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("asciiLower(%q, %q) = %q, want %q", dst, src, got, want)
		}
	})
}

// TestGenericMatchesCheckedLast: a generic rule's match of a secret that a
// rule of higher priority found is not reported (nor checked); one that is
// a companion of another rule is never deferred, so the pairing holds.
func TestGenericMatchesCheckedLast(t *testing.T) {
	e := loadTestConfig(t, `
[[rules]]
id = "specific"
regex = 'tok_[a-z]{8}'
keywords = ["tok_"]
[[rules]]
id = "generic"
regex = '(?i)token\s*=\s*"([^"]+)"'
keywords = ["token"]
tags = ["generic"]
[[rules]]
id = "generic-user"
regex = 'user=([a-z]{6})'
keywords = ["user="]
tags = ["generic"]
[[rules]]
id = "pass"
regex = 'pass=([a-z]{10})'
keywords = ["pass="]
[[rules.companions]]
id = "generic-user"
withinLines = 1
`)
	if e.deferred[e.byID["generic-user"]] || !e.deferred[e.byID["generic"]] || e.deferred[e.byID["specific"]] {
		t.Fatal("deferred rules: want generic only, not a companion")
	}
	got := ruleIDs(scanText(e, "a.txt", "TOKEN = \"tok_abcdefgh\"\nTOKEN = \"zzzzzzzzzz\"\nuser=alicex\npass=qwertyuiop\n"))
	if strings.Join(got, ",") != "specific,generic,pass" {
		t.Errorf("rules = %v, want specific, generic on line 2, and pass with its user folded in", got)
	}
}

// TestAnchorAfterUnderscore: a rule starting (?:\b|_) is anchored at its
// keyword, and a '_' before the hit does not dismiss it.
func TestAnchorAfterUnderscore(t *testing.T) {
	e := loadTestConfig(t, `
[[rules]]
id = "acme-key"
regex = '''(?i:(?:\b|_)acme_key)=([a-z0-9]{12})'''
keywords = ["acme"]
`)
	r, _ := e.Rule("acme-key")
	if r.anchor.re == nil || !r.anchor.underscore {
		t.Fatalf("anchor %+v: want an underscore-tolerant anchor", r.anchor)
	}
	for text, want := range map[string]bool{
		"ACME_KEY=q8zx2lm9wv4t":     true,
		"APP_ACME_KEY=q8zx2lm9wv4t": true,
		"XACME_KEY=q8zx2lm9wv4t":    false,
	} {
		if got := len(scanText(e, "a.env", text)) == 1; got != want {
			t.Errorf("%s: found %v, want %v", text, got, want)
		}
	}
}
