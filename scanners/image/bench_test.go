package image

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"sync"
	"testing"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
	"golang.org/x/sync/errgroup"

	"github.com/keysweep/keysweep/rules/rulestest"
)

// Benchmark image shape: benchLayers layers of about benchLayerSize
// uncompressed bytes each, three fifths source-like text (files of 2 KiB
// to 512 KiB, a token planted every 256 KiB) and two fifths binaries
// (random bytes with NULs, as shared objects and executables are).
const (
	benchLayers    = 4
	benchLayerSize = 80 << 20
)

// benchImage is built once per test binary: gzipping 320 MB takes
// seconds.
var benchImage = sync.OnceValues(makeBenchImage)

// benchTar is the uncompressed size of the benchmark image's layers.
func benchTar(b *testing.B, img v1.Image) int64 {
	layers, err := img.Layers()
	if err != nil {
		b.Fatal(err)
	}
	var total int64
	for _, l := range layers {
		rc, err := l.Uncompressed()
		if err != nil {
			b.Fatal(err)
		}
		n, err := io.Copy(io.Discard, rc)
		rc.Close()
		if err != nil {
			b.Fatal(err)
		}
		total += n
	}
	return total
}

func makeBenchImage() (v1.Image, error) {
	corpus, _ := rulestest.Corpus(11, 8<<20, 256<<10)
	blobs := make([][]byte, benchLayers)
	var g errgroup.Group
	for i := range blobs {
		g.Go(func() error {
			b, err := benchLayer(uint64(i), corpus)
			blobs[i] = b
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	img := empty.Image
	for i, blob := range blobs {
		l, err := tarball.LayerFromOpener(func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(blob)), nil })
		if err != nil {
			return nil, err
		}
		img, err = mutate.Append(img, mutate.Addendum{Layer: l, History: v1.History{CreatedBy: fmt.Sprintf("COPY layer%d / # buildkit", i)}})
		if err != nil {
			return nil, err
		}
	}
	return img, nil
}

// benchLayer returns one gzipped layer of generated files.
func benchLayer(seed uint64, corpus []byte) ([]byte, error) {
	r := rulestest.Rand(seed + 1000)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	var written int64
	for n := 0; written < benchLayerSize; n++ {
		var body []byte
		var name string
		if r.IntN(5) < 3 {
			size := 2<<10 + r.IntN(510<<10)
			off := r.IntN(len(corpus) - size)
			body, name = corpus[off:off+size], fmt.Sprintf("usr/src/app/pkg%d/file%d.py", n%37, n)
		} else {
			body = make([]byte, 4<<10+r.IntN(2<<20))
			for i := 0; i+8 <= len(body); i += 8 {
				binary.LittleEndian.PutUint64(body[i:], r.Uint64()&^0xff) // a NUL in every 8 bytes
			}
			name = fmt.Sprintf("usr/lib/lib%d.so", n)
		}
		if err := tw.WriteHeader(&tar.Header{Name: name, Typeflag: tar.TypeReg, Mode: 0o644, Size: int64(len(body))}); err != nil {
			return nil, err
		}
		if _, err := tw.Write(body); err != nil {
			return nil, err
		}
		written += int64(len(body))
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// BenchmarkDecompress is the floor: reading every layer's uncompressed
// stream to the end, as many layers at a time as the scanner.
func BenchmarkDecompress(b *testing.B) {
	img, err := benchImage()
	if err != nil {
		b.Fatal(err)
	}
	layers, err := img.Layers()
	if err != nil {
		b.Fatal(err)
	}
	workers := Options{}.workers()
	var total int64
	cpu := startCPU()
	for b.Loop() {
		var g errgroup.Group
		g.SetLimit(workers)
		sizes := make([]int64, len(layers))
		for i, l := range layers {
			g.Go(func() error {
				rc, err := l.Uncompressed()
				if err != nil {
					return err
				}
				defer rc.Close()
				sizes[i], err = io.Copy(io.Discard, rc)
				return err
			})
		}
		if err := g.Wait(); err != nil {
			b.Fatal(err)
		}
		total = 0
		for _, s := range sizes {
			total += s
		}
	}
	cpu.report(b)
	b.SetBytes(total)
}

// BenchmarkScan scans the same image: every file through the engine,
// binaries sniffed and skipped, config and history too.
func BenchmarkScan(b *testing.B) {
	img, err := benchImage()
	if err != nil {
		b.Fatal(err)
	}
	s := New(engine(b), Options{})
	total := benchTar(b, img)
	var res *Result
	cpu := startCPU()
	for b.Loop() {
		res, err = s.Scan(context.Background(), img)
		if err != nil {
			b.Fatal(err)
		}
	}
	cpu.report(b)
	if len(res.Notices) != 0 || res.Stats.Layers != benchLayers || len(res.Findings) == 0 {
		b.Fatalf("notices %v stats %+v findings %d", res.Notices, res.Stats, len(res.Findings))
	}
	b.SetBytes(total)
	b.ReportMetric(float64(res.Stats.Files), "files")
}
