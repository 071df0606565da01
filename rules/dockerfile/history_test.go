package dockerfile

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
)

// TestImageHistory runs the check on a Dockerfile reconstructed from an
// image's history, as the image scanner passes it: one instruction per
// line, no FROM, BuildKit's and the legacy builder's forms mixed, and no
// build context.
func TestImageHistory(t *testing.T) {
	history := fakes(t).Replace(strings.Join([]string{
		`ADD file:0d1f2c3b4a5e6f in / `,
		`CMD ["/bin/sh"]`,
		`ARG NPM_TOKEN={{PW}}`,
		`ENV A=b`,
		`ENV GITHUB_TOKEN={{GHP}}`,
		`RUN |1 NPM_TOKEN={{PW}} /bin/sh -c npm ci`,
		`RUN /bin/sh -c curl -u user:{{PW}} https://example.test/x`,
		`/bin/sh -c #(nop)  ENV API_KEY={{PW}}`,
		`/bin/sh -c apt-get update && apt-get install -y curl`,
		`COPY .npmrc /root/.npmrc # buildkit`,
		`/bin/sh -c #(nop) COPY file:9a8b7c6d in /root/.ssh/id_rsa `,
		`COPY . /app # buildkit`,
		`RUN |2 GH_TOKEN={{GHP}} CI=true /bin/sh -c make`,
		`RUN /bin/sh -c echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > ~/.npmrc`,
		`/bin/sh -c #(nop)  MAINTAINER someone`,
		`HEALTHCHECK &{["CMD-SHELL" "curl -f http://localhost/ || exit 1"] "30s" "5s" "0s" "0s" '\x03'}`,
		`WORKDIR /app`,
		`EXPOSE map[8080/tcp:{}]`,
		`ONBUILD RUN echo hi`,
	}, "\n"))
	loc := finding.Location{Kind: finding.KindImage, Path: "registry.example.test/app:1", Resource: "sha256:0123", Field: "history"}
	fs, err := NewCheck(engine(t)).Check(context.Background(), []byte(history), loc)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	got := summarize(fs)
	want := []string{
		"dockerfile-copy-secret-file@10:high",
		"dockerfile-copy-secret-file@11:high",
		"dockerfile-run-inline-credential@14:high",
		"dockerfile-run-inline-credential@7:high",
		"dockerfile-secret-value@13:critical",
		"dockerfile-secret-value@5:critical",
		"dockerfile-secret-variable@3:high",
		"dockerfile-secret-variable@6:high",
		"dockerfile-secret-variable@8:high",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n got %q\nwant %q\n%s", got, want, strings.Join(messages(fs), "\n"))
	}
	for _, f := range fs {
		if f.Location.Kind != finding.KindImage || f.Location.Field != "history" || f.Location.Resource != "sha256:0123" {
			t.Errorf("%s: location %+v", f.RuleID, f.Location)
		}
		if f.RuleID == RuleCopyContext {
			t.Errorf("the build context check ran on image history")
		}
	}
}

// TestImageHistoryKeepsLines checks that normalizing history entries keeps
// one line per entry.
func TestImageHistoryKeepsLines(t *testing.T) {
	in := "/bin/sh -c #(nop)  ENV A=b\n/bin/sh -c true\n|1 X=y /bin/sh -c true\nCOPY a b # buildkit\n\n"
	out := string(normalizeHistory([]byte(in)))
	if strings.Count(out, "\n") != strings.Count(in, "\n") {
		t.Fatalf("line count changed:\n%s", out)
	}
	want := "ENV A=b\nRUN /bin/sh -c true\nRUN |1 X=y /bin/sh -c true\nCOPY a b\n\n"
	if out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}
