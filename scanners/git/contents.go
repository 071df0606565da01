package git

import (
	"container/list"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
)

// contents is a cache of object contents shared by a scan's workers, by
// pack offset (or by hash for an object read through go-git): a version of
// a file is usually stored as a delta against the version just read, and a
// new version is compared with the one it replaces, so each is inflated
// and rebuilt once. It holds at most maxBytes.
type contents struct {
	mu       sync.Mutex
	maxBytes int
	bytes    int
	order    *list.List // of objKey, most recent first
	items    map[objKey]*list.Element
	data     map[objKey]packed
}

// packed is an object's type and content.
type packed struct {
	typ  plumbing.ObjectType
	data []byte
}

// entryCost is roughly what an entry costs besides its data (its key,
// list element and map slot): trees are small and many, and their entries
// would otherwise go uncounted.
const entryCost = 160

func newContents(maxBytes int) *contents {
	return &contents{maxBytes: maxBytes, order: list.New(), items: map[objKey]*list.Element{}, data: map[objKey]packed{}}
}

// get returns an object, if cached. The caller must not modify its data.
func (c *contents) get(h objKey) (packed, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[h]
	if !ok {
		return packed{}, false
	}
	c.order.MoveToFront(e)
	return c.data[h], true
}

// put caches an object, whose data the caller must not modify after.
// Objects larger than a quarter of the cache are not kept.
func (c *contents) put(h objKey, o packed) {
	if len(o.data) > c.maxBytes/4 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[h]; ok {
		return
	}
	c.items[h] = c.order.PushFront(h)
	c.data[h] = o
	c.bytes += len(o.data) + entryCost
	for c.bytes > c.maxBytes {
		last := c.order.Back()
		old := last.Value.(objKey)
		c.order.Remove(last)
		c.bytes -= len(c.data[old].data) + entryCost
		delete(c.items, old)
		delete(c.data, old)
	}
}
