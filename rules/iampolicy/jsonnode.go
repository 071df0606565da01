package iampolicy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
)

// lineIndex converts byte offsets to 1-based lines and columns.
type lineIndex struct {
	starts []int // offset of each line's first byte
	line   int   // line of offset 0
}

func newLineIndex(data []byte, line int) *lineIndex {
	li := &lineIndex{starts: []int{0}, line: max(line, 1)}
	for i, c := range data {
		if c == '\n' {
			li.starts = append(li.starts, i+1)
		}
	}
	return li
}

func (li *lineIndex) at(off int) (line, col int) {
	i := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	i = max(i, 0)
	return li.line + i, off - li.starts[i] + 1
}

// posError is a parse error at a line of the input.
type posError struct {
	line int
	msg  string
}

func (e *posError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

// maxDepth bounds nesting, so that a hostile document cannot exhaust the
// stack.
const maxDepth = 200

// parseJSON parses a JSON document into nodes. firstLine is the line of
// data[0] in its file (JSON embedded in a template); 0 means 1.
func parseJSON(data []byte, firstLine int) (*node, error) {
	li := newLineIndex(data, firstLine)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	p := &jsonParser{data: data, dec: dec, li: li}
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		l, _ := li.at(p.start())
		return nil, &posError{l, "unexpected data after the top-level value"}
	}
	return n, nil
}

type jsonParser struct {
	data []byte
	dec  *json.Decoder
	li   *lineIndex
}

// start is the offset of the next token.
func (p *jsonParser) start() int {
	i := int(p.dec.InputOffset())
	for i < len(p.data) {
		switch p.data[i] {
		case ' ', '\t', '\r', '\n', ',', ':':
			i++
			continue
		}
		break
	}
	return i
}

func (p *jsonParser) err(err error) error {
	var se *json.SyntaxError
	off := p.start()
	if errors.As(err, &se) {
		off = int(se.Offset)
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		off = len(p.data)
		err = errors.New("unexpected end of JSON input")
	}
	l, _ := p.li.at(min(off, max(len(p.data)-1, 0)))
	return &posError{l, err.Error()}
}

func (p *jsonParser) token() (json.Token, int, int, error) {
	off := p.start()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, 0, 0, p.err(err)
	}
	l, c := p.li.at(off)
	return tok, l, c, nil
}

func (p *jsonParser) value(depth int) (*node, error) {
	tok, l, c, err := p.token()
	if err != nil {
		return nil, err
	}
	return p.fromToken(tok, l, c, depth)
}

func (p *jsonParser) fromToken(tok json.Token, l, c, depth int) (*node, error) {
	if depth > maxDepth {
		return nil, &posError{l, "nested too deeply"}
	}
	n := &node{line: l, col: c}
	switch t := tok.(type) {
	case nil:
		n.kind = kindNull
	case bool:
		n.kind, n.str = kindBool, fmt.Sprint(t)
	case json.Number:
		n.kind, n.str = kindNumber, t.String()
	case string:
		n.kind, n.str = kindString, t
	case json.Delim:
		switch t {
		case '[':
			n.kind = kindArray
			for p.dec.More() {
				item, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, item)
			}
		case '{':
			n.kind = kindObject
			for p.dec.More() {
				tok, kl, kc, err := p.token()
				if err != nil {
					return nil, err
				}
				k, _ := tok.(string)
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, &node{kind: kindString, str: k, line: kl, col: kc})
				n.vals = append(n.vals, v)
			}
		default:
			return nil, &posError{l, fmt.Sprintf("unexpected %q", rune(t))}
		}
		if _, _, _, err := p.token(); err != nil { // the closing delimiter
			return nil, err
		}
	}
	return n, nil
}
