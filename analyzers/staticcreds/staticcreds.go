package staticcreds

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/keysweep/keysweep/analyzers/internal/srcutil"
	"github.com/keysweep/keysweep/analyzers/secrets"
)

// RuleID is the catalog rule the analyzer reports.
const RuleID = "go-static-credentials"

// Analyzer reports literal secrets passed to credential constructors. Its
// result is a secrets.Map.
var Analyzer = New()

// New returns a fresh staticcreds Analyzer with its own flags.
func New() *analysis.Analyzer {
	c := &checker{}
	a := &analysis.Analyzer{
		Name:       "staticcreds",
		Doc:        "report literal secrets given to credential constructors\n\nAWS static credentials, oauth2 client secrets, sql.Open DSNs and url.UserPassword with a password, JWT signing keys, PEM keys for tls.X509KeyPair and SetBasicAuth passwords written as constants.",
		URL:        "https://github.com/keysweep/keysweep/tree/main/analyzers/staticcreds",
		Requires:   []*analysis.Analyzer{inspect.Analyzer},
		ResultType: reflect.TypeFor[secrets.Map](),
		Run:        c.run,
	}
	a.Flags.BoolVar(&c.tests, "tests", false, "also analyse _test.go files")
	return a
}

type checker struct{ tests bool }

// callArg names a function (types.Func.FullName) and the index of its
// secret argument, with how to read the secret out of the constant.
type callArg struct {
	arg     int
	what    string
	extract func(string) string
}

// whole is the secret of a constant that is all secret.
func whole(s string) string { return s }

// calls are the constructors matched by full name.
func calls() map[string]callArg {
	return map[string]callArg{
		"github.com/aws/aws-sdk-go-v2/credentials.NewStaticCredentialsProvider": {1, "AWS secret access key", whole},
		"github.com/aws/aws-sdk-go/aws/credentials.NewStaticCredentials":        {1, "AWS secret access key", whole},
		"net/url.UserPassword":             {1, "password", whole},
		"(*net/http.Request).SetBasicAuth": {1, "basic-auth password", whole},
		"database/sql.Open":                {1, "database password in the DSN", DSNPassword},
		"crypto/tls.X509KeyPair":           {1, "PEM private key", pemKey},
	}
}

// fields are the struct fields matched by type (package path.Name) and
// field name.
func fields() map[string]string {
	return map[string]string{
		"github.com/aws/aws-sdk-go-v2/aws.Credentials.SecretAccessKey":    "AWS secret access key",
		"golang.org/x/oauth2.Config.ClientSecret":                         "OAuth2 client secret",
		"golang.org/x/oauth2/clientcredentials.Config.ClientSecret":       "OAuth2 client secret",
		"github.com/aws/aws-sdk-go/aws/credentials.Value.SecretAccessKey": "AWS secret access key",
	}
}

// jwtPackages are the import paths (without a major version suffix)
// whose Token.SignedString takes a signing key.
func jwtPackages() []string {
	return []string{"github.com/golang-jwt/jwt", "github.com/dgrijalva/jwt-go", "github.com/form3tech-oss/jwt-go"}
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	found := secrets.Map{}
	byCall, byField := calls(), fields()
	for _, file := range pass.Files {
		if srcutil.Skip(pass, file, c.tests) {
			continue
		}
		report := func(e ast.Expr, what, callee, secret string) {
			if secret == "" || srcutil.Placeholder(secret) || srcutil.Suppressed(pass.Fset, file, e.Pos()) {
				return
			}
			pass.Report(analysis.Diagnostic{
				Pos: e.Pos(), End: e.End(), Category: RuleID,
				Message: fmt.Sprintf("literal %s passed to %s (%s)", what, callee, RuleID),
			})
			found[e.Pos()] = secret
		}
		c, _ := ins.Root().FindNode(file)
		for cur := range c.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				fn := typeutil.StaticCallee(pass.TypesInfo, n)
				if fn == nil {
					continue
				}
				if ca, ok := byCall[fn.FullName()]; ok && ca.arg < len(n.Args) {
					if v, ok := srcutil.ConstString(pass.TypesInfo, n.Args[ca.arg]); ok {
						report(n.Args[ca.arg], ca.what, shortName(fn), ca.extract(v))
					}
					continue
				}
				if isJWTSignedString(fn) && len(n.Args) == 1 {
					if v, ok := srcutil.ConstString(pass.TypesInfo, n.Args[0]); ok {
						report(n.Args[0], "JWT signing key", "Token.SignedString", v)
					}
				}
			case *ast.CompositeLit:
				named, ok := types.Unalias(derefType(pass.TypesInfo.TypeOf(n))).(*types.Named)
				if !ok || named.Obj().Pkg() == nil {
					continue
				}
				prefix := named.Obj().Pkg().Path() + "." + named.Obj().Name() + "."
				for _, el := range n.Elts {
					kv, ok := el.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					key, ok := kv.Key.(*ast.Ident)
					if !ok {
						continue
					}
					what, ok := byField[prefix+key.Name]
					if !ok {
						continue
					}
					if v, ok := srcutil.ConstString(pass.TypesInfo, kv.Value); ok {
						report(kv.Value, what, named.Obj().Pkg().Name()+"."+named.Obj().Name()+"."+key.Name, v)
					}
				}
			}
		}
	}
	return found, nil
}

func derefType(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// shortName is pkg.Func or Type.Method, as users write it.
func shortName(fn *types.Func) string {
	sig := fn.Type().(*types.Signature)
	if recv := sig.Recv(); recv != nil {
		if n, ok := types.Unalias(derefType(recv.Type())).(*types.Named); ok {
			return n.Obj().Name() + "." + fn.Name()
		}
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// isJWTSignedString reports whether fn is the SignedString method of a
// JWT library's Token.
func isJWTSignedString(fn *types.Func) bool {
	if fn.Name() != "SignedString" || fn.Pkg() == nil {
		return false
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return false
	}
	n, ok := types.Unalias(derefType(recv.Type())).(*types.Named)
	if !ok || n.Obj().Name() != "Token" {
		return false
	}
	path := fn.Pkg().Path()
	for _, p := range jwtPackages() {
		if path == p || strings.HasPrefix(path, p+"/v") {
			return true
		}
	}
	return false
}

// pemKey returns s when it holds a PEM private key block.
func pemKey(s string) string {
	if strings.Contains(s, "-----BEGIN") && strings.Contains(s, "PRIVATE KEY-----") {
		return s
	}
	return ""
}
