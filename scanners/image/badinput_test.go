package image

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	v1 "github.com/google/go-containerregistry/pkg/v1"
)

// goodAndBad returns an image whose layer 1 holds a secret and whose
// layer 2 is bad, with the bad layer's digest.
func goodAndBad(t *testing.T, bad v1.Layer) (v1.Image, string, string) {
	t.Helper()
	tok := token(200)
	img := buildImage(t, v1.Config{}, step{layerOf(t, file("app/.env", "GITHUB_TOKEN="+tok+"\n")), "COPY .env /app/"}, step{bad, "RUN make"})
	d, err := bad.Digest()
	if err != nil {
		t.Fatal(err)
	}
	return img, d.String(), tok
}

// wantLayerError checks that res has an error notice about the layer
// digest that says want, and still the good layer's finding.
func wantLayerError(t *testing.T, res *Result, digest, want, tok string) {
	t.Helper()
	errs := errorNotices(res)
	if len(errs) != 1 || !strings.Contains(errs[0], digest) || !strings.Contains(errs[0], want) {
		t.Errorf("error notices %q, want one naming %s and saying %q", errs, digest, want)
	}
	if fs := findingsAt(res, "app/.env"); len(fs) != 1 || fs[0].Secret != tok {
		t.Errorf("the good layer was not scanned: %v", res.Findings)
	}
}

func TestTruncatedLayer(t *testing.T) {
	whole := gz(t, tarOf(t, file("a.txt", strings.Repeat("some text\n", 5000))))
	img, digest, tok := goodAndBad(t, rawLayer(whole[:len(whole)/2]))
	res := scanTarget(t, toLayout(t, img), Options{})
	wantLayerError(t, res, digest, "truncated or corrupt", tok)
	if res.Stats.Layers != 1 {
		t.Errorf("layers scanned whole: %d", res.Stats.Layers)
	}
}

// bomb returns a gzipped tar of one file of size zero bytes (a multiple
// of 1 MiB), made cheaply: gzip members concatenate, so the megabyte of
// zeros is compressed once and repeated.
func bomb(t *testing.T, size int64) []byte {
	t.Helper()
	var head bytes.Buffer
	tw := tar.NewWriter(&head)
	if err := tw.WriteHeader(&tar.Header{Name: "zeros", Typeflag: tar.TypeReg, Mode: 0o644, Size: size}); err != nil {
		t.Fatal(err)
	}
	var end bytes.Buffer
	if err := tar.NewWriter(&end).Close(); err != nil {
		t.Fatal(err)
	}
	zeros := gzBest(t, make([]byte, 1<<20))
	out := gzBest(t, head.Bytes())
	for range size >> 20 {
		out = append(out, zeros...)
	}
	return append(out, gzBest(t, end.Bytes())...)
}

func gzBest(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGzipBombIsRefused(t *testing.T) {
	b := bomb(t, 80<<20)
	img, digest, tok := goodAndBad(t, rawLayer(b))
	res := scanTarget(t, toLayout(t, img), Options{})
	wantLayerError(t, res, digest, "decompression bomb", tok)
	if !strings.Contains(errorNotices(res)[0], "--max-ratio") {
		t.Errorf("the notice does not say which limit: %q", errorNotices(res))
	}
	// The same layer under a raised ratio is scanned (zeros: nothing found).
	res = scanTarget(t, toLayout(t, img), Options{MaxRatio: -1})
	if errs := errorNotices(res); len(errs) != 0 || res.Stats.Layers != 2 {
		t.Errorf("with no ratio limit: %v %+v", errs, res.Stats)
	}
}

func TestMaxLayerSize(t *testing.T) {
	big := layerOf(t, file("data.txt", strings.Repeat("0123456789abcdef\n", 1<<14)))
	img, digest, tok := goodAndBad(t, big)
	res, err := New(engine(t), Options{MaxLayerSize: 100 << 10}).Scan(context.Background(), img)
	if err != nil {
		t.Fatal(err)
	}
	wantLayerError(t, res, digest, "refused as too large: it inflates past 100.0 KiB, the limit set by --max-layer-size", tok)
}

func TestPathTraversalIsRefused(t *testing.T) {
	tok := token(201)
	work := t.TempDir()
	t.Chdir(work)
	img := buildImage(t, v1.Config{}, step{layerOf(t,
		file("../../evil.txt", "GITHUB_TOKEN="+tok+"\n"),
		file("/etc/absolute.txt", "GITHUB_TOKEN="+tok+"\n"),
		file("app/ok/../../fine.txt", "nothing\n"),
		file("app/.env", "GITHUB_TOKEN="+tok+"\n"),
	), "COPY . /"})
	res, err := New(engine(t), Options{}).Scan(context.Background(), img)
	if err != nil {
		t.Fatal(err)
	}
	errs := errorNotices(res)
	if len(errs) != 3 {
		t.Fatalf("error notices %q, want 3", errs)
	}
	for i, name := range []string{`"../../evil.txt"`, `"/etc/absolute.txt"`, `"app/ok/../../fine.txt"`} {
		if !strings.Contains(errs[i], name) || !strings.Contains(errs[i], "leaves the layer's root") {
			t.Errorf("notice %q does not refuse %s", errs[i], name)
		}
	}
	if len(res.Findings) != 1 || res.Findings[0].Location.Path != "app/.env" {
		t.Errorf("findings %v", res.Findings)
	}
	for _, dir := range []string{work, filepath.Dir(work), filepath.Dir(filepath.Dir(work))} {
		if _, err := os.Stat(filepath.Join(dir, "evil.txt")); err == nil {
			t.Errorf("evil.txt written in %s", dir)
		}
	}
	if entries, _ := os.ReadDir(work); len(entries) != 0 {
		t.Errorf("files written in the working directory: %v", entries)
	}
}

func TestMissingBlob(t *testing.T) {
	missing := layerOf(t, file("b.txt", "hello\n"))
	img, digest, tok := goodAndBad(t, missing)
	t.Run("registry", func(t *testing.T) {
		srv := serve(t, func(h http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/blobs/"+digest) {
					http.Error(w, `{"errors":[{"code":"BLOB_UNKNOWN","message":"blob unknown"}]}`, http.StatusNotFound)
					return
				}
				h.ServeHTTP(w, r)
			})
		})
		res := scanTarget(t, push(t, srv, img), Options{})
		wantLayerError(t, res, digest, "layer 2", tok)
	})
	t.Run("layout", func(t *testing.T) {
		dir := toLayout(t, img)
		if err := os.Remove(filepath.Join(dir, "blobs", "sha256", strings.TrimPrefix(digest, "sha256:"))); err != nil {
			t.Fatal(err)
		}
		res := scanTarget(t, dir, Options{})
		wantLayerError(t, res, digest, "not scanned", tok)
	})
}

func TestUnreachableRegistry(t *testing.T) {
	srv := serve(t, nil)
	ref := strings.TrimPrefix(srv.URL, "http://") + "/keysweep/gone:v1"
	srv.Close()
	_, err := Open(context.Background(), ref, SourceOptions{Keychain: anonymous})
	if err == nil || !strings.Contains(err.Error(), "fetching image "+ref) {
		t.Errorf("Open of an unreachable registry: %v", err)
	}
}

func TestNotAnImage(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(context.Background(), dir, SourceOptions{}); err == nil || !strings.Contains(err.Error(), "not an OCI image layout") {
		t.Errorf("a folder without oci-layout: %v", err)
	}
	f := filepath.Join(dir, "x.tar")
	if err := os.WriteFile(f, []byte("not a tar"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), f, SourceOptions{}); err == nil || !strings.Contains(err.Error(), "image tarball") {
		t.Errorf("a file that is not a tarball: %v", err)
	}
	if _, err := Open(context.Background(), "Not A Reference!", SourceOptions{}); err == nil {
		t.Error("a bad reference opened")
	}
}

func TestLayerLimit(t *testing.T) {
	for _, tc := range []struct {
		opts       Options
		compressed int64
		want       int64
		by         string
	}{
		{Options{}, 100 << 10, RatioFloor, "--max-ratio"},
		{Options{}, 1 << 20, 100 << 20, "--max-ratio"},
		{Options{}, 1 << 30, DefaultMaxLayerSize, "--max-layer-size"},
		{Options{}, 0, DefaultMaxLayerSize, "--max-layer-size"},
		{Options{MaxRatio: -1, MaxLayerSize: -1}, 1 << 20, -1, "--max-layer-size"},
		{Options{MaxRatio: 1 << 62, MaxLayerSize: -1}, 1 << 20, -1, "--max-layer-size"},
		{Options{MaxRatio: 10}, 100 << 20, 1000 << 20, "--max-ratio"},
	} {
		got, by := New(nil, tc.opts).layerLimit(tc.compressed)
		if got != tc.want || !strings.HasPrefix(by, tc.by) {
			t.Errorf("%+v, %d: %d by %s, want %d by %s", tc.opts, tc.compressed, got, by, tc.want, tc.by)
		}
	}
}
