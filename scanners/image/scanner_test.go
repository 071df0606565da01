package image

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/keysweep/keysweep/finding"
)

// leakyImage is an image with a secret in every place keysweep looks: a
// file added in layer 1 and deleted in layer 2, one overwritten in layer
// 3, one still there, and the config's Env, Labels and history.
func leakyImage(t testing.TB) (v1.Image, map[string]string) {
	t.Helper()
	tok := map[string]string{}
	for i, place := range []string{"deleted", "overwritten", "present", "env", "label", "history"} {
		tok[place] = token(uint64(100 + i))
	}
	cfg := v1.Config{
		Env:    []string{"PATH=/usr/bin", "GITHUB_TOKEN=" + tok["env"]},
		Labels: map[string]string{"org.example.ci-token": tok["label"], "maintainer": "team@example.com"},
		Cmd:    []string{"/app/run"},
	}
	return buildImage(t, cfg,
		step{layerOf(t, entry{name: "app/"}, file("app/.env", "GITHUB_TOKEN="+tok["deleted"]+"\n"), file("app/run", "#!/bin/sh\nexec app\n")),
			"COPY . /app # buildkit"},
		step{layerOf(t, file("app/.wh..env", "")), "RUN /bin/sh -c rm /app/.env # buildkit"},
		step{layerOf(t, file("etc/app.conf", "token = "+tok["overwritten"]+"\n")), "COPY app.conf /etc/ # buildkit"},
		step{layerOf(t, file("etc/app.conf", "token = from-the-environment\n"), file("srv/config.yml", "github: "+tok["present"]+"\n")),
			"RUN |1 GH_TOKEN=" + tok["history"] + " /bin/sh -c ./configure # buildkit"},
	), tok
}

func TestDeletedAndOverwrittenFilesAreReported(t *testing.T) {
	img, tok := leakyImage(t)
	res, err := New(engine(t), Options{}).Scan(context.Background(), img)
	if err != nil {
		t.Fatal(err)
	}
	if errs := errorNotices(res); len(errs) > 0 {
		t.Fatalf("error notices: %v", errs)
	}
	digest, _ := img.Digest()
	for _, tc := range []struct {
		path, secret string
		layer        int
		removedIn    string
		how          string
	}{
		{"app/.env", tok["deleted"], 1, "2", "deleted in layer 2, still extractable from layer 1"},
		{"etc/app.conf", tok["overwritten"], 3, "4", "overwritten in layer 4, still extractable from layer 3"},
		{"srv/config.yml", tok["present"], 4, "", ""},
	} {
		fs := findingsAt(res, tc.path)
		if len(fs) != 1 {
			t.Errorf("%s: %d findings, want 1: %v", tc.path, len(fs), fs)
			continue
		}
		f := fs[0]
		l := f.Location
		if f.Secret != tc.secret || l.LayerIndex != tc.layer || l.Kind != finding.KindImage || l.Resource != digest.String() || !strings.HasPrefix(l.Layer, "sha256:") {
			t.Errorf("%s: %+v", tc.path, f)
		}
		if got := f.Details[DetailRemovedIn]; got != tc.removedIn {
			t.Errorf("%s: removed in %q, want %q", tc.path, got, tc.removedIn)
		}
		if tc.how != "" && (!strings.Contains(f.Message, tc.how) || f.Details[DetailExtractableFrom] != fmt.Sprint(tc.layer)) {
			t.Errorf("%s: message %q details %v", tc.path, f.Message, f.Details)
		}
		if tc.how == "" && strings.Contains(f.Message, "extractable") {
			t.Errorf("%s: a file in the final image is marked removed: %q", tc.path, f.Message)
		}
	}
	if res.Stats.Layers != 4 || res.Stats.Files != 5 {
		t.Errorf("stats %+v", res.Stats)
	}
}

func TestConfigLeaks(t *testing.T) {
	img, tok := leakyImage(t)
	res, err := New(engine(t), Options{}).Scan(context.Background(), img)
	if err != nil {
		t.Fatal(err)
	}
	for field, secret := range map[string]string{
		"Env/GITHUB_TOKEN":            tok["env"],
		"Labels/org.example.ci-token": tok["label"],
		"history/3/created_by":        tok["history"],
	} {
		fs := findingsAt(res, field)
		if len(fs) != 1 || fs[0].Secret != secret || fs[0].Location.Path != "" || fs[0].Location.StartLine != 0 {
			t.Errorf("%s: %v", field, fs)
		}
	}
	for _, f := range res.Findings {
		if strings.HasPrefix(f.Location.Field, "Env/PATH") || strings.HasPrefix(f.Location.Field, "Labels/maintainer") || f.Location.Field == "Cmd" {
			t.Errorf("a harmless field reported: %v", f)
		}
	}
}

func TestCleanImage(t *testing.T) {
	img := buildImage(t, v1.Config{Env: []string{"PATH=/usr/bin", "TOKEN_FILE=/run/secrets/token"}, Cmd: []string{"/app"}},
		step{layerOf(t, file("app/main.py", "import os\nprint(os.environ['HOME'])\n"), file("bin/app", "\x7fELF\x00\x00binary")), "COPY . /app"},
		step{layerOf(t, file("app/.wh.cache", ""), file("app/README.md", "# app\nPass the token in TOKEN_FILE.\n")), "RUN /bin/sh -c make"},
	)
	res, err := New(engine(t), Options{}).Scan(context.Background(), img)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 0 || len(res.Notices) != 0 {
		t.Errorf("findings %v notices %v", res.Findings, res.Notices)
	}
	if res.Stats.Layers != 2 || res.Stats.Files != 3 || res.Stats.SkippedBinary != 1 {
		t.Errorf("stats %+v", res.Stats)
	}
}

// summary is what must agree between input kinds.
func summary(r *Result) []string {
	var out []string
	for _, f := range r.Findings {
		l := f.Location
		out = append(out, fmt.Sprintf("%s %s %s %s %s layer %d %s %s %v", f.RuleID, f.Fingerprint, l.Path, l.Field, l.Resource, l.LayerIndex, l.Layer, f.Message, f.Details))
	}
	slices.Sort(out)
	return out
}

func TestInputKindsAgree(t *testing.T) {
	img, _ := leakyImage(t)
	srv := serve(t, nil)
	targets := map[string]SourceKind{
		push(t, srv, img):    SourceRegistry,
		toTarball(t, img):    SourceTarball,
		toDockerSave(t, img): SourceTarball,
		toLayout(t, img):     SourceLayout,
	}
	inMemory, err := New(engine(t), Options{}).Scan(context.Background(), img)
	if err != nil {
		t.Fatal(err)
	}
	want := summary(inMemory)
	if len(want) < 6 {
		t.Fatalf("too few findings to compare: %v", want)
	}
	for target, kind := range targets {
		src, err := Open(context.Background(), target, SourceOptions{Keychain: anonymous})
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		if src.Kind != kind {
			t.Errorf("%s opened as %s", target, src.Kind)
		}
		res, err := New(engine(t), Options{Workers: 2}).Scan(context.Background(), src.Image)
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		if got := summary(res); !slices.Equal(got, want) {
			t.Errorf("%s findings differ:\n got %q\nwant %q", kind, got, want)
		}
		if errs := errorNotices(res); len(errs) > 0 {
			t.Errorf("%s: %v", kind, errs)
		}
	}
}

func TestSameSecretInTwoLayersIsOneFinding(t *testing.T) {
	tok := token(7)
	img := buildImage(t, v1.Config{},
		step{layerOf(t, file("app/.env", "GITHUB_TOKEN="+tok+"\n")), "COPY .env /app/"},
		step{layerOf(t, file("app/.wh..env", "")), "RUN rm /app/.env"},
		step{layerOf(t, file("app/.env", "GITHUB_TOKEN="+tok+"\n")), "COPY .env /app/"},
	)
	res, err := New(engine(t), Options{}).Scan(context.Background(), img)
	if err != nil {
		t.Fatal(err)
	}
	fs := findingsAt(res, "app/.env")
	if len(fs) != 1 {
		t.Fatalf("%d findings: %v", len(fs), fs)
	}
	// Layer 3 still has it: that copy is the one reported, naming layer 1.
	if f := fs[0]; f.Location.LayerIndex != 3 || f.Details[DetailAlsoIn] != "1" || strings.Contains(f.Message, "extractable") {
		t.Errorf("%+v", f)
	}
}

func TestMaxFileSize(t *testing.T) {
	tok := token(8)
	img := buildImage(t, v1.Config{}, step{layerOf(t, file("big.txt", strings.Repeat("x", 2000)+tok), file("small.txt", tok)), "COPY . /"})
	res, err := New(engine(t), Options{MaxFileSize: 1000}).Scan(context.Background(), img)
	if err != nil {
		t.Fatal(err)
	}
	if len(findingsAt(res, "big.txt")) != 0 || len(findingsAt(res, "small.txt")) != 1 || res.Stats.SkippedSize != 1 {
		t.Errorf("findings %v stats %+v", res.Findings, res.Stats)
	}
	if len(res.Notices) != 1 || res.Notices[0].Level != finding.LevelWarning || !strings.Contains(res.Notices[0].Message, `"big.txt"`) {
		t.Errorf("notices %v", res.Notices)
	}
}

// lockedBuffer is a bytes.Buffer safe for the progress goroutine.
type lockedBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestProgressLine(t *testing.T) {
	var out lockedBuffer
	p := newProgress(&out, 3)
	p.add(5 << 20)
	p.layerDone()
	time.Sleep(3 * progressEvery)
	p.stop()
	got := out.String()
	if !strings.Contains(got, "scanning image: 1/3 layers, 5.0 MiB inflated") || !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("progress output %q", got)
	}
	var none *progress
	none.add(1)
	none.layerDone()
	none.stop()
	if newProgress(nil, 1) != nil {
		t.Error("a progress line without a writer")
	}
}
