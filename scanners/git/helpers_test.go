package git

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	gogit "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/keysweep/keysweep/rules"
	"github.com/keysweep/keysweep/rules/rulestest"
)

// engine is the built-in catalog's engine, compiled once.
func engine(t testing.TB) *rules.Engine { return rulestest.Engine(t) }

// token returns a fresh, checksum-valid, plainly fake GitHub token.
func token(seed uint64) string { return rulestest.GitHubToken(rulestest.Rand(seed)) }

// epoch is the fixed date of a test repository's first commit; each
// commit is one hour after the previous one.
var epoch = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)

// testRepo builds a repository commit by commit in a temporary directory.
type testRepo struct {
	t    testing.TB
	dir  string
	repo *gogit.Repository
	wt   *gogit.Worktree
	n    int
}

func newRepo(t testing.TB) *testRepo {
	t.Helper()
	dir := t.TempDir()
	repo, err := gogit.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	return &testRepo{t: t, dir: dir, repo: repo, wt: wt}
}

// write writes and stages files (path → content); an empty content
// removes the file.
func (r *testRepo) write(files map[string]string) {
	r.t.Helper()
	for name, content := range files {
		full := filepath.Join(r.dir, filepath.FromSlash(name))
		if content == "" {
			if _, err := r.wt.Remove(name); err != nil {
				r.t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			r.t.Fatal(err)
		}
		if _, err := r.wt.Add(name); err != nil {
			r.t.Fatal(err)
		}
	}
}

// commit writes files and commits them with a fixed signature.
func (r *testRepo) commit(msg string, files map[string]string) plumbing.Hash {
	r.t.Helper()
	r.write(files)
	sig := &object.Signature{Name: "Ada Lovelace", Email: "ada@example.com", When: epoch.Add(time.Duration(r.n) * time.Hour)}
	r.n++
	h, err := r.wt.Commit(msg, &gogit.CommitOptions{Author: sig, Committer: sig, AllowEmptyCommits: true})
	if err != nil {
		r.t.Fatal(err)
	}
	return h
}

// checkout switches to branch, creating it at HEAD when create is set.
func (r *testRepo) checkout(branch string, create bool) {
	r.t.Helper()
	err := r.wt.Checkout(&gogit.CheckoutOptions{Branch: plumbing.NewBranchReferenceName(branch), Create: create})
	if err != nil {
		r.t.Fatal(err)
	}
}

func scan(t testing.TB, dir string, opts Options) *Result {
	t.Helper()
	res, err := New(engine(t), opts).Scan(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// merge records a merge of branch into the current branch: a commit whose
// parents are HEAD and the branch's tip, with the union of their files
// (the test branches never touch the same file).
func (r *testRepo) merge(branch, msg string) plumbing.Hash {
	r.t.Helper()
	ref, err := r.repo.Reference(plumbing.NewBranchReferenceName(branch), true)
	if err != nil {
		r.t.Fatal(err)
	}
	other, err := r.repo.CommitObject(ref.Hash())
	if err != nil {
		r.t.Fatal(err)
	}
	files, err := other.Files()
	if err != nil {
		r.t.Fatal(err)
	}
	add := map[string]string{}
	_ = files.ForEach(func(f *object.File) error {
		content, err := f.Contents()
		if err != nil {
			return err
		}
		add[f.Name] = content
		return nil
	})
	r.write(add)
	sig := &object.Signature{Name: "Ada Lovelace", Email: "ada@example.com", When: epoch.Add(time.Duration(r.n) * time.Hour)}
	r.n++
	h, err := r.wt.Commit(msg, &gogit.CommitOptions{Author: sig, Committer: sig, Parents: []plumbing.Hash{r.head(), ref.Hash()}})
	if err != nil {
		r.t.Fatal(err)
	}
	return h
}

func (r *testRepo) head() plumbing.Hash {
	r.t.Helper()
	ref, err := r.repo.Head()
	if err != nil {
		r.t.Fatal(err)
	}
	return ref.Hash()
}

// setRef points a ref at a commit.
func (r *testRepo) setRef(name string, h plumbing.Hash) {
	r.t.Helper()
	if err := r.repo.Storer.SetReference(plumbing.NewHashReference(plumbing.ReferenceName(name), h)); err != nil {
		r.t.Fatal(err)
	}
}
