package git

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
	"github.com/go-git/go-git/v5/storage/filesystem/dotgit"
)

// errNotPacked is what packReader.read returns for an object that no pack
// holds (a loose object, one in an alternate object store) or that it
// leaves to go-git: go-git then reads it.
var errNotPacked = errors.New("not in a pack")

// Object types of a pack entry (gitformat-pack(5)).
const (
	objCommit   = 1
	objTree     = 2
	objBlob     = 3
	objTag      = 4
	objOFSDelta = 6
	objREFDelta = 7
)

// maxDeltaChain bounds how many deltas an object is rebuilt through: git
// writes chains of at most 50 (pack.depth), 4095 with --depth; a longer one
// is a corrupt pack (a REF_DELTA cycle).
const maxDeltaChain = 10000

// packs reads objects straight from a repository's packfiles, shared by a
// scan's workers: one copy of each pack index for all of them, and one cache
// of rebuilt objects, so that a version of a file stored as a delta against
// the version just read costs one inflate and one patch. go-git's object
// storage gives each reader its own index and cache, copies each object
// twice, and hashes it again.
//
// The walk reads commits, tags and trees through it, the workers blobs. A
// loose object, one in an alternate store, a thin pack's missing base, a
// blob larger than maxDiffBlob, anything built on an object over
// maxObject, and every object of a SHA-256 repository are left to go-git
// (errNotPacked).
type packs struct {
	files []*pack
	cache *contents
}

// pack is one packfile and its index.
type pack struct {
	name string
	r    io.ReaderAt // safe for concurrent use: os.File.ReadAt is pread
	size int64
	idx  *idxfile.MemoryIndex
	c    io.Closer
}

// openPacks opens the packfiles of the repository whose .git is fs. A pack
// whose index cannot be read is left out: go-git then reports its objects
// as it reads them.
func openPacks(fs billy.Filesystem, cache *contents) (*packs, error) {
	dg := dotgit.New(fs)
	hashes, err := dg.ObjectPacks()
	if err != nil {
		return nil, fmt.Errorf("listing packs: %w", err)
	}
	ps := &packs{cache: cache}
	for _, h := range hashes {
		p, err := openPack(dg, h)
		if err != nil {
			continue
		}
		ps.files = append(ps.files, p)
	}
	return ps, nil
}

func openPack(dg *dotgit.DotGit, h plumbing.Hash) (*pack, error) {
	idxFile, err := dg.ObjectPackIdx(h)
	if err != nil {
		return nil, err
	}
	idx := idxfile.NewMemoryIndex()
	err = idxfile.NewDecoder(bufio.NewReader(idxFile)).Decode(idx)
	_ = idxFile.Close()
	if err != nil {
		return nil, err
	}
	f, err := dg.ObjectPack(h)
	if err != nil {
		return nil, err
	}
	st, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	return &pack{name: "pack-" + h.String() + ".pack", r: f, size: st, idx: idx, c: f}, nil
}

// find returns the offset of object h in the pack. (The index's own
// FindOffset also records every offset it returns, under a lock, for
// reverse lookups this reader never makes.)
func (p *pack) find(h plumbing.Hash) (int64, bool) {
	idx := p.idx
	k := idx.FanoutMapping[h[0]]
	if k < 0 || k >= len(idx.Names) || k >= len(idx.Offset32) {
		return 0, false
	}
	names, offs := idx.Names[k], idx.Offset32[k]
	n := min(len(names)/len(h), len(offs)/4)
	i, found := sort.Find(n, func(i int) int { return bytes.Compare(h[:], names[i*len(h):(i+1)*len(h)]) })
	if !found {
		return 0, false
	}
	off := binary.BigEndian.Uint32(offs[i*4:])
	if off&(1<<31) == 0 {
		return int64(off), true
	}
	// A pack larger than 2 GiB: the offset is in the 64-bit table.
	j := uint64(off&^(1<<31)) * 8
	if j+8 > uint64(len(idx.Offset64)) {
		return 0, false
	}
	off64 := binary.BigEndian.Uint64(idx.Offset64[j:])
	if off64 > 1<<62 {
		return 0, false
	}
	return int64(off64), true
}

// Close closes the packfiles.
func (ps *packs) Close() {
	for _, p := range ps.files {
		if p.c != nil {
			_ = p.c.Close()
		}
	}
}

// packReader reads objects from packs for one worker: it holds the
// worker's buffers and inflater, which are not safe for concurrent use.
type packReader struct {
	ps *packs
	br *bufio.Reader
	zr io.ReadCloser // a zlib reader, reset for each object
}

func (ps *packs) reader() *packReader {
	return &packReader{ps: ps, br: bufio.NewReaderSize(nil, 16<<10)}
}

// objKey names a cached object: its pack and offset, or, for an object read
// through go-git, its hash (pack -1).
type objKey struct {
	pack int
	off  int64
	hash plumbing.Hash
}

// read returns the content of object h, of type typ, rebuilt from its
// deltas, or errNotPacked, also when it is larger than limit. The caller
// must not modify it: it may be cached.
func (pr *packReader) read(h plumbing.Hash, typ plumbing.ObjectType, limit int64) ([]byte, error) {
	o, err := pr.readAny(h, limit)
	if err == nil && o.typ != typ {
		return nil, fmt.Errorf("object %s is a %s, not a %s", h, o.typ, typ)
	}
	return o.data, err
}

// readAny returns object h, whatever its type, as read does.
func (pr *packReader) readAny(h plumbing.Hash, limit int64) (packed, error) {
	for i, p := range pr.ps.files {
		off, ok := p.find(h)
		if !ok {
			continue
		}
		o, err := pr.object(i, off, limit)
		if err != nil && !errors.Is(err, errNotPacked) {
			return packed{}, fmt.Errorf("%s at offset %d: %w", p.name, off, err)
		}
		return o, err
	}
	return packed{}, errNotPacked
}

// link is one delta of a chain being rebuilt: the object at off is delta
// applied to the object it names as its base.
type link struct {
	off   int64
	delta []byte
}

// object rebuilds the object at off in pack i, following its delta chain
// down to a cached or whole object and patching back up, caching each
// version rebuilt on the way (a sibling version is likely to need it).
// An object larger than limit is errNotPacked.
func (pr *packReader) object(i int, off int64, limit int64) (packed, error) {
	p := pr.ps.files[i]
	var chain []link
	var o packed
	for {
		if cached, ok := pr.ps.cache.get(objKey{pack: i, off: off}); ok {
			o = cached
			break
		}
		if len(chain) >= maxDeltaChain {
			return packed{}, fmt.Errorf("delta chain longer than %d", maxDeltaChain)
		}
		hdr, err := pr.header(p, off)
		if err != nil {
			return packed{}, err
		}
		switch hdr.typ {
		case objCommit, objTree, objBlob, objTag:
			if len(chain) == 0 && hdr.size > limit {
				return packed{}, errNotPacked // go-git streams it
			}
			if hdr.size > maxObject {
				return packed{}, errNotPacked // a huge base: go-git streams what is built on it
			}
			o.typ = plumbing.ObjectType(hdr.typ)
			if o.data, err = pr.inflate(p, hdr); err != nil {
				return packed{}, fmt.Errorf("object at offset %d: %w", off, err)
			}
		case objOFSDelta, objREFDelta:
			if hdr.size > maxObject {
				return packed{}, errNotPacked
			}
			delta, err := pr.inflate(p, hdr)
			if err != nil {
				return packed{}, fmt.Errorf("delta at offset %d: %w", off, err)
			}
			if ts := deltaTargetSize(delta); ts > maxObject || (len(chain) == 0 && ts > uint64(limit)) {
				return packed{}, errNotPacked // too large to build here: go-git streams it
			}
			chain = append(chain, link{off: off, delta: delta})
			if hdr.typ == objREFDelta {
				base, ok := p.find(hdr.baseRef)
				if !ok {
					return packed{}, errNotPacked // a thin pack's base: go-git finds it
				}
				hdr.base = base
			}
			off = hdr.base
			continue
		default:
			return packed{}, fmt.Errorf("object at offset %d: unknown type %d", off, hdr.typ)
		}
		pr.ps.cache.put(objKey{pack: i, off: off}, o)
		break
	}
	for j := len(chain) - 1; j >= 0; j-- {
		data, err := applyDelta(o.data, chain[j].delta)
		if err != nil {
			return packed{}, fmt.Errorf("delta at offset %d: %w", chain[j].off, err)
		}
		o.data = data
		pr.ps.cache.put(objKey{pack: i, off: chain[j].off}, o)
	}
	return o, nil
}

// maxObject bounds an object rebuilt in memory, whole or as a delta base;
// what is larger, or built on something larger, is left to go-git.
const maxObject = 64 << 20

// entryHeader is the header of a pack entry.
type entryHeader struct {
	typ     int
	size    int64 // inflated size: of the object, or of the delta
	data    int64 // offset of the zlib stream
	base    int64 // OFS_DELTA: the base's offset
	baseRef plumbing.Hash
}

// header reads the header of the entry at off.
func (pr *packReader) header(p *pack, off int64) (entryHeader, error) {
	if off < 12 || off >= p.size {
		return entryHeader{}, fmt.Errorf("offset %d outside the pack (%d bytes)", off, p.size)
	}
	var buf [32]byte
	n, err := p.r.ReadAt(buf[:], off)
	if n == 0 && err != nil {
		return entryHeader{}, fmt.Errorf("reading entry at offset %d: %w", off, err)
	}
	hdr, err := parseEntryHeader(buf[:n], off)
	if err != nil {
		return entryHeader{}, fmt.Errorf("entry at offset %d: %w", off, err)
	}
	return hdr, nil
}

// parseEntryHeader parses the header of the pack entry at off, whose first
// bytes are b.
func parseEntryHeader(b []byte, off int64) (entryHeader, error) {
	var h entryHeader
	i := 0
	next := func() (byte, bool) {
		if i >= len(b) {
			return 0, false
		}
		i++
		return b[i-1], true
	}
	c, ok := next()
	if !ok {
		return h, io.ErrUnexpectedEOF
	}
	h.typ = int(c>>4) & 7
	size := uint64(c & 0x0f)
	for shift := 4; c&0x80 != 0; shift += 7 {
		if shift > 56 {
			return h, errors.New("size varint too long")
		}
		if c, ok = next(); !ok {
			return h, io.ErrUnexpectedEOF
		}
		size |= uint64(c&0x7f) << shift
	}
	if size > 1<<62 {
		return h, errors.New("size out of range")
	}
	h.size = int64(size)
	switch h.typ {
	case objOFSDelta:
		if c, ok = next(); !ok {
			return h, io.ErrUnexpectedEOF
		}
		rel := uint64(c & 0x7f)
		for c&0x80 != 0 {
			if rel >= 1<<56 {
				return h, errors.New("base offset varint too long")
			}
			if c, ok = next(); !ok {
				return h, io.ErrUnexpectedEOF
			}
			rel = (rel+1)<<7 | uint64(c&0x7f)
		}
		if rel == 0 || rel >= uint64(off) {
			return h, fmt.Errorf("delta base offset %d is not before the delta", rel)
		}
		h.base = off - int64(rel)
	case objREFDelta:
		if len(b)-i < len(h.baseRef) {
			return h, io.ErrUnexpectedEOF
		}
		copy(h.baseRef[:], b[i:])
		i += len(h.baseRef)
	}
	h.data = off + int64(i)
	return h, nil
}

// inflate reads the zlib stream of entry hdr, which must inflate to exactly
// hdr.size bytes.
func (pr *packReader) inflate(p *pack, hdr entryHeader) ([]byte, error) {
	pr.br.Reset(io.NewSectionReader(p.r, hdr.data, p.size-hdr.data))
	var err error
	if pr.zr == nil {
		pr.zr, err = zlib.NewReader(pr.br)
	} else {
		err = pr.zr.(zlib.Resetter).Reset(pr.br, nil)
	}
	if err != nil {
		return nil, fmt.Errorf("zlib: %w", err)
	}
	out := make([]byte, hdr.size)
	if _, err := io.ReadFull(pr.zr, out); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("inflating %d bytes: %w", hdr.size, err)
	}
	return out, nil
}

// deltaTargetSize returns the size of the object delta builds, or the
// maximum on a malformed header (applyDelta reports it).
func deltaTargetSize(delta []byte) uint64 {
	_, rest, ok := uleb128(delta)
	if !ok {
		return ^uint64(0)
	}
	size, _, ok := uleb128(rest)
	if !ok {
		return ^uint64(0)
	}
	return size
}

// uleb128 decodes the little-endian base-128 number that b begins with
// (a delta's sizes), and returns the bytes after it.
func uleb128(b []byte) (uint64, []byte, bool) {
	var v uint64
	for i, shift := 0, 0; i < len(b) && shift < 64; i, shift = i+1, shift+7 {
		v |= uint64(b[i]&0x7f) << shift
		if b[i]&0x80 == 0 {
			return v, b[i+1:], true
		}
	}
	return 0, nil, false
}

var errBadDelta = errors.New("malformed delta")

// applyDelta builds the object that delta describes against base
// (gitformat-pack(5), "Deltified representation"): the base's size, the
// target's, then instructions that copy a range of the base or insert
// literal bytes. The target is allocated once, at its declared size, and
// every instruction is checked against both sizes.
func applyDelta(base, delta []byte) ([]byte, error) {
	baseSize, delta, ok := uleb128(delta)
	if !ok || baseSize != uint64(len(base)) {
		return nil, fmt.Errorf("%w: base size %d, not %d", errBadDelta, baseSize, len(base))
	}
	size, delta, ok := uleb128(delta)
	if !ok || size > maxObject {
		return nil, fmt.Errorf("%w: target size out of range", errBadDelta)
	}
	out := make([]byte, 0, size)
	for len(delta) > 0 {
		op := delta[0]
		delta = delta[1:]
		switch {
		case op&0x80 != 0:
			// Copy: up to 4 offset bytes and 3 size bytes follow, those
			// present flagged by op's low 7 bits; a size of 0 is 0x10000.
			var off, n uint64
			for k := range 7 {
				if op&(1<<k) == 0 {
					continue
				}
				if len(delta) == 0 {
					return nil, fmt.Errorf("%w: truncated copy", errBadDelta)
				}
				if k < 4 {
					off |= uint64(delta[0]) << (8 * k)
				} else {
					n |= uint64(delta[0]) << (8 * (k - 4))
				}
				delta = delta[1:]
			}
			if n == 0 {
				n = 0x10000
			}
			if off+n > uint64(len(base)) || uint64(len(out))+n > size {
				return nil, fmt.Errorf("%w: copy out of range", errBadDelta)
			}
			out = append(out, base[off:off+n]...)
		case op != 0:
			// Insert: op bytes of the delta itself.
			n := int(op)
			if n > len(delta) || uint64(len(out)+n) > size {
				return nil, fmt.Errorf("%w: insert out of range", errBadDelta)
			}
			out = append(out, delta[:n]...)
			delta = delta[n:]
		default:
			return nil, fmt.Errorf("%w: reserved instruction 0", errBadDelta)
		}
	}
	if uint64(len(out)) != size {
		return nil, fmt.Errorf("%w: built %d bytes, not %d", errBadDelta, len(out), size)
	}
	return out, nil
}
