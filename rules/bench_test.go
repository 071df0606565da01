package rules_test

import (
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
	"github.com/keysweep/keysweep/rules/rulestest"
)

// BenchmarkEngine measures the content engine's throughput on a generated
// source-code corpus with a secret planted every 64 KiB, one 1 MiB chunk at
// a time as a file scanner feeds it.
func BenchmarkEngine(b *testing.B) {
	e, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	data, planted := rulestest.Corpus(1, 16<<20, 64<<10)
	const chunk = 1 << 20
	loc := finding.Location{Kind: finding.KindFile, Path: "corpus.go", Key: "corpus.go"}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	found := 0
	for range b.N {
		found = 0
		for off := 0; off < len(data); off += chunk {
			res := e.Scan(rules.Chunk{Data: data[off:min(off+chunk, len(data))], Location: loc})
			for _, f := range res.Findings {
				if f.RuleID == "github-pat" {
					found++
				}
			}
		}
	}
	b.StopTimer()
	if found < len(planted)*9/10 {
		b.Fatalf("found %d of %d planted secrets", found, len(planted))
	}
}

// BenchmarkDenseShapes measures the engine on 1 MiB chunks that repeat
// one provider keyword in the shapes the pair and section finders read
// (a URL with a query, a name in words, comment headers, log lines): the
// worst case of their per-hit work, which stays bounded per hit.
func BenchmarkDenseShapes(b *testing.B) {
	e, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct{ name, unit string }{
		{"url-query", "https://mixpanel.example/a?b=1&key="},
		{"words", "mixpanel api secret mixpanel key "},
		{"comment-headers", "# mixpanel\n"},
		{"log-lines", "[INFO] mixpanel twilio api\n"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			data := []byte(strings.Repeat(bc.unit, (1<<20)/len(bc.unit)))
			b.SetBytes(int64(len(data)))
			for range b.N {
				e.Scan(rules.Chunk{Data: data, Location: finding.Location{Kind: finding.KindFile, Path: "dense.txt", Key: "dense.txt"}})
			}
		})
	}
}

func TestCorpusPlantedSecretsFound(t *testing.T) {
	e, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	data, planted := rulestest.Corpus(2, 1<<20, 32<<10)
	res := e.Scan(rules.Chunk{Data: data, Location: finding.Location{Kind: finding.KindFile, Path: "c.go"}})
	lines := map[int]bool{}
	for _, f := range res.Findings {
		if f.RuleID == "github-pat" {
			lines[f.Location.StartLine] = true
		}
	}
	for _, p := range planted {
		if !lines[p.Line] {
			t.Errorf("planted secret on line %d not found", p.Line)
		}
	}
	if len(planted) == 0 {
		t.Fatal("nothing planted")
	}
}
