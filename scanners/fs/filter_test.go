package fs

import (
	"fmt"
	"slices"
	"testing"
)

// plant writes a file holding a fake token at each slash path.
func plant(t *testing.T, root string, paths ...string) {
	t.Helper()
	for i, p := range paths {
		writeFile(t, root, p, "token = "+fakeToken(byte('a'+i%26))+"\n")
	}
}

func TestScanExclude(t *testing.T) {
	root := t.TempDir()
	all := []string{"a.txt", "build", "docs/build/e.txt", "node_modules/x/d.js", "sub/a.txt", "sub/b.go", "vendor/lib/c.go"}
	plant(t, root, all...)
	tests := []struct {
		patterns []string
		want     []string
		skipped  int64
	}{
		{nil, all, 0},
		{[]string{"*.txt"}, []string{"build", "node_modules/x/d.js", "sub/b.go", "vendor/lib/c.go"}, 3},
		{[]string{"node_modules", "vendor"}, []string{"a.txt", "build", "docs/build/e.txt", "sub/a.txt", "sub/b.go"}, 2},
		{[]string{"vendor/**"}, []string{"a.txt", "build", "docs/build/e.txt", "node_modules/x/d.js", "sub/a.txt", "sub/b.go"}, 1},
		{[]string{"sub/*.go"}, []string{"a.txt", "build", "docs/build/e.txt", "node_modules/x/d.js", "sub/a.txt", "vendor/lib/c.go"}, 1},
		{[]string{"build/"}, []string{"a.txt", "build", "node_modules/x/d.js", "sub/a.txt", "sub/b.go", "vendor/lib/c.go"}, 1},
		{[]string{"/a.txt"}, []string{"build", "docs/build/e.txt", "node_modules/x/d.js", "sub/a.txt", "sub/b.go", "vendor/lib/c.go"}, 1},
		{[]string{"./sub"}, []string{"a.txt", "build", "docs/build/e.txt", "node_modules/x/d.js", "vendor/lib/c.go"}, 1},
		{[]string{"**/lib/*.go", "**/{d,e}.*"}, []string{"a.txt", "build", "sub/a.txt", "sub/b.go"}, 3},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.patterns), func(t *testing.T) {
			res := scan(t, New(engine(t), Options{Exclude: tt.patterns}), root)
			noNotices(t, res)
			if got := keys(res, "github-pat"); !slices.Equal(got, tt.want) {
				t.Errorf("scanned %v, want %v", got, tt.want)
			}
			if res.Stats.SkippedIgnored != tt.skipped {
				t.Errorf("SkippedIgnored = %d, want %d", res.Stats.SkippedIgnored, tt.skipped)
			}
		})
	}
}

func TestScanExcludeFileTarget(t *testing.T) {
	root := t.TempDir()
	plant(t, root, "a.txt", "b.go")
	t.Chdir(root)
	res := scan(t, New(engine(t), Options{Exclude: []string{"*.txt"}}), "a.txt", "b.go")
	if got := keys(res, "github-pat"); !slices.Equal(got, []string{"b.go"}) || res.Stats.SkippedIgnored != 1 {
		t.Errorf("scanned %v (stats %+v), want b.go", got, res.Stats)
	}
}

func TestScanGitignore(t *testing.T) {
	root := t.TempDir()
	all := []string{
		"a.tmp", "app.log", "build/out.txt", "crlf/x.txt", "crlf/y.txt", "local.env", "main.go",
		"secret-1.txt", "sub/a.tmp", "sub/build/x.txt", "sub/deep/other.log", "sub/keep.log", "sub/other.log",
	}
	plant(t, root, all...)
	writeFile(t, root, ".gitignore", "# comment\n\n*.log\n/build/\nsecret-*.txt\n")
	writeFile(t, root, ".git/info/exclude", "local.env\n")
	writeFile(t, root, "sub/.gitignore", "!keep.log\n*.tmp\n")
	writeFile(t, root, "crlf/.gitignore", "x.txt\r\n")

	t.Run("off", func(t *testing.T) {
		res := scan(t, New(engine(t), Options{}), root)
		if got := keys(res, "github-pat"); !slices.Equal(got, all) {
			t.Errorf("scanned %v, want everything on disk", got)
		}
	})
	t.Run("on", func(t *testing.T) {
		res := scan(t, New(engine(t), Options{RespectGitignore: true}), root)
		noNotices(t, res)
		want := []string{"a.tmp", "crlf/y.txt", "main.go", "sub/build/x.txt", "sub/keep.log"}
		if got := keys(res, "github-pat"); !slices.Equal(got, want) {
			t.Errorf("scanned %v, want %v", got, want)
		}
		// app.log, build/, crlf/x.txt, local.env, secret-1.txt, sub/a.tmp,
		// sub/deep/other.log, sub/other.log.
		if res.Stats.SkippedIgnored != 8 {
			t.Errorf("SkippedIgnored = %d, want 8", res.Stats.SkippedIgnored)
		}
		// The .gitignore files themselves are scanned.
		if res.Stats.Files != int64(len(want))+3 {
			t.Errorf("Files = %d, want %d", res.Stats.Files, len(want)+3)
		}
	})
}
