package rules

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

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
// a NUL byte in its first 8000 bytes, as git decides.
func IsBinary(head []byte) bool {
	return bytes.IndexByte(head[:min(len(head), binarySniff)], 0) >= 0
}

// ScanReader scans everything r yields, in overlapping chunks, as content of
// loc. Binary content is not scanned (Binary is set). sizeHint, when
// positive, sizes the first buffer. A read error is returned with the
// findings made before it; the caller reports the item as incomplete.
func (e *Engine) ScanReader(ctx context.Context, r io.Reader, loc finding.Location, sizeHint int64) (StreamResult, error) {
	var res StreamResult
	size := ChunkSize + Overlap
	if sizeHint > 0 && sizeHint < int64(size) {
		size = int(sizeHint) + 1 // +1 to see EOF without another grow
	}
	buf := make([]byte, 0, size)
	line, col := 1, 1
	first := true
	for {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		n, err := readFull(r, buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		res.Bytes += int64(n)
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
