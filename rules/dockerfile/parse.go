package dockerfile

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

// file is a parsed Dockerfile: its stages, in order, each with its
// instructions and where they are.
type file struct {
	lines  []string // the source, one entry per line (line n is lines[n-1])
	meta   []*inst  // ARG instructions before the first FROM
	stages []*stage
	byName map[string]int // lower-case stage name → index
}

// stage is one FROM and the instructions up to the next.
type stage struct {
	index int
	name  string // as written after AS, or ""
	base  string // the FROM image or stage name, lower-cased
	insts []*inst
	// inFinal is true for the final stage and every stage whose files reach
	// it: its FROM ancestors and the stages it copies from.
	inFinal bool
	// copyFrom holds the --from values of the stage's COPY instructions.
	copyFrom []string
	// vars are the variables declared so far (name → "ARG" or "ENV"),
	// filled in as the analysis goes.
	vars map[string]string
	// copied are the base names of the files the stage has copied in so
	// far, filled in as the analysis goes.
	copied map[string]bool
}

// inst is one instruction: the parsed command and its lines.
type inst struct {
	node *parser.Node
	cmd  any // an instructions.* command
	// first and last are the lines the instruction's text spans, heredoc
	// bodies included.
	first, last int
	// allowed is true when a keysweep:allow comment with a reason precedes
	// the instruction.
	allowed bool
}

// label names the stage in messages.
func (s *stage) label() string {
	if s.name != "" {
		return fmt.Sprintf("build stage %q", s.name)
	}
	return fmt.Sprintf("build stage %d", s.index)
}

// ParseError is a Dockerfile that BuildKit's parser rejects, or an
// instruction in it that it cannot read. Its message names the line and
// never quotes the file's content.
type ParseError struct {
	Line int    // 1-based; 0 when unknown
	Msg  string // what is wrong, without any of the file's content
}

// Error implements error.
func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// historyPrefix is the legacy builder's marker on the history entry of a
// non-RUN instruction; shellPrefix begins the history entry of a RUN.
var (
	historyPrefix = regexp.MustCompile(`^\s*/bin/sh -c #\(nop\)\s*`)
	shellPrefix   = regexp.MustCompile(`^\s*(?:/bin/sh -c |\|\d+ )`)
	buildkitNote  = regexp.MustCompile(`\s+# buildkit\s*$`)
	plainWord     = regexp.MustCompile(`^[A-Za-z]{1,16}$`)
)

// normalizeHistory turns the history entries of an image (one per line)
// into Dockerfile instructions: the legacy builder's "/bin/sh -c #(nop) "
// goes, a bare shell command becomes a RUN, and BuildKit's trailing
// "# buildkit" note is dropped. The number of lines does not change.
func normalizeHistory(content []byte) []byte {
	lines := strings.Split(string(content), "\n")
	for i, l := range lines {
		l = buildkitNote.ReplaceAllString(l, "")
		switch {
		case historyPrefix.MatchString(l):
			l = historyPrefix.ReplaceAllString(l, "")
		case shellPrefix.MatchString(l):
			l = "RUN " + strings.TrimLeft(l, " \t")
		}
		lines[i] = l
	}
	return []byte(strings.Join(lines, "\n"))
}

// checked are the instructions the check looks at.
var checked = map[string]bool{"env": true, "arg": true, "run": true, "copy": true, "add": true, "from": true}

// parse reads a Dockerfile. history is true for a Dockerfile reconstructed
// from an image's history: there, instructions BuildKit does not know are
// skipped, and instructions before any FROM form the final stage. The
// error, if any, is a *ParseError; with an instruction that cannot be
// read, the rest of the file is still returned.
func parse(content []byte, history bool) (*file, error) {
	if history {
		content = normalizeHistory(content)
	}
	res, err := parser.Parse(bytes.NewReader(content))
	if err != nil && strings.Contains(err.Error(), "file with no instructions") {
		return &file{byName: map[string]int{}}, nil // empty, or only comments
	}
	if err != nil {
		return nil, &ParseError{Line: errorLine(err), Msg: "not a Dockerfile BuildKit can parse: " + safeReason(err)}
	}
	f := &file{
		lines:  strings.Split(strings.ReplaceAll(string(content), "\r\n", "\n"), "\n"),
		byName: map[string]int{},
	}
	lint := linter.New(&linter.Config{SkipAll: true})
	var firstErr error
	nodes := res.AST.Children
	for i, n := range nodes {
		last := len(f.lines)
		if i+1 < len(nodes) {
			last = nodes[i+1].StartLine - 1 - len(nodes[i+1].PrevComment)
		}
		last = max(last, n.EndLine, n.StartLine)
		in := &inst{node: n, first: n.StartLine, last: last, allowed: allowComment(n.PrevComment)}
		cmd, err := instructions.ParseInstructionWithLinter(n, lint)
		if run, ok := cmd.(*instructions.RunCommand); ok && err == nil {
			// Read the --mount options, which BuildKit leaves for
			// expansion; variables stay as written.
			err = run.Expand(func(word string) (string, error) { return word, nil })
		}
		if err != nil {
			if history && !checked[strings.ToLower(n.Value)] {
				// Image history records some instructions in forms the
				// parser does not take back (HEALTHCHECK &{...}); the
				// check has nothing to look at in them anyway.
				continue
			}
			if firstErr == nil {
				firstErr = &ParseError{Line: n.StartLine, Msg: instructionError(n, err)}
			}
			continue
		}
		in.cmd = cmd
		if st, ok := cmd.(*instructions.Stage); ok {
			s := &stage{index: len(f.stages), name: st.Name, base: strings.ToLower(st.BaseName)}
			if st.Name != "" {
				f.byName[strings.ToLower(st.Name)] = s.index
			}
			f.stages = append(f.stages, s)
			continue
		}
		if len(f.stages) == 0 {
			if _, isArg := cmd.(*instructions.ArgCommand); isArg && !history {
				f.meta = append(f.meta, in)
				continue
			}
			// A Dockerfile without FROM (image history, or a fragment):
			// its instructions make up the image.
			f.stages = append(f.stages, &stage{})
		}
		s := f.stages[len(f.stages)-1]
		if c, ok := cmd.(*instructions.CopyCommand); ok && c.From != "" {
			s.copyFrom = append(s.copyFrom, strings.ToLower(c.From))
		}
		s.insts = append(s.insts, in)
	}
	f.markFinal()
	return f, firstErr
}

// markFinal marks the stages whose files reach the final (last) stage.
func (f *file) markFinal() {
	if len(f.stages) == 0 {
		return
	}
	var visit func(i int)
	visit = func(i int) {
		s := f.stages[i]
		if s.inFinal {
			return
		}
		s.inFinal = true
		refs := append([]string{s.base}, s.copyFrom...)
		for _, ref := range refs {
			if j, ok := f.stageRef(ref); ok && j < i {
				visit(j)
			}
		}
	}
	visit(len(f.stages) - 1)
}

// stageRef resolves a FROM or COPY --from reference to an earlier stage:
// by name, or by index.
func (f *file) stageRef(ref string) (int, bool) {
	if j, ok := f.byName[ref]; ok {
		return j, true
	}
	if j, err := strconv.Atoi(ref); err == nil && j >= 0 && j < len(f.stages) {
		return j, true
	}
	return 0, false
}

// lineOf returns the first line of in that contains the first of needles
// found there, else the instruction's first line.
func (f *file) lineOf(in *inst, needles ...string) int {
	for _, needle := range needles {
		if needle == "" {
			continue
		}
		for n := max(in.first, 1); n <= in.last && n <= len(f.lines); n++ {
			if strings.Contains(f.lines[n-1], needle) {
				return n
			}
		}
	}
	return max(in.first, 1)
}

// indent returns how many blanks begin line n (0 when there is no such
// line).
func (f *file) indent(n int) int {
	if n < 1 || n > len(f.lines) {
		return 0
	}
	l := f.lines[n-1]
	return len(l) - len(strings.TrimLeft(l, " \t"))
}

// allowDirective is keysweep's inline suppression, which needs a reason.
var allowDirective = regexp.MustCompile(`keysweep:allow\b[ \t:=-]*(\S.*)?$`)

// allowComment reports whether one of the comments above an instruction is
// a keysweep:allow with a reason.
func allowComment(comments []string) bool {
	for _, c := range comments {
		if m := allowDirective.FindStringSubmatch(c); m != nil && strings.TrimSpace(m[1]) != "" {
			return true
		}
	}
	return false
}

// errorLine extracts the line from a BuildKit parser error.
func errorLine(err error) int {
	var le *parser.LocationError
	if errors.As(err, &le) {
		for _, rs := range le.Locations {
			for _, r := range rs {
				if r.Start.Line > 0 {
					return r.Start.Line
				}
			}
		}
	}
	return 0
}

// instructionError describes why an instruction could not be read without
// quoting its arguments, which may hold a secret.
func instructionError(n *parser.Node, err error) string {
	var unknown *instructions.UnknownInstructionError
	if errors.As(err, &unknown) {
		if plainWord.MatchString(n.Value) {
			return fmt.Sprintf("unknown instruction %s", strings.ToUpper(n.Value))
		}
		return "unknown instruction"
	}
	name := strings.ToUpper(n.Value)
	if !plainWord.MatchString(name) {
		name = "an"
	}
	return fmt.Sprintf("invalid %s instruction", name)
}

// safeReason keeps only the parser's errors whose text is fixed (it quotes
// content in others).
func safeReason(err error) string {
	msg := err.Error()
	for _, known := range []string{"unterminated heredoc", "token too long"} {
		if strings.Contains(msg, known) {
			return known
		}
	}
	return "syntax error"
}
