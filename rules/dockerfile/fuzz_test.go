package dockerfile

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
)

// FuzzCheck feeds arbitrary Dockerfiles, as files and as image history, to
// the check: it must not panic, an error must be a *ParseError that does
// not quote the input's long words, and every finding must have a line
// within the file.
func FuzzCheck(f *testing.F) {
	for _, seed := range []string{
		"FROM alpine\nRUN echo hi\n",
		"# escape=`\nFROM a\nRUN curl -u a:b `\n  https://x\n",
		"FROM a AS b\nARG TOKEN\nRUN <<EOF\ncurl -H 'Authorization: Bearer x' y\nEOF\nFROM c\nCOPY --from=b /x /y\n",
		"FROM a\nCOPY <<EOF /root/.npmrc\n_authToken=x\nEOF\n",
		"RUN |2 A=1 B=2 /bin/sh -c true\n/bin/sh -c #(nop)  ENV X=y\n",
		"FROM a\nRUN --mount=type=secret,id=x,env=X curl -u u:$X z\n",
		"FROM a\nENV \\\n",
		"FROM a\nRUN [\"a\", \n",
		"ONBUILD ONBUILD RUN x\n",
		"FROM a\nCOPY --from=0 . .\nFROM 1\n",
	} {
		f.Add(seed, false)
		f.Add(seed, true)
	}
	c := NewCheck(engine(f))
	f.Fuzz(func(t *testing.T, content string, history bool) {
		loc := finding.Location{Kind: finding.KindCommit, Path: "Dockerfile"}
		if history {
			loc = finding.Location{Kind: finding.KindImage, Path: "img", Field: "history"}
		}
		fs, err := c.Check(context.Background(), []byte(content), loc)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %v, want a *ParseError", err, err)
			}
			for _, word := range strings.Fields(content) {
				if len(word) > 16 && strings.Contains(err.Error(), word) {
					t.Fatalf("error %q quotes the input", err)
				}
			}
		}
		lines := strings.Count(content, "\n") + 1
		for _, f := range fs {
			if f.Location.StartLine < 1 || f.Location.StartLine > lines {
				t.Errorf("%s: line %d of %d", f.RuleID, f.Location.StartLine, lines)
			}
		}
	})
}
