package fs

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/rules"
)

// sourceLines are the raw material of generated source files: code with
// the words that rule keywords look for (token, key, secret, password),
// so that the prefilter has work to do.
var sourceLines = []string{
	"package %s",
	"import \"fmt\"",
	"// %s returns the token for the given key, or an error.",
	"func %s(ctx context.Context, key string) (string, error) {",
	"\tif key == \"\" {",
	"\t\treturn \"\", fmt.Errorf(\"%s: empty key\")",
	"\t}",
	"\tsecret := os.Getenv(\"APP_SECRET_%d\")",
	"\tpassword := cfg.Password // read from the vault at run time",
	"\tfor i := 0; i < len(items); i++ { total += items[i].Size * %d }",
	"\treturn strings.TrimSpace(secret), nil",
	"}",
	"var table = []string{\"alpha\", \"beta\", \"gamma\", \"%s\", \"epsilon\"}",
	"const apiURL = \"https://api.example.com/v2/%s?limit=%d\"",
}

// genTree writes files source-like files of about size bytes each under
// root, spread over nested folders, and plants secrets in planted of them.
func genTree(b *testing.B, root string, files, size, planted int) int64 {
	b.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	var total int64
	for i := range files {
		var sb strings.Builder
		for sb.Len() < size {
			line := sourceLines[rng.IntN(len(sourceLines))]
			word := fmt.Sprintf("name%x", rng.Uint32())
			switch strings.Count(line, "%") {
			case 1:
				if strings.Contains(line, "%d") {
					line = fmt.Sprintf(line, rng.IntN(1000))
				} else {
					line = fmt.Sprintf(line, word)
				}
			case 2:
				line = fmt.Sprintf(line, word, rng.IntN(1000))
			}
			sb.WriteString(line)
			sb.WriteByte('\n')
		}
		if i%(files/planted) == 0 {
			sb.WriteString("const leaked = \"" + fakeToken(byte('a'+i%26)) + "\"\n")
		}
		rel := fmt.Sprintf("mod%d/pkg%d/sub%d/file%04d.go", i%10, i%7, i%3, i)
		writeFile(b, root, rel, sb.String())
		total += int64(sb.Len())
	}
	return total
}

// BenchmarkScanTree scans a tree of 2,000 source-like files (about 30 MB)
// with five planted secrets.
func BenchmarkScanTree(b *testing.B) {
	root := filepath.Join(b.TempDir(), "tree")
	const files, planted = 2000, 5
	total := genTree(b, root, files, 15<<10, planted)
	// "catalog" runs the built-in catalog; "one-rule" runs github-pat
	// alone, which measures the walk and the streaming rather than the
	// rules.
	cfg := writeFile(b, b.TempDir(), "one-rule.toml", `
[[rules]]
id = "github-pat"
regex = '''\b(ghp_[A-Za-z0-9]{36})\b'''
keywords = ["ghp_"]
validate = "github-crc32"
`)
	oneRule, _, err := rules.Load(rules.LoadOptions{ConfigFile: cfg})
	if err != nil {
		b.Fatal(err)
	}
	for _, bm := range []struct {
		name   string
		engine *rules.Engine
	}{{"catalog", engine(b)}, {"one-rule", oneRule}} {
		s := New(bm.engine, Options{})
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(total)
			for b.Loop() {
				res, err := s.Scan(context.Background(), []string{root}, nil)
				if err != nil {
					b.Fatal(err)
				}
				if len(keys(res, "github-pat")) != planted || res.Stats.Files != files {
					b.Fatalf("findings = %d, files = %d", len(res.Findings), res.Stats.Files)
				}
			}
		})
	}
}
