package rules

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/keysweep/keysweep/finding"
)

// Streaming sizes: content is scanned in chunks of ChunkSize bytes, each
// with Overlap bytes of look-ahead shared with the next, so memory stays
// bounded however large the input and a match up to Overlap bytes long is
// never cut in two.
const (
	ChunkSize = 4 << 20
	Overlap   = 64 << 10
	// binarySniff is how much of the start of a stream is looked at to tell
	// binary from text, as git does.
	binarySniff = 8000
)

// StreamResult is what scanning a stream produced.
type StreamResult struct {
	Result
	// Bytes is how many bytes were read.
	Bytes int64
	// Binary is true when the content was recognised as binary and skipped.
	Binary bool
}

// IsBinary reports whether content that starts with head is binary: it holds
// a NUL byte in its first 8000 bytes, as git decides, and is not UTF-16
// text with a byte-order mark (which Text decodes).
func IsBinary(head []byte) bool {
	return !isUTF16(head) && bytes.IndexByte(head[:min(len(head), binarySniff)], 0) >= 0
}

// isUTF16 reports whether content starting with head is UTF-16 text: it
// opens with a byte-order mark (FF FE or FE FF), as Windows tools write it
// (PowerShell 5's Out-File and ">", regedit exports, SQL Server scripts).
func isUTF16(head []byte) bool {
	return len(head) >= 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF)
}

// utf16Decoder decodes UTF-16 text after its byte-order mark to UTF-8; a
// lone surrogate becomes U+FFFD.
func utf16Decoder() transform.Transformer {
	return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
}

// Text returns content as the UTF-8 text to scan, and whether it is
// binary (not scanned): UTF-16 text with a byte-order mark is decoded,
// other content is returned as it is. Line numbers are the same in both.
func Text(data []byte) (text []byte, binary bool) {
	if isUTF16(data) {
		if out, _, err := transform.Bytes(utf16Decoder(), data); err == nil {
			return out, IsBinary(out)
		}
	}
	return data, IsBinary(data)
}

// ScanReader scans everything r yields, in overlapping chunks, as content of
// loc. Binary content is not scanned (Binary is set). sizeHint, when
// positive, sizes the first buffer. A read error is returned with the
// findings made before it; the caller reports the item as incomplete.
func (e *Engine) ScanReader(ctx context.Context, r io.Reader, loc finding.Location, sizeHint int64) (res StreamResult, _ error) {
	// Bytes counts what is read from r, before any decoding.
	counted := &countingReader{r: r}
	r = counted
	defer func() { res.Bytes = counted.n }()
	size := ChunkSize + Overlap
	if sizeHint > 0 && sizeHint < int64(size) {
		size = int(sizeHint) + 1 // +1 to see EOF without another grow
	}
	buf := make([]byte, 0, size)
	line, col := 1, 1
	first, decoding := true, false
	for {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		n, err := readFull(r, buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		eof := errors.Is(err, io.EOF)
		if err != nil && !eof {
			return res, fmt.Errorf("reading: %w", err)
		}
		if !eof && len(buf) < cap(buf) {
			continue // a short read: keep filling the buffer
		}
		if !eof && cap(buf) < ChunkSize+Overlap {
			// The size hint was short: grow to a full chunk and read on.
			grown := make([]byte, len(buf), ChunkSize+Overlap)
			copy(grown, buf)
			buf = grown
			continue
		}
		if first {
			if isUTF16(buf) && !decoding {
				// UTF-16 text: read on through a decoder, from the start,
				// and tell binary from text by what it decodes to.
				r = transform.NewReader(io.MultiReader(bytes.NewReader(bytes.Clone(buf)), r), utf16Decoder())
				buf, decoding = buf[:0], true
				continue
			}
			first = false
			if IsBinary(buf) {
				res.Binary = true
				return res, nil
			}
		}
		limit := len(buf)
		if !eof {
			limit = len(buf) - Overlap
		}
		r := e.Scan(Chunk{Data: buf, Limit: limit, Location: loc, Line: line, Column: col})
		res.Findings = append(res.Findings, r.Findings...)
		res.Suppressed += r.Suppressed
		if eof {
			return res, nil
		}
		// Advance the position past this chunk's own bytes and keep the
		// look-ahead as the start of the next chunk.
		own := buf[:limit]
		if nl := bytes.Count(own, []byte{'\n'}); nl > 0 {
			line += nl
			col = limit - bytes.LastIndexByte(own, '\n')
		} else {
			col += limit
		}
		buf = buf[:copy(buf, buf[limit:])]
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// readFull reads until p is full or the reader ends; unlike io.ReadFull it
// reports io.EOF whenever the reader ended, even after a partial read.
func readFull(r io.Reader, p []byte) (int, error) {
	n := 0
	for n < len(p) {
		m, err := r.Read(p[n:])
		n += m
		if err != nil {
			return n, err
		}
		if m == 0 {
			// A reader returning 0, nil repeatedly would spin; treat as
			// a short read and let the caller come back.
			return n, nil
		}
	}
	return n, nil
}
