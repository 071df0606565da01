// Package rulestest makes test content for keysweep: plainly fake but
// structurally valid secrets, generated at test time so that no realistic
// credential is ever committed, and a source-code-like corpus with secrets
// planted in it for benchmarks.
package rulestest

import (
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/keysweep/keysweep/rules"
)

// defaultEngine is the built-in catalog, compiled once per test binary.
var defaultEngine = sync.OnceValues(rules.Default)

// Engine returns the built-in catalog's engine, compiled once for all the
// tests of a package; a catalog that does not compile fails the test.
func Engine(t testing.TB) *rules.Engine {
	t.Helper()
	e, err := defaultEngine()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

const (
	base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
)

// Rand returns a deterministic random source for seed.
func Rand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)) }

// String returns n characters drawn from alphabet.
func String(r *rand.Rand, alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

// Checksummed returns prefix + 30 random base62 characters + their base62
// CRC-32, the shape of GitHub's and npm's tokens.
func Checksummed(r *rand.Rand, prefix string) string {
	random := String(r, base62, 30)
	n := crc32.ChecksumIEEE([]byte(random))
	var sum [6]byte
	for i := len(sum) - 1; i >= 0; i-- {
		sum[i] = base62[n%62]
		n /= 62
	}
	return prefix + random + string(sum[:])
}

// GitHubToken returns a checksum-valid classic personal access token.
func GitHubToken(r *rand.Rand) string { return Checksummed(r, "ghp_") }

// AWSAccessKeyID returns an access key ID of the long-term (AKIA) kind.
func AWSAccessKeyID(r *rand.Rand) string { return "AKIA" + String(r, base32, 16) }

// AWSSecretKey returns 40 characters of a secret access key's alphabet.
func AWSSecretKey(r *rand.Rand) string {
	return String(r, base62+"/+", 40)
}

// Secret is a planted secret and the line it sits on.
type Secret struct {
	Line  int
	Value string
}

var identifiers = []string{"config", "handler", "request", "response", "buffer", "index", "count", "result",
	"client", "server", "parser", "value", "items", "options", "context", "logger", "cache", "session",
	"task", "mask", "path", "pattern", "bottom", "status", "matrix", "vector", "node", "edge", "graph", "module"}

// keywordLines are harmless lines that mention words secret rules look
// for. Real source trees have such a line every 150 to 300 lines (measured
// on the sympy and ansible trees: "pass" 160, "token" 70, "api" 50 and
// "secret" 25 times per MB); the corpus keeps to that density.
var keywordLines = []string{
	"    token = self.tokenizer.next_token()\n",
	"    password = os.environ.get(\"DB_PASSWORD\")\n",
	"    if not passed: raise AssertionError(\"check did not pass\")\n",
	"    api_version = \"v2\"  # see the api docs\n",
	"    secret_name = request.args.get(\"secret\")\n",
	"    auth_header = headers.get(\"Authorization\", \"\")\n",
	"    url = \"https://docs.python.org/3/library/http.html\"\n",
	"    # bypass the cache when the password field is empty\n",
}

// Corpus returns about size bytes of source-code-like text (Go, Python and
// JavaScript flavoured lines, comments, string literals, hex digests and
// lockfile-style base64, and harmless lines mentioning words such as token
// and password at the density real trees have), with a fresh GitHub token
// planted every plantEvery bytes (none if 0).
func Corpus(seed uint64, size, plantEvery int) ([]byte, []Secret) {
	r := Rand(seed)
	var b strings.Builder
	b.Grow(size + 256)
	var planted []Secret
	line, next := 1, plantEvery
	for b.Len() < size {
		if plantEvery > 0 && b.Len() >= next {
			tok := GitHubToken(r)
			fmt.Fprintf(&b, "    github_token = %q\n", tok)
			planted = append(planted, Secret{Line: line, Value: tok})
			line++
			next += plantEvery
			continue
		}
		if r.IntN(120) == 0 {
			b.WriteString(keywordLines[r.IntN(len(keywordLines))])
			line++
			continue
		}
		id := identifiers[r.IntN(len(identifiers))]
		id2 := identifiers[r.IntN(len(identifiers))]
		switch r.IntN(10) {
		case 0:
			fmt.Fprintf(&b, "// %s returns the %s for the given %s.\n", id, id2, identifiers[r.IntN(len(identifiers))])
		case 1:
			fmt.Fprintf(&b, "func (s *%s) %s(ctx context.Context, n int) (%s, error) {\n", id, strings.ToUpper(id2[:1])+id2[1:], id)
		case 2:
			fmt.Fprintf(&b, "    %s := %s.Get(%q)\n", id, id2, String(r, base62, 4+r.IntN(12)))
		case 3:
			fmt.Fprintf(&b, "    if err := %s.Validate(%s); err != nil {\n        return nil, fmt.Errorf(\"%s: %%w\", err)\n    }\n", id, id2, id)
			line += 2
		case 4:
			fmt.Fprintf(&b, "    digest = %q  # sha256 of %s\n", String(r, "0123456789abcdef", 64), id)
		case 5:
			fmt.Fprintf(&b, "def %s(self, %s=None, **kwargs):\n", id, id2)
		case 6:
			fmt.Fprintf(&b, "    const %s = await fetch(`/v1/%s/${id}`, { method: 'POST' });\n", id, id2)
		case 7:
			fmt.Fprintf(&b, "    \"integrity\": \"sha512-%s==\",\n", String(r, base62+"+/", 86))
		case 8:
			fmt.Fprintf(&b, "    %s = [%d, %d, %d, %d]  # %s\n", id, r.IntN(1000), r.IntN(1000), r.IntN(1000), r.IntN(1000), id2)
		default:
			b.WriteString("\n")
		}
		line++
	}
	return []byte(b.String()), planted
}
