package image

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strings"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
)

// Whiteout markers of the OCI layer format: ".wh.NAME" deletes NAME from
// the layers below, ".wh..wh..opq" hides everything below in its folder.
const (
	whiteoutPrefix = ".wh."
	opaqueMarker   = ".wh..wh..opq"
)

// layerResult is what scanning one layer produced, and what the layer
// does to the files of the layers below it.
type layerResult struct {
	index    int
	digest   string
	findings []finding.Finding
	notices  []finding.Notice
	stats    finding.Stats
	// files holds the paths of the layer's non-folder entries: they
	// replace whatever the layers below had at those paths.
	files map[string]bool
	// whiteouts holds the paths the layer deletes; opaque the folders
	// whose lower contents it hides.
	whiteouts map[string]bool
	opaque    map[string]bool
	// head holds the start of each file, to tell binaries from text.
	head []byte
}

// removes says how the layer removes the lower layers' file at p:
// "overwritten", "deleted", or "" when it leaves it alone.
func (lr *layerResult) removes(p string) string {
	if lr.files[p] {
		return "overwritten"
	}
	for q := p; ; {
		if lr.whiteouts[q] {
			return "deleted"
		}
		dir := path.Dir(q)
		if lr.opaque[dir] {
			return "deleted"
		}
		if dir == "." || dir == "/" || dir == q {
			return ""
		}
		q = dir
	}
}

// sniffSize is how much of a file is read to tell binary from text: what
// git and the engine look at.
const sniffSize = 8000

// errLayerTooLarge is returned by a capReader past its limit.
var errLayerTooLarge = errors.New("layer too large")

// capReader counts the bytes read through it and fails past limit
// (negative: no limit).
type capReader struct {
	r     io.Reader
	n     int64
	limit int64
	prog  *progress
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.limit >= 0 && c.n > c.limit {
		return 0, errLayerTooLarge
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.prog.add(int64(n))
	if c.limit >= 0 && c.n > c.limit {
		return n, errLayerTooLarge
	}
	return n, err
}

// layerLimit is how many uncompressed bytes a layer of compressed size
// compressed may hold (negative: no limit), and which option sets it.
func (s *Scanner) layerLimit(compressed int64) (limit int64, by string) {
	limit, by = s.opts.maxLayerSize(), "--max-layer-size"
	if ratio := s.opts.maxRatio(); ratio > 0 && compressed > 0 && compressed <= math.MaxInt64/ratio {
		byRatio := max(RatioFloor, ratio*compressed)
		if limit < 0 || byRatio < limit {
			limit, by = byRatio, fmt.Sprintf("--max-ratio (%d times its compressed size)", ratio)
		}
	}
	return limit, by
}

// scanLayer streams one layer's tar and scans each regular file in it.
// Whatever goes wrong is a notice in the result; the rest of the layer is
// scanned when the stream allows it.
func (s *Scanner) scanLayer(ctx context.Context, l v1.Layer, index int, image string, compressed int64, prog *progress) (lr layerResult) {
	lr = layerResult{index: index, files: map[string]bool{}, whiteouts: map[string]bool{}, opaque: map[string]bool{},
		head: make([]byte, sniffSize)}
	d, err := l.Digest()
	if err != nil {
		lr.notices = append(lr.notices, finding.Notice{Level: finding.LevelError,
			Message: fmt.Sprintf("layer %d not scanned: reading its digest: %v", index, err)})
		return lr
	}
	lr.digest = d.String()
	fail := func(format string, args ...any) {
		lr.notices = append(lr.notices, finding.Notice{Level: finding.LevelError, Path: lr.digest,
			Message: fmt.Sprintf("layer %d (%s): ", index, lr.digest) + fmt.Sprintf(format, args...)})
	}
	rc, err := l.Uncompressed()
	if err != nil {
		fail("not scanned: %v", err)
		return lr
	}
	defer rc.Close()
	limit, by := s.layerLimit(compressed)
	cr := &capReader{r: rc, limit: limit, prog: prog}
	streamErr := func(err error, what string) {
		if errors.Is(err, errLayerTooLarge) {
			kind := "too large"
			if strings.HasPrefix(by, "--max-ratio") {
				kind = "a likely decompression bomb"
			}
			fail("refused as %s: it inflates past %s, the limit set by %s; %s", kind, humanSize(limit), by, what)
			return
		}
		fail("truncated or corrupt (%v); %s", err, what)
	}
	tr := tar.NewReader(cr)
	for {
		if ctx.Err() != nil {
			return lr
		}
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			streamErr(err, "the rest of the layer was not scanned")
			return lr
		}
		p, ok := cleanPath(hdr.Name)
		if !ok {
			fail("entry %s refused: its path leaves the layer's root (absolute or with ..); it was not scanned", quoteName(hdr.Name))
			continue
		}
		if p == "." {
			continue
		}
		dir, base := path.Split(p)
		dir = path.Clean(dir)
		if base == opaqueMarker {
			lr.opaque[dir] = true
			continue
		}
		if name, ok := strings.CutPrefix(base, whiteoutPrefix); ok {
			lr.whiteouts[path.Join(dir, name)] = true
			continue
		}
		switch hdr.Typeflag {
		case tar.TypeDir:
			continue
		case tar.TypeReg, '\x00':
		default:
			lr.files[p] = true // a link or device replaces a lower file too
			continue
		}
		lr.files[p] = true
		if err := s.scanFile(ctx, &lr, tr, hdr, p, image); err != nil {
			if ctx.Err() != nil {
				return lr
			}
			streamErr(err, fmt.Sprintf("reading %s; the rest of the layer was not scanned", quoteName(p)))
			return lr
		}
	}
	// Read to the end: trailing padding, and the digest check at EOF.
	if _, err := io.Copy(io.Discard, cr); err != nil {
		streamErr(err, "after its last entry")
		return lr
	}
	lr.stats.Layers = 1
	return lr
}

// scanFile scans one regular file of a layer.
func (s *Scanner) scanFile(ctx context.Context, lr *layerResult, r io.Reader, hdr *tar.Header, p, image string) error {
	loc := finding.Location{Kind: finding.KindImage, Path: p, Key: p, Resource: image, Layer: lr.digest, LayerIndex: lr.index}
	lr.findings = append(lr.findings, s.engine.ScanPath(loc)...)
	lr.stats.Files++
	if limit := s.opts.MaxFileSize; limit > 0 && hdr.Size > limit {
		lr.stats.SkippedSize++
		lr.notices = append(lr.notices, finding.Notice{Level: finding.LevelWarning, Path: lr.digest,
			Message: fmt.Sprintf("layer %d: %s (%s) is over --max-file-size: its content was not scanned", lr.index, quoteName(p), humanSize(hdr.Size))})
		return nil
	}
	// Sniff before the engine buffers the file: a binary is skipped
	// without being copied, and most of an image's bytes are binaries.
	head := lr.head[:min(int64(len(lr.head)), max(hdr.Size, 0))]
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return err
	}
	if rules.IsBinary(head[:n]) {
		lr.stats.Bytes += int64(n)
		lr.stats.SkippedBinary++
		return nil
	}
	sr, err := s.engine.ScanReader(ctx, io.MultiReader(bytes.NewReader(head[:n]), r), loc, hdr.Size)
	lr.stats.Bytes += sr.Bytes
	lr.stats.Suppressed += int64(sr.Suppressed)
	if sr.Binary {
		lr.stats.SkippedBinary++
	}
	lr.findings = append(lr.findings, sr.Findings...)
	return err
}

// cleanPath returns a tar entry's path, cleaned and relative to the
// layer's root, or false when it is absolute or climbs out with "..".
func cleanPath(name string) (string, bool) {
	if strings.HasPrefix(name, "/") || strings.HasPrefix(name, `\`) {
		return "", false
	}
	for _, seg := range strings.Split(name, "/") {
		if seg == ".." {
			return "", false
		}
	}
	return path.Clean(name), true
}

// maxQuotedName bounds how much of an entry's name a notice repeats.
const maxQuotedName = 200

// quoteName quotes a name from a tar header for a message, shortened and
// with control characters escaped.
func quoteName(s string) string {
	if len(s) > maxQuotedName {
		s = s[:maxQuotedName] + "…"
	}
	return fmt.Sprintf("%q", s)
}

// humanSize formats a byte count for messages.
func humanSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
