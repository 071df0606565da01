package image

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/registry"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/static"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
	"github.com/google/go-containerregistry/pkg/v1/types"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
	"github.com/keysweep/keysweep/rules/rulestest"
)

// engine is the built-in catalog's engine, compiled once.
func engine(t testing.TB) *rules.Engine { return rulestest.Engine(t) }

// token returns a fresh, checksum-valid, plainly fake GitHub token.
func token(seed uint64) string { return rulestest.GitHubToken(rulestest.Rand(seed)) }

// entry is one tar entry of a test layer; a name ending in "/" is a
// folder.
type entry struct {
	name, body string
	typeflag   byte
}

func file(name, body string) entry { return entry{name: name, body: body, typeflag: tar.TypeReg} }

// tarOf returns the uncompressed tar of entries.
func tarOf(t testing.TB, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, e := range entries {
		typ := e.typeflag
		if strings.HasSuffix(e.name, "/") {
			typ = tar.TypeDir
		}
		hdr := &tar.Header{Name: e.name, Typeflag: typ, Mode: 0o644, Size: int64(len(e.body))}
		if typ != tar.TypeReg {
			hdr.Size = 0
		}
		if err := tw.WriteHeader(hdr); err != nil {
			t.Fatal(err)
		}
		if hdr.Size > 0 {
			if _, err := io.WriteString(tw, e.body); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// gz compresses b.
func gz(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// layerOf returns a gzipped layer of entries.
func layerOf(t testing.TB, entries ...entry) v1.Layer {
	t.Helper()
	data := tarOf(t, entries...)
	l, err := tarball.LayerFromOpener(func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil })
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// rawLayer is a layer whose blob is b as it is (gzipped or not, broken or
// not): it behaves only once written to a layout or a registry and read
// back.
func rawLayer(b []byte) v1.Layer { return static.NewLayer(b, types.DockerLayer) }

// step is one layer of a test image and the history entry that made it.
type step struct {
	layer     v1.Layer
	createdBy string
}

// buildImage builds an image of cfg and steps.
func buildImage(t testing.TB, cfg v1.Config, steps ...step) v1.Image {
	t.Helper()
	img, err := mutate.Config(empty.Image, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range steps {
		img, err = mutate.Append(img, mutate.Addendum{Layer: s.layer, History: v1.History{CreatedBy: s.createdBy}})
		if err != nil {
			t.Fatal(err)
		}
	}
	return img
}

// toLayout writes img to a fresh OCI layout and returns its folder.
func toLayout(t testing.TB, img v1.Image) string {
	t.Helper()
	dir := t.TempDir()
	p, err := layout.Write(dir, empty.Index)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.AppendImage(img); err != nil {
		t.Fatal(err)
	}
	return dir
}

// toTarball writes img as a `docker save` style tarball.
func toTarball(t testing.TB, img v1.Image) string {
	t.Helper()
	path := t.TempDir() + "/image.tar"
	ref, err := name.NewTag("example.test/keysweep/image:v1")
	if err != nil {
		t.Fatal(err)
	}
	if err := tarball.WriteToFile(path, ref, img); err != nil {
		t.Fatal(err)
	}
	return path
}

// serve starts an in-process registry; wrap, if set, wraps its handler.
func serve(t testing.TB, wrap func(http.Handler) http.Handler) *httptest.Server {
	t.Helper()
	var h http.Handler = registry.New(registry.Logger(log.New(io.Discard, "", 0)))
	if wrap != nil {
		h = wrap(h)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// push writes img to the registry srv and returns its reference.
func push(t testing.TB, srv *httptest.Server, img v1.Image) string {
	t.Helper()
	ref := strings.TrimPrefix(srv.URL, "http://") + "/keysweep/test:v1"
	r, err := name.ParseReference(ref)
	if err != nil {
		t.Fatal(err)
	}
	if err := remote.Write(r, img); err != nil {
		t.Fatal(err)
	}
	return ref
}

// anonymous is the test keychain: no credentials from the machine.
var anonymous = authn.NewMultiKeychain()

// scanTarget opens and scans target.
func scanTarget(t testing.TB, target string, opts Options) *Result {
	t.Helper()
	src, err := Open(context.Background(), target, SourceOptions{Keychain: anonymous})
	if err != nil {
		t.Fatal(err)
	}
	res, err := New(engine(t), opts).Scan(context.Background(), src.Image)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// errorNotices returns the messages of r's error notices.
func errorNotices(r *Result) []string {
	var out []string
	for _, n := range r.Notices {
		if n.Level == finding.LevelError {
			out = append(out, n.Message)
		}
	}
	return out
}

// findingAt returns the findings whose path or field is place.
func findingsAt(r *Result, place string) []finding.Finding {
	var out []finding.Finding
	for _, f := range r.Findings {
		if f.Location.Path == place || f.Location.Field == place {
			out = append(out, f)
		}
	}
	return out
}

// toDockerSave writes img as `docker save` does: uncompressed layers, a
// manifest.json, the config.
func toDockerSave(t testing.TB, img v1.Image) string {
	t.Helper()
	path := t.TempDir() + "/saved.tar"
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	add := func(name string, data []byte) {
		if err := tw.WriteHeader(&tar.Header{Name: name, Typeflag: tar.TypeReg, Mode: 0o644, Size: int64(len(data))}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := img.RawConfigFile()
	if err != nil {
		t.Fatal(err)
	}
	add("config.json", cfg)
	layers, err := img.Layers()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for i, l := range layers {
		rc, err := l.Uncompressed()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, fmt.Sprintf("layer%d/layer.tar", i))
		add(names[i], data)
	}
	manifest, err := json.Marshal([]map[string]any{{"Config": "config.json", "RepoTags": []string{"app:dev"}, "Layers": names}})
	if err != nil {
		t.Fatal(err)
	}
	add("manifest.json", manifest)
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
