package dockerfile

import (
	"context"
	"path"
	"strings"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
)

// The catalog rules this check reports (rules/data/dockerfile.toml).
const (
	// RuleSecretValue: an ENV or ARG value (or a build argument recorded in
	// history) that a content rule recognises as a secret.
	RuleSecretValue = "dockerfile-secret-value"
	// RuleSecretVariable: a literal value in an ENV or ARG whose name
	// says it is a secret.
	RuleSecretVariable = "dockerfile-secret-variable"
	// RuleSecretBuildArg: an ARG whose name says it is a secret, declared
	// without a value: the value passed with --build-arg is recorded in
	// the image history.
	RuleSecretBuildArg = "dockerfile-secret-build-arg"
	// RuleCopySecretFile: COPY or ADD of a file that holds credentials.
	RuleCopySecretFile = "dockerfile-copy-secret-file"
	// RuleCopyContext: the whole build context copied while .dockerignore
	// lets .env or .git in.
	RuleCopyContext = "dockerfile-copy-context-unignored"
	// RuleRunCredential: a RUN command with a credential on its command
	// line.
	RuleRunCredential = "dockerfile-run-inline-credential"
)

// Check is the Dockerfile check. It is immutable and safe for concurrent
// use.
type Check struct {
	engine *rules.Engine
}

var _ rules.FileCheck = (*Check)(nil)

// NewCheck returns the rules.FileCheck for Dockerfiles: Match is true for
// Dockerfile, *.Dockerfile, Dockerfile.* and Containerfile (base name,
// case-insensitive), and the findings are e's rules of check "dockerfile".
func NewCheck(e *rules.Engine) *Check {
	return &Check{engine: e}
}

// Name returns rules.CheckDockerfile.
func (c *Check) Name() string { return rules.CheckDockerfile }

// Match reports whether the slash path names a Dockerfile: Dockerfile,
// Containerfile, NAME.Dockerfile, Dockerfile.SUFFIX or Containerfile.SUFFIX,
// in any case. A Dockerfile.SUFFIX whose suffix names another kind of file
// (Dockerfile.dockerignore, dockerfile.go, Dockerfile.md, Dockerfile.j2) is
// not one.
func (c *Check) Match(p string) bool {
	base := strings.ToLower(path.Base(p))
	switch {
	case base == "dockerfile" || base == "containerfile":
		return true
	case strings.HasSuffix(base, ".dockerfile") || strings.HasSuffix(base, ".containerfile"):
		return true
	}
	for _, prefix := range []string{"dockerfile.", "containerfile."} {
		if rest, ok := strings.CutPrefix(base, prefix); ok {
			return rest != "" && !otherKinds[path.Ext("."+rest)]
		}
	}
	return false
}

// otherKinds are extensions that make a Dockerfile.SUFFIX something else:
// source code about Dockerfiles, documentation, templates (which do not
// parse until rendered), backups.
var otherKinds = map[string]bool{
	".dockerignore": true, ".md": true, ".txt": true, ".rst": true, ".adoc": true, ".html": true,
	".go": true, ".py": true, ".js": true, ".ts": true, ".rb": true, ".rs": true, ".java": true,
	".kt": true, ".cs": true, ".php": true, ".sh": true, ".ps1": true,
	".json": true, ".yaml": true, ".yml": true, ".toml": true, ".xml": true, ".lock": true, ".sum": true,
	".j2": true, ".jinja": true, ".jinja2": true, ".tmpl": true, ".tpl": true, ".template": true,
	".erb": true, ".in": true, ".mustache": true, ".hbs": true, ".gotmpl": true,
	".orig": true, ".rej": true, ".bak": true, ".swp": true, ".tmp": true, ".old": true,
}

// Check analyses one Dockerfile. With loc.Kind finding.KindFile it reads
// the .dockerignore beside loc.Path (NAME.dockerignore first, as BuildKit
// does); with finding.KindImage the content is a Dockerfile reconstructed from
// an image's history, one instruction per line, and nothing is read from
// disk. (Other kinds, such as a Dockerfile in git history, are read as
// Dockerfiles without a build context.) An error is a *ParseError; the findings returned with it are those
// of the instructions that could be read.
func (c *Check) Check(ctx context.Context, content []byte, loc finding.Location) ([]finding.Finding, error) {
	history := loc.Kind == finding.KindImage
	f, perr := parse(content, history)
	if f == nil {
		return nil, perr
	}
	a := &analysis{c: c, f: f, loc: loc, history: history}
	if loc.Kind == finding.KindFile {
		a.ignore = readIgnore(loc.Path)
	}
	for _, in := range f.meta {
		if ctx.Err() != nil {
			return a.out, ctx.Err()
		}
		a.inst(nil, in)
	}
	for _, s := range f.stages {
		if j, ok := f.stageRef(s.base); ok && j < s.index {
			// ENV and files carry over from a base stage; ARG does not.
			base := f.stages[j]
			for k, v := range base.vars {
				if v == "ENV" {
					s.declare(k, v)
				}
			}
			for name := range base.copied {
				s.copy(name)
			}
		}
		for _, in := range s.insts {
			if ctx.Err() != nil {
				return a.out, ctx.Err()
			}
			a.inst(s, in)
		}
	}
	return a.out, perr
}

// analysis is the state of one Check call.
type analysis struct {
	c       *Check
	f       *file
	loc     finding.Location
	history bool
	ignore  *ignoreFile // nil when the build context is not at hand
	out     []finding.Finding
	seen    map[credKey]bool // RUN credentials reported
}

// report adds the finding of rule id on line of in, in stage s (nil for
// the instructions before the first FROM), at the line's first non-blank
// column. A stage that does not reach the final image lowers the severity
// and is named in the message.
func (a *analysis) report(id string, s *stage, in *inst, line int, message, secret string) {
	if in.allowed {
		return
	}
	lower := s != nil && !s.inFinal
	if lower {
		// Name the stage before the explanation and the fix.
		note := " (" + s.label() + ", not in the final image)"
		if i := strings.Index(message, ": "); i > 0 {
			message = message[:i] + note + message[i:]
		} else {
			message += note
		}
	}
	loc := a.loc
	loc.StartLine, loc.EndLine = line, line
	loc.StartColumn, loc.EndColumn = a.f.indent(line)+1, 0
	f, ok := a.c.engine.Report(id, loc, message, secret)
	if !ok {
		return
	}
	if lower && f.Severity > finding.Info {
		f.Severity--
	}
	a.out = append(a.out, f)
}
