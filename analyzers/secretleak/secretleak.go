package secretleak

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/keysweep/keysweep/analyzers/internal/srcutil"
)

// Catalog rules the analyzer reports, as diagnostic categories.
const (
	// RuleLogged is a secret reaching a log, an error, a panic or an
	// HTTP response.
	RuleLogged = "go-secret-logged"
	// RuleEnv is a secret written to an environment variable.
	RuleEnv = "go-secret-in-env"
)

// Analyzer reports secrets flowing to logs, errors, responses and the
// environment.
var Analyzer = New()

// New returns a fresh secretleak Analyzer with its own flags.
func New() *analysis.Analyzer {
	c := &checker{}
	a := &analysis.Analyzer{
		Name:      "secretleak",
		Doc:       "report secrets that reach logs, errors, responses or os.Setenv\n\nValues from Secrets Manager, decrypted SSM parameters, secret-named environment variables and secret-tagged struct fields are followed (within functions, and through wrapper functions across packages) to fmt printing, log, slog, panic, error messages, HTTP responses and os.Setenv.",
		URL:       "https://github.com/keysweep/keysweep/tree/main/analyzers/secretleak",
		Requires:  []*analysis.Analyzer{buildssa.Analyzer},
		FactTypes: []analysis.Fact{new(LeakFact)},
		Run:       c.run,
	}
	a.Flags.BoolVar(&c.tests, "tests", false, "also analyse _test.go files")
	return a
}

// LeakFact marks a function some of whose parameters reach a sink.
type LeakFact struct {
	// Params lists them, by index in the SSA signature (a method's
	// receiver is 0).
	Params []ParamLeak
}

// ParamLeak is one parameter that reaches a sink.
type ParamLeak struct {
	Index int
	// Sink says where it goes ("log.Printf").
	Sink string
	// Rule is RuleLogged or RuleEnv.
	Rule string
}

// AFact marks LeakFact as an analysis fact.
func (*LeakFact) AFact() {}

func (f *LeakFact) String() string {
	var s []string
	for _, p := range f.Params {
		s = append(s, fmt.Sprintf("param %d → %s", p.Index, p.Sink))
	}
	return "leaks(" + strings.Join(s, ", ") + ")"
}

type checker struct{ tests bool }

func (c *checker) run(pass *analysis.Pass) (any, error) {
	if inStdlib(pass) {
		return nil, nil
	}
	ssaRes := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	skip := map[*ast.File]bool{}
	for _, f := range pass.Files {
		skip[f] = srcutil.Skip(pass, f, c.tests)
	}
	local := map[*types.Func]*LeakFact{}
	a := &passState{pass: pass, local: local}

	// Facts first, to a fixed point: wrappers of wrappers in this package.
	for range 8 {
		changed := false
		for _, fn := range ssaRes.SrcFuncs {
			obj, ok := fn.Object().(*types.Func)
			if !ok {
				continue
			}
			var leaks []ParamLeak
			for i, p := range fn.Params {
				fl := a.flow(fn, map[ssa.Value]source{p: {desc: "parameter"}})
				if len(fl.sinks) > 0 {
					s := fl.sinks[0]
					leaks = append(leaks, ParamLeak{Index: i, Sink: s.sink, Rule: s.rule})
				}
			}
			old := local[obj]
			if len(leaks) > 0 && (old == nil || len(old.Params) != len(leaks)) {
				local[obj] = &LeakFact{Params: leaks}
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for obj, f := range local {
		pass.ExportObjectFact(obj, f)
	}

	// Then the secrets' flows.
	for _, fn := range ssaRes.SrcFuncs {
		file := srcutil.FileOf(pass, fn.Pos())
		if file == nil || skip[file] {
			continue
		}
		seeds := a.sources(fn)
		if len(seeds) == 0 {
			continue
		}
		for _, s := range a.flow(fn, seeds).sinks {
			if srcutil.Suppressed(pass.Fset, file, s.pos) {
				continue
			}
			pass.Report(analysis.Diagnostic{
				Pos: s.pos, Category: s.rule,
				Message: fmt.Sprintf("secret from %s reaches %s (%s)", s.from.desc, s.sink, s.rule),
			})
		}
	}
	return nil, nil
}

// inStdlib reports whether the package is the standard library's, whose
// sinks are named directly and whose functions get no facts.
func inStdlib(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 {
		return true
	}
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
	root := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	return strings.HasPrefix(name, root) || strings.HasPrefix(filepath.ToSlash(name), "$GOROOT/")
}

// passState is the state of one pass.
type passState struct {
	pass  *analysis.Pass
	local map[*types.Func]*LeakFact
}

// source describes where a tainted value came from.
type source struct {
	desc string
	env  bool // read from the environment: os.Setenv of it is not a leak
}

type sink struct {
	pos  token.Pos
	sink string
	rule string
	from source
}

type flowResult struct{ sinks []sink }

// sources finds the secret sources in fn.
func (a *passState) sources(fn *ssa.Function) map[ssa.Value]source {
	seeds := map[ssa.Value]source{}
	decrypts := false
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			if st, ok := ins.(*ssa.Store); ok {
				if fa, ok := st.Addr.(*ssa.FieldAddr); ok && fieldName(fa.X.Type(), fa.Field) == "WithDecryption" &&
					strings.HasSuffix(typePath(fa.X.Type()), "/service/ssm") && !isFalse(st.Val) {
					decrypts = true
				}
			}
		}
	}
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			switch v := ins.(type) {
			case *ssa.Call:
				callee := v.Call.StaticCallee()
				if callee == nil || len(v.Call.Args) != 1 {
					break
				}
				name := callee.String()
				if name != "os.Getenv" && name != "os.LookupEnv" {
					break
				}
				if c, ok := v.Call.Args[0].(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
					if env := constant.StringVal(c.Value); srcutil.SecretName(env) {
						seeds[v] = source{desc: fmt.Sprintf("%s(%q)", name, env), env: true}
					}
				}
			case *ssa.FieldAddr:
				if d := secretField(v.X.Type(), v.Field, decrypts); d != "" {
					seeds[v] = source{desc: d}
				}
			case *ssa.Field:
				if d := secretField(v.X.Type(), v.Field, decrypts); d != "" {
					seeds[v] = source{desc: d}
				}
			}
		}
	}
	return seeds
}

// secretField describes field i of the struct t (or *t) if it holds a
// secret, else "".
func secretField(t types.Type, i int, decrypts bool) string {
	st, named := structOf(t)
	if st == nil || i >= st.NumFields() {
		return ""
	}
	f := st.Field(i)
	tag := reflect.StructTag(st.Tag(i))
	if tag.Get("secret") == "true" || tag.Get("sensitive") == "true" || tag.Get("keysweep") == "secret" {
		return "secret-tagged field " + f.Name()
	}
	if named == nil || named.Obj().Pkg() == nil {
		return ""
	}
	path, typ := named.Obj().Pkg().Path(), named.Obj().Name()
	switch {
	case strings.HasSuffix(path, "/service/secretsmanager") && typ == "GetSecretValueOutput" &&
		(f.Name() == "SecretString" || f.Name() == "SecretBinary"):
		return "secretsmanager.GetSecretValueOutput." + f.Name()
	case decrypts && strings.HasSuffix(path, "/service/ssm/types") && typ == "Parameter" && f.Name() == "Value":
		return "a decrypted SSM parameter"
	}
	return ""
}

func structOf(t types.Type) (*types.Struct, *types.Named) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	named, _ := types.Unalias(t).(*types.Named)
	st, _ := t.Underlying().(*types.Struct)
	return st, named
}

func fieldName(t types.Type, i int) string {
	st, _ := structOf(t)
	if st == nil || i >= st.NumFields() {
		return ""
	}
	return st.Field(i).Name()
}

func typePath(t types.Type) string {
	_, named := structOf(t)
	if named == nil || named.Obj().Pkg() == nil {
		return ""
	}
	return named.Obj().Pkg().Path()
}

// isFalse reports whether v is a constant false or nil (aws.Bool(false)
// included).
func isFalse(v ssa.Value) bool {
	if c, ok := v.(*ssa.Const); ok {
		return c.Value == nil || (c.Value.Kind() == constant.Bool && !constant.BoolVal(c.Value))
	}
	if call, ok := v.(*ssa.Call); ok && len(call.Call.Args) == 1 {
		if f := call.Call.StaticCallee(); f != nil && f.Name() == "Bool" {
			return isFalse(call.Call.Args[0])
		}
	}
	return false
}

// flow propagates the seeds through fn and returns the sinks they reach.
func (a *passState) flow(fn *ssa.Function, seeds map[ssa.Value]source) flowResult {
	tainted := map[ssa.Value]source{}
	var work []ssa.Value
	add := func(v ssa.Value, s source) {
		if v == nil {
			return
		}
		if _, ok := tainted[v]; !ok {
			tainted[v] = s
			work = append(work, v)
		}
	}
	for v, s := range seeds {
		add(v, s)
	}
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		s := tainted[v]
		refs := v.Referrers()
		if refs == nil {
			continue
		}
		for _, ref := range *refs {
			switch r := ref.(type) {
			case *ssa.UnOp:
				if r.Op == token.MUL {
					add(r, s)
				}
			case *ssa.ChangeType, *ssa.Convert, *ssa.MakeInterface, *ssa.ChangeInterface, *ssa.Slice,
				*ssa.Phi, *ssa.TypeAssert, *ssa.Index, *ssa.IndexAddr, *ssa.Lookup, *ssa.SliceToArrayPointer:
				add(r.(ssa.Value), s)
			case *ssa.Extract:
				if r.Index == 0 {
					add(r, s)
				}
			case *ssa.BinOp:
				if r.Op == token.ADD {
					add(r, s)
				}
			case *ssa.Store:
				if r.Val == v {
					add(r.Addr, s)
					switch addr := r.Addr.(type) {
					case *ssa.IndexAddr:
						add(addr.X, s)
					case *ssa.FieldAddr:
						add(addr.X, s)
					}
				}
			case *ssa.MapUpdate:
				if r.Value == v {
					add(r.Map, s)
				}
			case *ssa.Call:
				if propagates(&r.Call) {
					add(r, s)
				}
			}
		}
	}
	var res flowResult
	seen := map[token.Pos]bool{}
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			for _, sk := range a.sinksOf(ins, tainted) {
				if sk.rule == RuleEnv && sk.from.env {
					continue // from the environment, back to it
				}
				if !seen[sk.pos] {
					seen[sk.pos] = true
					res.sinks = append(res.sinks, sk)
				}
			}
		}
	}
	return res
}

// propagates reports whether a call's result carries its arguments'
// taint: formatting, string and byte functions, encodings, slog
// attributes, aws.ToString and the builtins append and string
// conversion.
func propagates(c *ssa.CallCommon) bool {
	if b, ok := c.Value.(*ssa.Builtin); ok {
		return b.Name() == "append"
	}
	f := c.StaticCallee()
	if f == nil || f.Pkg == nil {
		return false
	}
	path := f.Pkg.Pkg.Path()
	switch path {
	case "strings", "bytes", "strconv", "encoding/base64", "encoding/hex", "encoding/json", "net/url", "path", "path/filepath":
		return true
	case "fmt":
		return strings.HasPrefix(f.Name(), "Sprint") || f.Name() == "Append" || f.Name() == "Appendf"
	case "log/slog":
		return f.Signature.Recv() == nil && slices.Contains([]string{"String", "Any", "Group"}, f.Name())
	}
	if strings.HasSuffix(path, "aws-sdk-go-v2/aws") && (f.Name() == "ToString" || f.Name() == "String") {
		return true
	}
	return false
}

// sinksOf returns the sinks that instruction ins is, for tainted values.
func (a *passState) sinksOf(ins ssa.Instruction, tainted map[ssa.Value]source) []sink {
	if p, ok := ins.(*ssa.Panic); ok {
		if s, ok := tainted[p.X]; ok {
			return []sink{{pos: p.Pos(), sink: "panic", rule: RuleLogged, from: s}}
		}
		return nil
	}
	call, ok := ins.(ssa.CallInstruction)
	if !ok {
		return nil
	}
	c := call.Common()
	pos := call.Pos()
	if pos == token.NoPos {
		return nil
	}
	args := c.Args
	taintedArg := func(from int) (source, bool) {
		for i := from; i < len(args); i++ {
			if s, ok := tainted[args[i]]; ok {
				return s, true
			}
		}
		return source{}, false
	}
	one := func(name, rule string, from int) []sink {
		if s, ok := taintedArg(from); ok {
			return []sink{{pos: pos, sink: name, rule: rule, from: s}}
		}
		return nil
	}
	if c.IsInvoke() {
		if c.Method.Name() == "Write" && isResponseWriter(c.Value.Type()) {
			return one("http.ResponseWriter.Write", RuleLogged, 0)
		}
		return nil
	}
	f := c.StaticCallee()
	if f == nil || f.Pkg == nil {
		return nil
	}
	path, name := f.Pkg.Pkg.Path(), f.Name()
	recv := f.Signature.Recv()
	switch {
	case path == "fmt" && recv == nil && (name == "Print" || name == "Printf" || name == "Println"):
		return one("fmt."+name, RuleLogged, 0)
	case path == "fmt" && recv == nil && strings.HasPrefix(name, "Fprint") && len(args) > 0 && isOutput(args[0]):
		return one("fmt."+name, RuleLogged, 1)
	case path == "fmt" && name == "Errorf", path == "errors" && name == "New":
		return one(f.Pkg.Pkg.Name()+"."+name, RuleLogged, 0)
	case path == "log" && logFunc(name):
		if recv != nil {
			return one("log.Logger."+name, RuleLogged, 1)
		}
		return one("log."+name, RuleLogged, 0)
	case path == "log/slog" && slogFunc(name):
		if recv != nil {
			return one("slog.Logger."+name, RuleLogged, 1)
		}
		return one("slog."+name, RuleLogged, 0)
	case path == "io" && name == "WriteString" && len(args) == 2 && isResponseWriter(unwrap(args[0]).Type()):
		return one("io.WriteString to an http.ResponseWriter", RuleLogged, 1)
	case path == "net/http" && name == "Error" && recv == nil:
		return one("http.Error", RuleLogged, 1)
	case path == "os" && name == "Setenv" && recv == nil && len(args) == 2:
		return one("os.Setenv", RuleEnv, 1)
	}
	// A wrapper: a function of this package or one with a fact.
	obj, ok := f.Object().(*types.Func)
	if !ok {
		return nil
	}
	fact := a.local[obj]
	if fact == nil {
		fact = new(LeakFact)
		if !a.pass.ImportObjectFact(obj, fact) {
			return nil
		}
	}
	var out []sink
	for _, p := range fact.Params {
		if p.Index < len(args) {
			if s, ok := tainted[args[p.Index]]; ok {
				out = append(out, sink{pos: pos, sink: shortName(f) + " (which passes it to " + p.Sink + ")", rule: p.Rule, from: s})
				break
			}
		}
	}
	return out
}

func shortName(f *ssa.Function) string {
	if recv := f.Signature.Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return f.Pkg.Pkg.Name() + "." + n.Obj().Name() + "." + f.Name()
		}
	}
	return f.Pkg.Pkg.Name() + "." + f.Name()
}

func logFunc(name string) bool {
	for _, p := range []string{"Print", "Fatal", "Panic"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return name == "Output"
}

func slogFunc(name string) bool {
	switch strings.TrimSuffix(name, "Context") {
	case "Debug", "Info", "Warn", "Error", "Log", "LogAttrs":
		return true
	}
	return false
}

// isOutput reports whether a writer argument is os.Stdout, os.Stderr or
// an http.ResponseWriter.
func isOutput(w ssa.Value) bool {
	w = unwrap(w)
	if isResponseWriter(w.Type()) {
		return true
	}
	if load, ok := w.(*ssa.UnOp); ok && load.Op == token.MUL {
		if g, ok := load.X.(*ssa.Global); ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "os" {
			return g.Name() == "Stdout" || g.Name() == "Stderr"
		}
	}
	return false
}

// unwrap returns the value behind interface conversions.
func unwrap(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		default:
			return v
		}
	}
}

// isResponseWriter reports whether t is net/http.ResponseWriter.
func isResponseWriter(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == "ResponseWriter"
}
