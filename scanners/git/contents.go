package git

import (
	"container/list"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
)

// contents is a small cache of blob contents shared by a scan's workers:
// a new version of a file is compared with the version it replaces, which
// a worker has usually just read, so it need not be inflated and rebuilt
// from its deltas again. It holds at most maxBytes.
type contents struct {
	mu       sync.Mutex
	maxBytes int
	bytes    int
	order    *list.List // of plumbing.Hash, most recent first
	items    map[plumbing.Hash]*list.Element
	data     map[plumbing.Hash][]byte
}

func newContents(maxBytes int) *contents {
	return &contents{maxBytes: maxBytes, order: list.New(), items: map[plumbing.Hash]*list.Element{}, data: map[plumbing.Hash][]byte{}}
}

// get returns a blob's content, if cached. The caller must not modify it.
func (c *contents) get(h plumbing.Hash) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[h]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return c.data[h], true
}

// put caches a blob's content, which the caller must not modify after.
// Contents larger than a quarter of the cache are not kept.
func (c *contents) put(h plumbing.Hash, data []byte) {
	if len(data) > c.maxBytes/4 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[h]; ok {
		return
	}
	c.items[h] = c.order.PushFront(h)
	c.data[h] = data
	c.bytes += len(data)
	for c.bytes > c.maxBytes {
		last := c.order.Back()
		old := last.Value.(plumbing.Hash)
		c.order.Remove(last)
		c.bytes -= len(c.data[old])
		delete(c.items, old)
		delete(c.data, old)
	}
}
