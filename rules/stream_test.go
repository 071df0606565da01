package rules

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf16"

	"github.com/keysweep/keysweep/finding"
)

// fakeGitHubToken builds a checksum-valid but plainly fake token.
func fakeGitHubToken(fill byte) string {
	random := strings.Repeat(string(fill), 30)
	return "ghp_" + random + base62CRC32(random)
}

func TestScanReaderChunkBoundaries(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tok := fakeGitHubToken('b')
	// Place tokens so that one straddles the first chunk boundary and one
	// sits in the overlap, with newlines before them to count.
	var buf bytes.Buffer
	lines := 0
	for buf.Len() < ChunkSize-20 {
		buf.WriteString("filler line of text\n")
		lines++
	}
	straddleLine := lines + 1
	buf.WriteString("token=" + tok + "\n")
	lines++
	for buf.Len() < ChunkSize+Overlap/2 {
		buf.WriteString("x")
	}
	buf.WriteString("\nsecond " + tok + "\n")
	secondLine := lines + 2
	data := buf.Bytes()

	for name, r := range map[string]io.Reader{
		"whole":    bytes.NewReader(data),
		"one-byte": iotest.OneByteReader(bytes.NewReader(data)),
	} {
		t.Run(name, func(t *testing.T) {
			res, err := e.ScanReader(context.Background(), r, finding.Location{Kind: finding.KindFile, Path: "big.txt"}, 0)
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, f := range res.Findings {
				if f.RuleID == "github-pat" {
					got = append(got, f.Location.StartLine)
				}
			}
			want := []int{straddleLine, secondLine}
			if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
				t.Errorf("lines = %v, want %v", got, want)
			}
		})
	}
}

func TestScanReaderSingleLongLine(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tok := fakeGitHubToken('c')
	data := bytes.Repeat([]byte("a"), 3*ChunkSize)
	copy(data[ChunkSize+7:], "k="+tok+" ")
	res, err := e.ScanReader(context.Background(), bytes.NewReader(data), finding.Location{Kind: finding.KindFile, Path: "min.js"}, int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 {
		t.Fatalf("findings = %v", res.Findings)
	}
	loc := res.Findings[0].Location
	if loc.StartLine != 1 || loc.StartColumn != ChunkSize+7+3 {
		t.Errorf("at %d:%d, want 1:%d", loc.StartLine, loc.StartColumn, ChunkSize+7+3)
	}
}

func TestScanReaderBinary(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	data := append([]byte("PK\x03\x04\x00\x00"), []byte("token="+fakeGitHubToken('d'))...)
	res, err := e.ScanReader(context.Background(), bytes.NewReader(data), finding.Location{}, 0)
	if err != nil || !res.Binary || len(res.Findings) != 0 {
		t.Fatalf("binary: %+v, %v", res, err)
	}
}

func TestScanReaderError(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.ScanReader(context.Background(), iotest.ErrReader(io.ErrUnexpectedEOF), finding.Location{}, 0)
	if err == nil {
		t.Fatal("want an error")
	}
}

// utf16Text encodes s as UTF-16 with a byte-order mark, little-endian or
// big-endian, as Windows tools write text.
func utf16Text(s string, bigEndian bool) []byte {
	out := []byte{0xFF, 0xFE}
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestUTF16TextIsScanned(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tok := fakeGitHubToken('c')
	text := "# deploy.ps1\r\n$env:GITHUB_TOKEN = \"" + tok + "\"\r\n"
	for _, be := range []bool{false, true} {
		data := utf16Text(text, be)
		if IsBinary(data) {
			t.Fatalf("big-endian %v: UTF-16 text taken for binary", be)
		}
		got, bin := Text(data)
		if bin || string(got) != text {
			t.Fatalf("big-endian %v: Text = %q, %v", be, got, bin)
		}
		for name, r := range map[string]io.Reader{
			"whole":    bytes.NewReader(data),
			"one-byte": iotest.OneByteReader(bytes.NewReader(data)),
		} {
			res, err := e.ScanReader(context.Background(), r, finding.Location{Kind: finding.KindFile, Path: "deploy.ps1"}, int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Findings) != 1 || res.Findings[0].Secret != tok || res.Findings[0].Location.StartLine != 2 || res.Bytes != int64(len(data)) {
				t.Errorf("big-endian %v, %s: %+v (%d bytes)", be, name, res.Findings, res.Bytes)
			}
		}
	}
	// Binary content stays binary: NUL bytes without a byte-order mark, or
	// a byte-order mark before what decodes to NULs.
	for _, data := range [][]byte{[]byte("GITHUB_TOKEN=\x00" + tok), append([]byte{0xFF, 0xFE, 0, 0, 0, 0}, "token"...)} {
		if _, bin := Text(data); !bin {
			t.Errorf("%q: not binary", data)
		}
		res, err := e.ScanReader(context.Background(), bytes.NewReader(data), finding.Location{Kind: finding.KindFile, Path: "x.bin"}, 0)
		if err != nil || !res.Binary {
			t.Errorf("%q: ScanReader binary = %v, %v", data, res.Binary, err)
		}
	}
}

func FuzzText(f *testing.F) {
	f.Add(utf16Text("token = \"x\"\n", false))
	f.Add([]byte{0xFE, 0xFF, 0xD8, 0x00})
	f.Fuzz(func(t *testing.T, data []byte) {
		text, bin := Text(data)
		if !isUTF16(data) && (!bytes.Equal(text, data) || bin != IsBinary(data)) {
			t.Fatal("non-UTF-16 content changed")
		}
	})
}
