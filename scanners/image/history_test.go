package image

import (
	"context"
	"strings"
	"testing"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
)

func TestDockerfile(t *testing.T) {
	for _, tc := range []struct {
		name, createdBy string
		want            []string
	}{
		{"classic nop", "/bin/sh -c #(nop)  ENV NODE_ENV=production", []string{"ENV NODE_ENV=production"}},
		{"classic add", "/bin/sh -c #(nop) ADD file:0a1b2c in / ", []string{"ADD file:0a1b2c in /"}},
		{"classic cmd", `/bin/sh -c #(nop)  CMD ["bash"]`, []string{`CMD ["bash"]`}},
		{"classic run", "/bin/sh -c apt-get update && apt-get install -y curl", []string{"RUN apt-get update && apt-get install -y curl"}},
		{"classic args", "|2 USER=bob PASS=s3cr3t /bin/sh -c ./login", []string{"ARG USER=bob", "ARG PASS=s3cr3t", "RUN ./login"}},
		{"buildkit run", "RUN /bin/sh -c go build ./... # buildkit", []string{"RUN go build ./..."}},
		{"buildkit args", "RUN |1 NPM_TOKEN=abc123 /bin/sh -c npm ci # buildkit", []string{"ARG NPM_TOKEN=abc123", "RUN npm ci"}},
		{"arg with spaces", "RUN |2 A=one two B=x y /bin/sh -c make", []string{`ARG A="one two"`, `ARG B="x y"`, "RUN make"}},
		{"arg needing quotes", `RUN |1 P=a"b$c /bin/sh -c true`, []string{`ARG P="a\"b\$c"`, "RUN true"}},
		{"exec form args", "RUN |1 A=b make all # buildkit", []string{"ARG A=b", "RUN make all"}},
		{"buildkit env", "ENV PATH=/usr/local/bin:/usr/bin", []string{"ENV PATH=/usr/local/bin:/usr/bin"}},
		{"buildkit copy", "COPY --chown=app . /app # buildkit", []string{"COPY --chown=app . /app"}},
		{"buildkit workdir", "WORKDIR /app", []string{"WORKDIR /app"}},
		{"buildkit expose", "EXPOSE map[8080/tcp:{} 9090/udp:{}]", []string{"EXPOSE 8080/tcp 9090/udp"}},
		{"healthcheck", `HEALTHCHECK &{["CMD-SHELL" "curl -f localhost"] "30s" "0s" "0s" "0s" '\x00'}`, []string{`# history: HEALTHCHECK &{["CMD-SHELL" "curl -f localhost"] "30s" "0s" "0s" "0s" '\x00'}`}},
		{"heredoc", "RUN /bin/sh -c cat <<EOF > /etc/app.conf\nkey=value\nEOF # buildkit", []string{"RUN cat <<EOF > /etc/app.conf", "key=value", "EOF"}},
		{"multi-line", "RUN /bin/sh -c set -e\nmake", []string{"RUN set -e \\", "make"}},
		{"other tool", "bazel build //app:image", []string{"RUN bazel build //app:image"}},
		{"empty", "", nil},
		{"directive-looking", "/bin/sh -c #(nop) escape=`", []string{"# history: escape=`"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(Dockerfile([]v1.History{{CreatedBy: tc.createdBy}}))
			want := "FROM scratch\n"
			for _, l := range tc.want {
				want += l + "\n"
			}
			if got != want {
				t.Errorf("Dockerfile(%q) =\n%s\nwant\n%s", tc.createdBy, got, want)
			}
		})
	}
}

// fakeCheck is a history check that reports every ARG line of the
// Dockerfile it is given, and remembers what it was given.
type fakeCheck struct {
	content []byte
	loc     finding.Location
}

var _ rules.FileCheck = (*fakeCheck)(nil)

func (c *fakeCheck) Name() string      { return "fake" }
func (c *fakeCheck) Match(string) bool { return true }

func (c *fakeCheck) Check(_ context.Context, content []byte, loc finding.Location) ([]finding.Finding, error) {
	c.content, c.loc = content, loc
	var out []finding.Finding
	for i, line := range strings.Split(string(content), "\n") {
		if name, ok := strings.CutPrefix(line, "ARG "); ok {
			l := loc
			l.StartLine = i + 1
			out = append(out, finding.Finding{RuleID: "fake-arg", Message: "build argument " + strings.SplitN(name, "=", 2)[0], Location: l})
		}
	}
	return out, nil
}

func TestHistoryCheck(t *testing.T) {
	img, tok := leakyImage(t)
	check := &fakeCheck{}
	res, err := New(engine(t), Options{HistoryCheck: check}).Scan(context.Background(), img)
	if err != nil {
		t.Fatal(err)
	}
	want := "FROM scratch\nCOPY . /app\nRUN rm /app/.env\nCOPY app.conf /etc/\nARG GH_TOKEN=" + tok["history"] + "\nRUN ./configure\n"
	if string(check.content) != want {
		t.Errorf("history check given\n%s\nwant\n%s", check.content, want)
	}
	digest, _ := img.Digest()
	if l := check.loc; l.Kind != finding.KindImage || l.Resource != digest.String() || l.Field != HistoryField {
		t.Errorf("history check location %+v", l)
	}
	var got []finding.Finding
	for _, f := range res.Findings {
		if f.RuleID == "fake-arg" {
			got = append(got, f)
		}
	}
	if len(got) != 1 || got[0].Message != "build argument GH_TOKEN" || got[0].Location.StartLine != 5 {
		t.Errorf("history check findings %v", got)
	}
}

// failingCheck cannot analyse anything.
type failingCheck struct{ fakeCheck }

func (failingCheck) Check(context.Context, []byte, finding.Location) ([]finding.Finding, error) {
	return nil, errText("line 3: unknown instruction")
}

type errText string

func (e errText) Error() string { return string(e) }

func TestHistoryCheckErrorIsAWarning(t *testing.T) {
	img, _ := leakyImage(t)
	res, err := New(engine(t), Options{HistoryCheck: &failingCheck{}}).Scan(context.Background(), img)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Notices) != 1 || res.Notices[0].Level != finding.LevelWarning || !strings.Contains(res.Notices[0].Message, "line 3") {
		t.Errorf("notices %v", res.Notices)
	}
}
