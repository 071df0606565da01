package hardcodedsecret

import (
	"fmt"
	"go/ast"
	"go/token"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/keysweep/keysweep/analyzers/internal/srcutil"
	"github.com/keysweep/keysweep/analyzers/secrets"
	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
)

// RuleID is the catalog rule of a random-looking literal assigned to a
// secret-looking name. Content matches carry the content rule's own ID.
const RuleID = "go-hardcoded-secret"

// Analyzer reports secrets in string constants. Its result is a
// secrets.Map.
var Analyzer = New()

// New returns a fresh hardcodedsecret Analyzer, with its own flags and
// its own lazily compiled copy of the built-in catalog.
func New() *analysis.Analyzer {
	c := &checker{engine: sync.OnceValues(rules.Default)}
	a := &analysis.Analyzer{
		Name:       "hardcodedsecret",
		Doc:        "report credentials in string constants and literals\n\nString constants (and concatenations the type checker folds) are matched against keysweep's content rules; random-looking literals assigned to secret-looking names are reported as go-hardcoded-secret.",
		URL:        "https://github.com/keysweep/keysweep/tree/main/analyzers/hardcodedsecret",
		Requires:   []*analysis.Analyzer{inspect.Analyzer},
		ResultType: reflect.TypeFor[secrets.Map](),
		Run:        c.run,
	}
	a.Flags.BoolVar(&c.tests, "tests", false, "also analyse _test.go files")
	return a
}

type checker struct {
	engine func() (*rules.Engine, error)
	tests  bool
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	engine, err := c.engine()
	if err != nil {
		return nil, fmt.Errorf("compiling the rule catalog: %w", err)
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	found := secrets.Map{}
	for _, file := range pass.Files {
		if srcutil.Skip(pass, file, c.tests) {
			continue
		}
		names := assignedNames(pass, file)
		fc := fileCheck{pass: pass, engine: engine, file: file, found: found, names: names,
			path: pass.Fset.File(file.Pos()).Name()}
		for cur := range fileCursor(ins, file).Preorder((*ast.BasicLit)(nil), (*ast.BinaryExpr)(nil)) {
			if fc.partOfConst(cur) {
				continue // checked as part of the larger constant
			}
			e := cur.Node().(ast.Expr)
			fc.check(e)
		}
	}
	return found, nil
}

// partOfConst reports whether cur's node is an operand of a larger
// constant string expression.
func (fc *fileCheck) partOfConst(cur inspector.Cursor) bool {
	p := cur.Parent()
	for {
		if _, ok := p.Node().(*ast.ParenExpr); !ok {
			break
		}
		p = p.Parent()
	}
	b, ok := p.Node().(*ast.BinaryExpr)
	return ok && isConstString(fc.pass, b)
}

func isConstString(pass *analysis.Pass, e ast.Expr) bool {
	_, ok := srcutil.ConstString(pass.TypesInfo, e)
	if ok {
		_, conv := e.(*ast.CallExpr)
		return !conv
	}
	return false
}

type fileCheck struct {
	pass   *analysis.Pass
	engine *rules.Engine
	file   *ast.File
	path   string
	names  map[ast.Expr]string
	found  secrets.Map
}

// check looks at one constant string expression.
func (fc *fileCheck) check(e ast.Expr) {
	if !isConstString(fc.pass, e) {
		return
	}
	value, _ := srcutil.ConstString(fc.pass.TypesInfo, e)
	if len(value) < 8 {
		return
	}
	name := fc.names[e]
	loc := finding.Location{Kind: finding.KindFile, Path: fc.path, Key: fc.path}
	data := value
	if name != "" && !strings.ContainsAny(value, "\"\\\n") {
		data = name + ` = "` + value + `"`
	}
	res := fc.engine.Scan(rules.Chunk{Data: []byte(data), Location: loc})
	for _, f := range res.Findings {
		if fc.inOperand(e, f.Secret) || fc.suppressed(e) || (slices.Contains(f.Tags, "generic") && identifierLike(f.Secret)) {
			continue
		}
		r, _ := fc.engine.Rule(f.RuleID)
		where := "in a string constant"
		if name != "" {
			where = "assigned to " + name
		}
		fc.report(e, f.RuleID, fmt.Sprintf("%s %s (%s)", r.Meta().Title, where, f.RuleID), f.Secret)
		return
	}
	if name == "" || !srcutil.SecretName(name) || !looksRandom(value) || fc.suppressed(e) || fc.inOperand(e, value) {
		return
	}
	if _, ok := fc.engine.Report(RuleID, loc, "", value); !ok {
		return // disabled, or allowed by the catalog's allowlists
	}
	fc.report(e, RuleID, fmt.Sprintf("random-looking literal assigned to %s (%s)", name, RuleID), value)
}

func (fc *fileCheck) report(e ast.Expr, id, msg, secret string) {
	fc.pass.Report(analysis.Diagnostic{Pos: e.Pos(), End: e.End(), Category: id, Message: msg})
	fc.found[e.Pos()] = secret
}

func (fc *fileCheck) suppressed(e ast.Expr) bool {
	return srcutil.Suppressed(fc.pass.Fset, fc.file, e.Pos())
}

// inOperand reports whether a concatenation's secret lies wholly in one of
// its operands that names a constant declared elsewhere: that constant is
// reported where it is declared.
func (fc *fileCheck) inOperand(e ast.Expr, secret string) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident, *ast.SelectorExpr:
			if v, ok := srcutil.ConstString(fc.pass.TypesInfo, n.(ast.Expr)); ok && strings.Contains(v, secret) {
				found = true
			}
			return false
		}
		return !found
	})
	return found
}

// assignedNames maps each expression of file assigned to a name to that
// name: const and var specs, assignments (to variables, fields and map
// entries with constant keys), keyed composite-literal elements, and
// comparisons with a variable or field.
func assignedNames(pass *analysis.Pass, file *ast.File) map[ast.Expr]string {
	names := map[ast.Expr]string{}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ValueSpec:
			for i, v := range n.Values {
				if i < len(n.Names) && len(n.Names) == len(n.Values) {
					names[ast.Unparen(v)] = n.Names[i].Name
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				break
			}
			for i, l := range n.Lhs {
				if name := exprName(pass, l); name != "" {
					names[ast.Unparen(n.Rhs[i])] = name
				}
			}
		case *ast.KeyValueExpr:
			if name := exprName(pass, n.Key); name != "" {
				names[ast.Unparen(n.Value)] = name
			}
		case *ast.BinaryExpr: // password == "…"
			if n.Op != token.EQL && n.Op != token.NEQ {
				break
			}
			for _, pair := range [][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
				switch v := ast.Unparen(pair[0]).(type) {
				case *ast.Ident:
					names[ast.Unparen(pair[1])] = v.Name
				case *ast.SelectorExpr:
					names[ast.Unparen(pair[1])] = v.Sel.Name
				}
			}
		}
		return true
	})
	return names
}

// exprName is the name an assignment target or composite-literal key
// gives its value: x, s.Field, m["key"], Field:, "key":.
func exprName(pass *analysis.Pass, e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if e.Name == "_" {
			return ""
		}
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.IndexExpr:
		if k, ok := srcutil.ConstString(pass.TypesInfo, e.Index); ok {
			return k
		}
	case *ast.BasicLit:
		if k, ok := srcutil.ConstString(pass.TypesInfo, e); ok {
			return k
		}
	}
	return ""
}

// looksRandom reports whether a literal looks like a generated secret
// rather than a word, identifier, URL, path or format string: at least 12
// characters, no spaces, letters and digits, and high entropy.
func looksRandom(v string) bool {
	if len(v) < 12 || len(v) > 512 || srcutil.Placeholder(v) || identifierLike(v) {
		return false
	}
	if strings.Contains(v, "://") || strings.HasPrefix(v, "/") || strings.HasPrefix(v, "./") || strings.Contains(v, "%") {
		return false
	}
	var letters, digits int
	for _, r := range v {
		switch {
		case unicode.IsSpace(r) || unicode.IsControl(r) || r > unicode.MaxASCII:
			return false
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		}
	}
	if letters == 0 || digits == 0 {
		return false
	}
	min := 3.5
	if len(v) < 16 {
		min = 3.2
	}
	return entropy(v) >= min
}

// identifierLike reports whether a value is a lower-case name made of
// words ("s3_disable_express_session_auth", "public_tokens.route"): three
// or more runs of three or more letters, between separators. A generic
// rule's match on it is a setting's name, not a secret.
func identifierLike(v string) bool {
	words := 0
	for _, w := range strings.FieldsFunc(v, func(r rune) bool { return r == '_' || r == '.' || r == '-' }) {
		for _, r := range w {
			if !unicode.IsLower(r) && !unicode.IsDigit(r) {
				return false
			}
		}
		if len(w) >= 3 && strings.IndexFunc(w, unicode.IsDigit) < 0 {
			words++
		}
	}
	return words >= 3
}

// entropy is the Shannon entropy of s in bits per byte.
func entropy(s string) float64 {
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	var h float64
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / float64(len(s))
			h -= p * math.Log2(p)
		}
	}
	return h
}

// fileCursor returns the cursor of file in ins.
func fileCursor(ins *inspector.Inspector, file *ast.File) inspector.Cursor {
	c, _ := ins.Root().FindNode(file)
	return c
}
