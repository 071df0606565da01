package image

import (
	"context"
	"path"
	"strings"
	"testing"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/static"
	"github.com/google/go-containerregistry/pkg/v1/types"
)

// FuzzLayer feeds arbitrary bytes to the layer reader as an uncompressed
// layer: it must not panic, and whatever it reports lies inside the
// layer's root.
func FuzzLayer(f *testing.F) {
	tok := token(300)
	f.Add(tarOf(f, file("app/.env", "GITHUB_TOKEN="+tok+"\n"), file("app/.wh.old", ""), file(".wh..wh..opq", "")))
	f.Add(tarOf(f, file("../escape", tok), file("/abs", tok), entry{name: "dir/"}, entry{name: "link", typeflag: '2'}))
	whole := tarOf(f, file("a.txt", strings.Repeat("token = x\n", 300)))
	f.Add(whole[:len(whole)-700])
	f.Add([]byte{})
	s := New(engine(f), Options{MaxFileSize: 1 << 16, MaxLayerSize: 1 << 20})
	f.Fuzz(func(t *testing.T, data []byte) {
		l := static.NewLayer(data, types.OCIUncompressedLayer)
		lr := s.scanLayer(context.Background(), l, 1, "sha256:image", 0, nil)
		for _, fd := range lr.findings {
			p := fd.Location.Path
			if p == "" || strings.HasPrefix(p, "/") || path.Clean(p) != p || strings.HasPrefix(p, "../") || p == ".." {
				t.Errorf("finding outside the layer root: %q", p)
			}
		}
		for _, n := range lr.notices {
			if !strings.Contains(n.Message, "layer 1") {
				t.Errorf("notice without its layer: %q", n.Message)
			}
		}
		for p := range lr.files {
			if strings.HasPrefix(p, "/") || strings.Contains("/"+p+"/", "/../") {
				t.Errorf("file recorded outside the root: %q", p)
			}
		}
	})
}

// FuzzDockerfile reconstructs Dockerfiles from arbitrary history: the
// first line is FROM scratch, and every line after is an instruction a
// parser knows, a comment, or the continuation of the line before.
func FuzzDockerfile(f *testing.F) {
	for _, s := range []string{
		"/bin/sh -c #(nop)  ENV A=b", "RUN |2 A=b c C=d /bin/sh -c make # buildkit", "|1 X=y true",
		"RUN /bin/sh -c cat <<EOF >x\ny\nEOF", "EXPOSE map[80/tcp:{}]", "HEALTHCHECK &{}", "a\nb\\\nc", "|x", "RUN |3 A=",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, createdBy string) {
		out := string(Dockerfile([]v1.History{{CreatedBy: createdBy}, {CreatedBy: "RUN true"}}))
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if lines[0] != "FROM scratch" || lines[len(lines)-1] != "RUN true" {
			t.Fatalf("reconstruction %q", out)
		}
		heredoc := strings.Contains(createdBy, "<<")
		for i, line := range lines[1:] {
			word, _, _ := strings.Cut(line, " ")
			prev := lines[i]
			switch {
			case historyInstructions[word], strings.HasPrefix(line, "# history: "):
			case strings.HasSuffix(prev, "\\"), heredoc:
			default:
				t.Fatalf("line %d %q of %q is neither an instruction, a comment nor a continuation", i+2, line, out)
			}
			if strings.HasPrefix(line, "#") && strings.Contains(line, "\n") {
				t.Fatalf("a comment spans lines: %q", line)
			}
		}
	})
}
