package git

import (
	"context"
	"fmt"
	"testing"

	gogit "github.com/go-git/go-git/v5"

	"github.com/keysweep/keysweep/rules/rulestest"
)

// BenchmarkScanHistory scans a generated repository of 300 commits, each
// rewriting one of 20 source-like files (8 KiB, a token planted every
// 4 KiB), so that every commit introduces one new blob, from a packfile.
func BenchmarkScanHistory(b *testing.B) {
	const commits, files, size = 300, 20, 8 << 10
	r := newRepo(b)
	for i := range commits {
		data, _ := rulestest.Corpus(uint64(i+1), size, 4<<10)
		r.commit(fmt.Sprintf("commit %d", i), map[string]string{
			fmt.Sprintf("src/pkg%d/file%d.py", i%files/5, i%files): string(data),
		})
	}
	// A clone's objects are packed, and packs are what history scans
	// read.
	if err := r.repo.RepackObjects(&gogit.RepackConfig{}); err != nil {
		b.Fatal(err)
	}
	s := New(engine(b), Options{})
	var bytes int64
	for b.Loop() {
		res, err := s.Scan(context.Background(), r.dir)
		if err != nil {
			b.Fatal(err)
		}
		if res.Stats.Commits != commits || res.Stats.Files != commits || len(res.Findings) == 0 {
			b.Fatalf("commits %d, blobs %d, findings %d", res.Stats.Commits, res.Stats.Files, len(res.Findings))
		}
		bytes = res.Stats.Bytes
	}
	b.SetBytes(bytes)
	b.ReportMetric(float64(commits), "commits/op")
}
