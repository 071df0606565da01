package main

import (
	"archive/tar"
	"bytes"
	"encoding/json"
	"io"
	"log"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/registry"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/tarball"

	"github.com/keysweep/keysweep/rules/rulestest"
)

// imageLayer returns a layer holding files (path → content).
func imageLayer(t *testing.T, files ...string) v1.Layer {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		if err := tw.WriteHeader(&tar.Header{Name: files[i], Typeflag: tar.TypeReg, Mode: 0o644, Size: int64(len(files[i+1]))}); err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(tw, files[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	l, err := tarball.LayerFromOpener(func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(buf.Bytes())), nil })
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func testImage(t *testing.T, layers ...v1.Layer) v1.Image {
	t.Helper()
	img := empty.Image
	for _, l := range layers {
		var err error
		if img, err = mutate.AppendLayers(img, l); err != nil {
			t.Fatal(err)
		}
	}
	return img
}

// TestImageCommand: the three kinds of input, a secret deleted by a later
// layer reported with both layers in SARIF, a clean image, and failures.
func TestImageCommand(t *testing.T) {
	tok := rulestest.GitHubToken(rulestest.Rand(40))
	leaky := testImage(t, imageLayer(t, "app/.env", "GITHUB_TOKEN="+tok+"\n"), imageLayer(t, "app/.wh..env", ""))
	clean := testImage(t, imageLayer(t, "app/main.py", "print('hello')\n"))

	srv := httptest.NewServer(registry.New(registry.Logger(log.New(io.Discard, "", 0))))
	defer srv.Close()
	ref := strings.TrimPrefix(srv.URL, "http://") + "/keysweep/leaky:v1"
	r, err := name.ParseReference(ref)
	if err != nil {
		t.Fatal(err)
	}
	if err := remote.Write(r, leaky); err != nil {
		t.Fatal(err)
	}
	tarPath := t.TempDir() + "/leaky.tar"
	if err := tarball.WriteToFile(tarPath, r, leaky); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	p, err := layout.Write(dir, empty.Index)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.AppendImage(leaky); err != nil {
		t.Fatal(err)
	}
	digest, _ := leaky.Digest()
	layers, _ := leaky.Layers()
	layer1, _ := layers[0].Digest()

	for _, target := range []string{ref, tarPath, dir} {
		code, stdout, stderr := keysweep(t, "", "image", "--format", "sarif", target)
		if code != exitFindings {
			t.Fatalf("%s: exit %d: %s", target, code, stderr)
		}
		var log struct {
			Runs []struct {
				Results []struct {
					Message   struct{ Text string }
					Locations []struct {
						PhysicalLocation struct{ ArtifactLocation struct{ URI string } }
						LogicalLocations []struct{ Name, Kind, FullyQualifiedName string }
					}
					Properties map[string]any
				}
			}
		}
		if err := json.Unmarshal([]byte(stdout), &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) != 1 {
			t.Fatalf("%s: %v\n%s", target, err, stdout)
		}
		res := log.Runs[0].Results[0]
		loc := res.Locations[0]
		if loc.PhysicalLocation.ArtifactLocation.URI != "app/.env" || len(loc.LogicalLocations) != 2 ||
			loc.LogicalLocations[0].Name != digest.String() || loc.LogicalLocations[1].Name != layer1.String() ||
			loc.LogicalLocations[1].Kind != "layer" || res.Properties["layer_index"] != 1.0 ||
			!strings.Contains(res.Message.Text, "deleted in layer 2, still extractable from layer 1") {
			t.Errorf("%s: result %+v", target, res)
		}
		if strings.Contains(stdout, tok) {
			t.Errorf("%s: the secret is in the report", target)
		}
	}

	code, stdout, _ := keysweep(t, "", "image", "--format", "text", dir)
	if code != exitFindings || !strings.Contains(stdout, "layer 1 "+layer1.String()) || !strings.Contains(stdout, "in 2 layers (1 file") {
		t.Errorf("text report: exit %d\n%s", code, stdout)
	}

	cleanDir := t.TempDir()
	if p, err = layout.Write(cleanDir, empty.Index); err != nil {
		t.Fatal(err)
	}
	if err := p.AppendImage(clean); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := keysweep(t, "", "image", cleanDir); code != exitClean || !strings.Contains(stdout, "no findings") {
		t.Errorf("clean image: exit %d %s %s", code, stdout, stderr)
	}

	srv2 := httptest.NewServer(nil)
	gone := strings.TrimPrefix(srv2.URL, "http://") + "/keysweep/gone:v1"
	srv2.Close()
	if code, stdout, stderr := keysweep(t, "", "image", gone); code != exitError || !strings.Contains(stderr, "fetching image") || stdout != "" {
		t.Errorf("unreachable registry: exit %d %q %q", code, stdout, stderr)
	}
	if code, _, stderr := keysweep(t, "", "image", "--max-ratio", "-1", dir); code != exitError || !strings.Contains(stderr, "--max-ratio") {
		t.Errorf("bad --max-ratio: exit %d %s", code, stderr)
	}
	// A layer over --max-layer-size is not scanned: exit 2, even with findings.
	if code, _, _ := keysweep(t, "", "image", "--max-layer-size", "1KB", dir); code != exitError {
		t.Errorf("a refused layer: exit %d", code)
	}
}
