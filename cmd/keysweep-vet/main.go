// Command keysweep-vet runs keysweep's Go analyzers (hardcodedsecret,
// staticcreds, secretleak) as a go vet tool:
//
//	go vet -vettool=$(which keysweep-vet) ./...
//
// or on its own, loading packages itself:
//
//	keysweep-vet ./...
//
// Under go vet it speaks the vet protocol (unitchecker: -V=full, -flags,
// and one *.cfg file per package); otherwise it behaves like any
// multichecker command. Each analyzer's flags are prefixed with its name
// (-hardcodedsecret.tests). `keysweep vet` runs the same analyzers and
// reports SARIF, JSON or text.
package main

import (
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/multichecker"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/keysweep/keysweep/analyzers/suite"
)

func main() {
	if vetProtocol(os.Args[1:]) {
		unitchecker.Main(suite.Analyzers()...)
	}
	multichecker.Main(suite.Analyzers()...)
}

// vetProtocol reports whether the arguments are go vet's: a version or
// flags query, or a single *.cfg file describing one package.
func vetProtocol(args []string) bool {
	for _, a := range args {
		switch {
		case a == "-flags" || a == "--flags" || strings.HasPrefix(a, "-V") || strings.HasPrefix(a, "--V"):
			return true
		case strings.HasPrefix(a, "-"):
			continue
		default:
			return strings.HasSuffix(a, ".cfg") && !strings.Contains(a, "...")
		}
	}
	return false
}
