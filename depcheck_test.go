package keysweep_test

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/keysweep/keysweep"

// allowedImports says which of keysweep's own packages each room may
// import (docs/ARCHITECTURE.md): dependencies point one way, cmd →
// scanners/analyzers/verify/sarif/report → rules → finding, and scanners
// never import each other.
var allowedImports = map[string][]string{
	"finding":   {},
	"rules":     {"finding", "rules"},
	"sarif":     {"finding"},
	"report":    {"finding", "sarif"},
	"scanners":  {"finding", "rules"},
	"analyzers": {"finding", "rules"},
	"verify":    {"finding"},
	"cmd":       {"*"},
}

func TestDependencyDirection(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, "./...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, imports := rel(fields[0]), fields[1:]
		if pkg == "" {
			continue
		}
		room := strings.Split(pkg, "/")[0]
		allowed, ok := allowedImports[room]
		if !ok {
			t.Errorf("package %s is in no room of the architecture; add it to allowedImports and docs/ARCHITECTURE.md", pkg)
			continue
		}
		for _, imp := range imports {
			if !strings.HasPrefix(imp, module) {
				if room == "finding" && strings.Contains(strings.Split(imp, "/")[0], ".") {
					t.Errorf("finding imports %s: the core types use the standard library only", imp)
				}
				continue
			}
			dep := rel(imp)
			depRoom := strings.Split(dep, "/")[0]
			if depRoom == "cmd" {
				t.Errorf("%s imports %s: nothing imports cmd", pkg, dep)
				continue
			}
			if room == "scanners" && depRoom == "scanners" {
				if scannerOf(pkg) != scannerOf(dep) {
					t.Errorf("%s imports %s: scanners never import each other; move what they share into rules/", pkg, dep)
				}
				continue
			}
			if !allows(allowed, depRoom, room) {
				t.Errorf("%s imports %s: %s may import only %v", pkg, dep, room, allowed)
			}
		}
	}
}

func allows(allowed []string, depRoom, room string) bool {
	for _, a := range allowed {
		if a == "*" || a == depRoom {
			return true
		}
	}
	return depRoom == room
}

func rel(importPath string) string {
	if importPath == module {
		return ""
	}
	return strings.TrimPrefix(importPath, module+"/")
}

func scannerOf(pkg string) string {
	parts := strings.Split(pkg, "/")
	if len(parts) < 2 {
		return ""
	}
	return parts[1]
}
