// Command genhistory writes a git fast-import stream of a generated
// history, for benchmarks of history scans: a few hundred source-like
// files edited a few lines at a time over thousands of commits, on a main
// branch and feature branches merged into it, with plainly fake secrets
// planted (and some later removed) along the way.
//
//	go run ./rules/rulestest/genhistory -commits 5000 | git -C repo fast-import
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"

	"github.com/keysweep/keysweep/rules/rulestest"
)

func main() {
	commits := flag.Int("commits", 5000, "number of commits")
	files := flag.Int("files", 300, "number of files")
	size := flag.Int("size", 12, "mean file size in KiB")
	flag.Parse()
	if *commits <= 0 || *files <= 0 || *size <= 0 {
		fmt.Fprintln(os.Stderr, "usage: genhistory [-commits N] [-files N] [-size KiB] | git fast-import")
		os.Exit(2)
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	g := &gen{w: w, r: rulestest.Rand(7), files: make([][][]byte, *files)}
	planted := g.run(*commits, *size<<10)
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "genhistory:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "genhistory: %d commits, %d files, %d secrets planted\n", *commits, *files, planted)
}

type gen struct {
	w     *bufio.Writer
	r     *rand.Rand
	files [][][]byte // each file as lines
	mark  int
	when  int64
}

func (g *gen) path(i int) string { return fmt.Sprintf("src/pkg%02d/mod%d/file%04d.py", i%30, i%5, i) }

// run writes the history and returns how many secrets it planted.
func (g *gen) run(commits, size int) int {
	for i := range g.files {
		data, _ := rulestest.Corpus(uint64(i+1), size/2+g.r.IntN(size+1), 1<<30)
		g.files[i] = bytes.SplitAfter(data, []byte("\n"))
	}
	planted := 0
	g.when = 1700000000
	// The first commit adds every file.
	all := make([]int, len(g.files))
	for i := range all {
		all[i] = i
	}
	main := g.commit("refs/heads/main", "initial import", 0, 0, all)
	branch, branchTip, branchBase := 0, 0, 0
	for c := 1; c < commits; c++ {
		touched := []int{g.r.IntN(len(g.files))}
		f := g.files[touched[0]]
		// Edit a few lines; now and then plant or remove a secret.
		for range 1 + g.r.IntN(4) {
			at := g.r.IntN(len(f))
			f[at] = fmt.Appendf(nil, "    value_%d = compute(%d, %q)\n", c, g.r.IntN(1000), rulestest.String(g.r, "abcdefghijklmnop", 8))
		}
		switch {
		case c%40 == 0:
			at := g.r.IntN(len(f))
			f[at] = fmt.Appendf(nil, "GITHUB_TOKEN = %q\n", rulestest.GitHubToken(g.r))
			planted++
		case c%97 == 0:
			at := g.r.IntN(len(f))
			f[at] = fmt.Appendf(nil, "aws_access_key_id = %q\naws_secret_access_key = %q\n", rulestest.AWSAccessKeyID(g.r), rulestest.AWSSecretKey(g.r))
			planted++
		case c%55 == 0:
			// Remove the lines that hold a secret in this file.
			kept := f[:0]
			for _, l := range f {
				if !bytes.Contains(l, []byte("TOKEN")) && !bytes.Contains(l, []byte("aws_")) {
					kept = append(kept, l)
				}
			}
			g.files[touched[0]] = kept
		}
		// One commit in ten goes to a feature branch, merged back every
		// twenty of its commits.
		if c%10 == 0 {
			if branchTip == 0 {
				branch++
				branchBase = main
			}
			from := branchTip
			if from == 0 {
				from = branchBase
			}
			branchTip = g.commit(fmt.Sprintf("refs/heads/feature-%d", branch), fmt.Sprintf("feature %d work %d", branch, c), from, 0, touched)
			if c%200 == 0 {
				main = g.commit("refs/heads/main", fmt.Sprintf("merge feature %d", branch), main, branchTip, nil)
				branchTip = 0
			}
			continue
		}
		main = g.commit("refs/heads/main", fmt.Sprintf("change %d", c), main, 0, touched)
	}
	fmt.Fprintf(g.w, "reset refs/heads/main\nfrom :%d\n\n", main)
	return planted
}

// commit writes a commit on ref with parent from (and merge, when not 0)
// that sets the given files to their current content, and returns its
// mark.
func (g *gen) commit(ref, msg string, from, merge int, files []int) int {
	g.mark++
	g.when += int64(60 + g.r.IntN(3600))
	fmt.Fprintf(g.w, "commit %s\nmark :%d\ncommitter Dev <dev@example.com> %d +0000\ndata %d\n%s\n", ref, g.mark, g.when, len(msg), msg)
	if from != 0 {
		fmt.Fprintf(g.w, "from :%d\n", from)
	}
	if merge != 0 {
		fmt.Fprintf(g.w, "merge :%d\n", merge)
	}
	for _, i := range files {
		content := bytes.Join(g.files[i], nil)
		fmt.Fprintf(g.w, "M 100644 inline %s\ndata %d\n", g.path(i), len(content))
		g.w.Write(content)
		g.w.WriteString("\n")
	}
	g.w.WriteString("\n")
	return g.mark
}
