package image

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// progressEvery is how often the progress line is redrawn.
const progressEvery = 200 * time.Millisecond

// progress draws one line of progress (layers done, bytes inflated),
// redrawn in place. A nil *progress draws nothing, so callers need not
// check.
type progress struct {
	w     io.Writer
	total int
	done  atomic.Int64
	bytes atomic.Int64
	quit  chan struct{}
	wg    sync.WaitGroup
}

// newProgress starts drawing on w, or returns nil when w is nil.
func newProgress(w io.Writer, layers int) *progress {
	if w == nil {
		return nil
	}
	p := &progress{w: w, total: layers, quit: make(chan struct{})}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(progressEvery)
		defer t.Stop()
		for {
			select {
			case <-p.quit:
				fmt.Fprint(p.w, "\r\x1b[K")
				return
			case <-t.C:
				fmt.Fprintf(p.w, "\r\x1b[Kscanning image: %d/%d layers, %s inflated", p.done.Load(), p.total, humanSize(p.bytes.Load()))
			}
		}
	}()
	return p
}

func (p *progress) add(n int64) {
	if p != nil {
		p.bytes.Add(n)
	}
}

func (p *progress) layerDone() {
	if p != nil {
		p.done.Add(1)
	}
}

// stop erases the line and stops drawing.
func (p *progress) stop() {
	if p == nil {
		return
	}
	close(p.quit)
	p.wg.Wait()
}
