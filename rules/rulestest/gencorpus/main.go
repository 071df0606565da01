// Command gencorpus writes a tree of generated source-code-like files with
// plainly fake secrets planted in them, for benchmarks:
//
//	go run ./rules/rulestest/gencorpus -out /tmp/corpus -size 100MB -files 3400
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/keysweep/keysweep/rules/rulestest"
)

func main() {
	out := flag.String("out", "", "folder to write the tree into (required)")
	size := flag.Int("size", 100, "total size in MiB")
	files := flag.Int("files", 3400, "number of files")
	flag.Parse()
	if *out == "" || *files <= 0 || *size <= 0 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -out DIR [-size MiB] [-files N]")
		os.Exit(2)
	}
	if err := write(*out, *size<<20, *files); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func write(dir string, total, files int) error {
	r := rulestest.Rand(42)
	planted := 0
	for i := range files {
		// Sizes vary from a tenth to twice the mean, as in real trees.
		mean := total / files
		n := mean/10 + r.IntN(mean*19/10+1)
		data, secrets := rulestest.Corpus(uint64(i), n, 32<<10)
		planted += len(secrets)
		p := filepath.Join(dir, fmt.Sprintf("pkg%02d", i%50), fmt.Sprintf("mod%d", i%7), fmt.Sprintf("file%04d.py", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("wrote %d files to %s with %d planted secrets\n", files, dir, planted)
	return nil
}
