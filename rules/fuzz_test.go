package rules

import (
	"testing"

	"github.com/keysweep/keysweep/finding"
)

// FuzzParse feeds arbitrary configuration files to the loader: it may
// reject them, never panic.
func FuzzParse(f *testing.F) {
	f.Add([]byte("[[rules]]\nid = \"x\"\nregex = '''a(b)c'''\nkeywords = [\"a\"]\n"))
	f.Add([]byte("[extend]\nuseDefault = true\ndisabledRules = [\"x\"]\n[[allowlists]]\nstopwords = [\"s\"]\n"))
	f.Add([]byte("[[rules]]\nid = \"y\"\nregex = '''(?s)x.*'''\nsecretGroup = 3\n"))
	f.Add([]byte("[[rules]]\nnope = 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse("fuzz.toml", data)
		if err != nil {
			return
		}
		set := newRuleSet()
		for _, r := range cfg.Rules {
			set.add("fuzz.toml", r)
		}
		set.addAllowlists("fuzz.toml", cfg)
		e, err := set.compile("")
		if err != nil {
			return
		}
		e.Scan(Chunk{Data: data, Location: finding.Location{Path: "fuzz.toml"}})
	})
}

// FuzzScan runs the built-in catalog over arbitrary content: no panic, and
// every finding lies inside the content.
func FuzzScan(f *testing.F) {
	e, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte("token = \""+fakeGitHubToken('0')+"\"\n"), 0)
	f.Add([]byte("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----"), 3)
	f.Add([]byte("password=\xff\xfe\x00secret # keysweep:allow"), 5)
	f.Fuzz(func(t *testing.T, data []byte, limit int) {
		res := e.Scan(Chunk{Data: data, Limit: limit, Location: finding.Location{Path: "f"}})
		lines := 1
		for _, c := range data {
			if c == '\n' {
				lines++
			}
		}
		for _, fd := range res.Findings {
			l := fd.Location
			if l.StartLine < 1 || l.StartLine > lines || l.EndLine < l.StartLine || l.StartColumn < 1 {
				t.Fatalf("finding outside the content: %+v", l)
			}
		}
	})
}
