// Package srcutil holds the small source helpers keysweep's analyzers
// share: which files to skip, inline suppressions, constant strings.
package srcutil

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Skip reports whether an analyzer should leave file alone: a generated
// file, or a _test.go file when tests is false.
func Skip(pass *analysis.Pass, file *ast.File, tests bool) bool {
	if ast.IsGenerated(file) {
		return true
	}
	name := pass.Fset.File(file.Pos()).Name()
	return !tests && strings.HasSuffix(name, "_test.go")
}

// Suppressed reports whether a keysweep:allow comment (or gitleaks:allow,
// or gosec's #nosec, bare or naming G101) sits on the line of pos or on
// the line above it, as the content engine honours in any file.
func Suppressed(fset *token.FileSet, file *ast.File, pos token.Pos) bool {
	line := fset.Position(pos).Line
	for _, g := range file.Comments {
		for _, c := range g.List {
			l := fset.Position(c.Slash).Line
			if l != line && l != line-1 {
				continue
			}
			if strings.Contains(c.Text, "keysweep:allow") || strings.Contains(c.Text, "gitleaks:allow") || nosec(c.Text) {
				return true
			}
		}
	}
	return false
}

// ConstString returns the value of e if it is a constant string, or a
// conversion of one to []byte or []rune.
func ConstString(info *types.Info, e ast.Expr) (string, bool) {
	e = ast.Unparen(e)
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			return constant.StringVal(tv.Value), true
		}
		return "", false
	}
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return "", false
	}
	if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() {
		return "", false
	}
	if _, ok := info.Types[call.Fun].Type.Underlying().(*types.Slice); !ok {
		return "", false
	}
	return ConstString(info, call.Args[0])
}

// FileOf returns the file of pass that holds pos, or nil.
func FileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// Placeholder reports whether a value is plainly not a real secret: a
// template or variable reference, a format verb, a run of one character,
// or a word that documentation uses for one.
func Placeholder(v string) bool {
	low := strings.ToLower(v)
	for _, s := range []string{"${", "{{", "%s", "%v", "%d", "%q", "<", "xxxx", "****", "....", "changeme", "change-me", "change_me", "placeholder", "example", "your-", "your_", "yourpass", "redacted", "dummy", "sample", "insert", "replace"} {
		if strings.Contains(low, s) {
			return true
		}
	}
	if strings.HasPrefix(v, "$") {
		return true
	}
	return strings.Count(v, v[:1]) == len(v)
}

// nosec reports whether a comment is gosec's #nosec for every rule or for
// G101, its hard-coded credentials rule.
func nosec(text string) bool {
	_, rest, ok := strings.Cut(text, "#nosec")
	if !ok {
		return false
	}
	rest = strings.TrimSpace(rest)
	return !strings.HasPrefix(rest, "G") || strings.Contains(rest, "G101")
}
