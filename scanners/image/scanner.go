package image

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"golang.org/x/sync/errgroup"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
)

// Defaults of Options.
const (
	// DefaultMaxLayerSize caps how many uncompressed bytes one layer may
	// hold: 16 GiB.
	DefaultMaxLayerSize = 16 << 30
	// DefaultMaxRatio caps how many times larger than its compressed blob
	// a layer may grow when decompressed, past RatioFloor: ordinary layers
	// grow 2 to 10 times, a gzip bomb about 1000 times.
	DefaultMaxRatio = 100
	// RatioFloor is how far any layer may grow whatever its ratio, so that
	// a small layer of sparse files is not taken for a bomb: 64 MiB.
	RatioFloor = 64 << 20
)

// Details keys set on findings in files that a later layer deleted or
// overwrote.
const (
	// DetailExtractableFrom names the layers (1-based, comma-separated) a
	// removed file can still be extracted from.
	DetailExtractableFrom = "still_extractable_from_layer"
	// DetailRemovedIn names the layer that deleted or overwrote the file.
	DetailRemovedIn = "removed_in_layer"
	// DetailAlsoIn names the other layers that hold the same file with
	// the same secret.
	DetailAlsoIn = "also_in_layers"
)

// Options configure a Scanner. The zero value scans every file of every
// layer, four layers at a time at most (or the CPUs, if fewer), with the
// default layer caps and no history check.
type Options struct {
	// MaxFileSize, when positive, skips the content of files larger than
	// it, reporting each (their path-only rules still run). The default,
	// 0, is no limit.
	MaxFileSize int64
	// MaxLayerSize caps the uncompressed bytes of one layer; a layer
	// larger is refused with an error notice. The default, 0, is
	// DefaultMaxLayerSize; negative is no limit.
	MaxLayerSize int64
	// MaxRatio caps how many times its compressed size a layer may grow
	// past RatioFloor; a layer that grows more is refused as a
	// decompression bomb. The default, 0, is DefaultMaxRatio; negative is
	// no limit.
	MaxRatio int64
	// Workers is how many layers are scanned at once. The default, 0, is
	// the number of CPUs, at most 4.
	Workers int
	// HistoryCheck, when set, is run on the Dockerfile reconstructed from
	// the image's history (see Dockerfile). The default, nil, skips it.
	HistoryCheck rules.FileCheck
	// Progress, when set, receives a progress line rewritten in place
	// (callers pass standard error when it is a terminal). The default,
	// nil, shows none.
	Progress io.Writer
}

func (o Options) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return min(runtime.GOMAXPROCS(0), 4)
}

func (o Options) maxLayerSize() int64 {
	switch {
	case o.MaxLayerSize == 0:
		return DefaultMaxLayerSize
	case o.MaxLayerSize < 0:
		return -1
	}
	return o.MaxLayerSize
}

func (o Options) maxRatio() int64 {
	switch {
	case o.MaxRatio == 0:
		return DefaultMaxRatio
	case o.MaxRatio < 0:
		return -1
	}
	return o.MaxRatio
}

// Result is what a scan found and covered.
type Result struct {
	// Digest is the image's manifest digest, every finding's Resource.
	Digest string
	// Findings are sorted with finding.Compare.
	Findings []finding.Finding
	// Notices say what could not be scanned, or was skipped, and why.
	Notices []finding.Notice
	// Stats count what was scanned and skipped; Layers is the number of
	// layers scanned whole.
	Stats finding.Stats
}

// Scanner scans container images. It is safe for concurrent use.
type Scanner struct {
	engine *rules.Engine
	opts   Options
}

// New returns a Scanner that runs engine's rules with opts.
func New(engine *rules.Engine, opts Options) *Scanner {
	return &Scanner{engine: engine, opts: opts}
}

// Scan scans img: its config, its reconstructed history, and each layer.
// A layer or config that cannot be read is a notice of level error and
// the rest is scanned; the error is for a scan that could not happen at
// all (no manifest, ctx cancelled), and then the Result is nil.
func (s *Scanner) Scan(ctx context.Context, img v1.Image) (*Result, error) {
	d, err := img.Digest()
	if err != nil {
		return nil, fmt.Errorf("reading the image manifest: %w", err)
	}
	manifest, err := img.Manifest()
	if err != nil {
		return nil, fmt.Errorf("reading the image manifest: %w", err)
	}
	layers, err := img.Layers()
	if err != nil {
		return nil, fmt.Errorf("listing the image layers: %w", err)
	}
	res := &Result{Digest: d.String()}
	cfg, err := img.ConfigFile()
	if err != nil {
		res.Notices = append(res.Notices, finding.Notice{Level: finding.LevelError, Path: manifest.Config.Digest.String(),
			Message: fmt.Sprintf("image config not scanned (env, labels, history): %v", err)})
	} else {
		res.Findings = append(res.Findings, s.scanConfig(res.Digest, cfg)...)
		fs, notices := s.checkHistory(ctx, res.Digest, cfg.History)
		res.Findings = append(res.Findings, fs...)
		res.Notices = append(res.Notices, notices...)
	}

	prog := newProgress(s.opts.Progress, len(layers))
	defer prog.stop()
	results := make([]layerResult, len(layers))
	g := new(errgroup.Group)
	g.SetLimit(s.opts.workers())
	for i, l := range layers {
		var compressed int64
		if i < len(manifest.Layers) {
			compressed = manifest.Layers[i].Size
			if isUncompressed(string(manifest.Layers[i].MediaType)) {
				compressed = 0 // nothing to inflate: no bomb to fear
			}
		}
		g.Go(func() error {
			results[i] = s.scanLayer(ctx, l, i+1, res.Digest, compressed, prog)
			prog.layerDone()
			return nil
		})
	}
	_ = g.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var layerFindings []finding.Finding
	for _, lr := range results {
		layerFindings = append(layerFindings, lr.findings...)
		res.Notices = append(res.Notices, lr.notices...)
		addStats(&res.Stats, lr.stats)
	}
	all := append(res.Findings, layerFindings...)
	res.Findings = merge(all, removals(all, results))
	slices.SortStableFunc(res.Findings, finding.Compare)
	return res, nil
}

// isUncompressed reports whether a layer media type names a plain tar.
func isUncompressed(mt string) bool {
	return mt == "application/vnd.oci.image.layer.v1.tar" || mt == "application/vnd.docker.image.rootfs.diff.tar"
}

func addStats(dst *finding.Stats, s finding.Stats) {
	dst.Files += s.Files
	dst.Bytes += s.Bytes
	dst.SkippedBinary += s.SkippedBinary
	dst.SkippedSize += s.SkippedSize
	dst.Suppressed += s.Suppressed
	dst.Layers += s.Layers
}
