package git

import (
	"bytes"
	"hash/maphash"
	"strings"
	"testing"
)

func FuzzParsePrePush(f *testing.F) {
	z := strings.Repeat("0", 40)
	f.Add("refs/heads/main " + strings.Repeat("a", 40) + " refs/heads/main " + z + "\n")
	f.Add("garbage\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		updates, err := ParsePrePush(strings.NewReader(in))
		if err != nil {
			return
		}
		opts, ok := PushOptions(Options{}, updates)
		if ok != (len(opts.Include) > 0) {
			t.Fatalf("ok %v with %d includes", ok, len(opts.Include))
		}
	})
}

// FuzzNewLines: the spans to scan lie within the new version, in order,
// and cover every line the old version lacks.
func FuzzNewLines(f *testing.F) {
	f.Add([]byte("a\nb\nc\n"), []byte("a\nX\nc\n"))
	f.Add([]byte(""), []byte("only\nnew"))
	f.Fuzz(func(t *testing.T, old, cur []byte) {
		w := &worker{seed: maphash.MakeSeed()}
		spans, changed := w.newLines(old, cur)
		last := 0
		for _, s := range spans {
			if s.lo < last || s.hi < s.lo || s.hi > len(cur) || s.line != 1+bytes.Count(cur[:s.lo], []byte("\n")) {
				t.Fatalf("bad span %+v after %d (len %d)", s, last, len(cur))
			}
			last = s.hi
		}
		line := 0
		for l := range bytes.Lines(cur) {
			if !bytes.Contains(old, bytes.TrimSuffix(l, []byte("\n"))) {
				if !changed.any(line+1, line+1) {
					t.Fatalf("line %d is in no line of old, but not marked new", line+1)
				}
				// A new line must be inside a span.
				start := len(bytes.Join(bytes.SplitAfter(cur, []byte("\n"))[:line], nil))
				in := false
				for _, s := range spans {
					in = in || (start >= s.lo && start < s.hi)
				}
				if !in {
					t.Fatalf("new line %d outside every span %+v", line+1, spans)
				}
			}
			line++
		}
	})
}
