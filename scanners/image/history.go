package image

import (
	"regexp"
	"strconv"
	"strings"

	v1 "github.com/google/go-containerregistry/pkg/v1"
)

// historyInstructions are the Dockerfile instructions that a history entry
// is passed on as; anything else (HEALTHCHECK, ONBUILD, which builders
// record in forms no Dockerfile parser accepts) becomes a comment, so that
// the reconstruction always parses.
var historyInstructions = map[string]bool{
	"ADD": true, "ARG": true, "CMD": true, "COPY": true, "ENTRYPOINT": true, "ENV": true, "EXPOSE": true,
	"LABEL": true, "MAINTAINER": true, "RUN": true, "SHELL": true, "STOPSIGNAL": true, "USER": true,
	"VOLUME": true, "WORKDIR": true,
}

// shellPrefixes are the shells builders record before a RUN's command.
var shellPrefixes = []string{"/bin/sh -c ", "/bin/bash -c ", "sh -c ", "bash -c ", "cmd /S /C "}

// buildArgName matches the start of a NAME=value build argument.
var buildArgName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*=`)

// exposeMap matches the Go map syntax BuildKit records for EXPOSE
// ("map[8080/tcp:{}]").
var exposeMap = regexp.MustCompile(`^map\[(.*)\]$`)

// Dockerfile reconstructs the Dockerfile an image's history records: a
// FROM scratch line, then one instruction per history entry, in order.
// "/bin/sh -c #(nop) X" gives X, "/bin/sh -c X" gives RUN X, and the build
// arguments a RUN saw ("RUN |2 A=b C=d /bin/sh -c X") are kept visible as
// ARG lines before it, because that is where they leak. BuildKit's
// "# buildkit" markers are dropped, and entries that no Dockerfile parser
// would accept become comments.
func Dockerfile(history []v1.History) []byte {
	var b strings.Builder
	b.WriteString("FROM scratch\n")
	for _, h := range history {
		for _, line := range historyLines(h.CreatedBy) {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return []byte(b.String())
}

// historyLines turns one created_by into Dockerfile lines.
func historyLines(createdBy string) []string {
	s := strings.TrimSpace(createdBy)
	s = strings.TrimSpace(strings.TrimSuffix(s, "# buildkit"))
	if s == "" {
		return nil
	}
	// The classic builder: "/bin/sh -c #(nop) INSTRUCTION ..." for
	// instructions that run nothing.
	if i := strings.Index(s, "#(nop)"); i >= 0 && isShellPrefix(s[:i]) {
		return []string{instructionLine(strings.TrimSpace(s[i+len("#(nop)"):]))}
	}
	var args []string
	rest, isRun := strings.CutPrefix(s, "RUN ")
	if !isRun {
		rest = s
	}
	rest = strings.TrimSpace(rest)
	if strings.HasPrefix(rest, "|") {
		args, rest = buildArgs(rest)
		isRun = true
	}
	if cmd, ok := cutShell(rest); ok {
		rest, isRun = cmd, true
	}
	if !isRun {
		if word, _, _ := strings.Cut(rest, " "); isInstructionWord(word) {
			return []string{instructionLine(rest)}
		}
		// Anything else is a command some tool ran.
	}
	lines := make([]string, 0, len(args)+1)
	for _, a := range args {
		name, value, _ := strings.Cut(a, "=")
		lines = append(lines, "ARG "+name+"="+quoteArg(value))
	}
	return append(lines, "RUN "+continueLines(rest))
}

// isShellPrefix reports whether s (trimmed) is a shell invocation such as
// "/bin/sh -c" or nothing at all.
func isShellPrefix(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	for _, p := range shellPrefixes {
		if s == strings.TrimSpace(p) {
			return true
		}
	}
	return false
}

// cutShell strips a leading shell invocation.
func cutShell(s string) (string, bool) {
	for _, p := range shellPrefixes {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return strings.TrimSpace(rest), true
		}
	}
	return s, false
}

// isInstructionWord reports whether w is written like a Dockerfile
// instruction: upper-case letters only.
func isInstructionWord(w string) bool {
	if w == "" {
		return false
	}
	for _, c := range w {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// instructionLine passes on an instruction a builder recorded, made
// parseable, or a comment when it cannot be.
func instructionLine(s string) string {
	word, rest, _ := strings.Cut(s, " ")
	upper := strings.ToUpper(word)
	if !historyInstructions[upper] {
		return comment(s)
	}
	rest = strings.TrimSpace(rest)
	if upper == "EXPOSE" {
		if m := exposeMap.FindStringSubmatch(rest); m != nil {
			var ports []string
			for _, p := range strings.Fields(m[1]) {
				ports = append(ports, strings.TrimSuffix(p, ":{}"))
			}
			rest = strings.Join(ports, " ")
		}
	}
	if rest == "" {
		return comment(s)
	}
	return upper + " " + continueLines(rest)
}

// buildArgs splits "|N A=b C=d rest" into the N arguments and the rest.
// Values are recorded unquoted, so a value with spaces runs on to the next
// NAME= word (or, for the last one, to the shell).
func buildArgs(s string) (args []string, rest string) {
	head, tail, _ := strings.Cut(s, " ")
	n, err := strconv.Atoi(strings.TrimPrefix(head, "|"))
	if err != nil || n <= 0 {
		return nil, strings.TrimSpace(tail)
	}
	words := strings.Split(tail, " ")
	shell := -1
	for j := 1; j < len(words); j++ {
		if isShellStart(words[j:]) {
			shell = j
			break
		}
	}
	i := 0
	for len(args) < n && i < len(words) && buildArgName.MatchString(words[i]) {
		arg := words[i]
		i++
		last := len(args) == n-1
		for i < len(words) && i != shell {
			if !last && buildArgName.MatchString(words[i]) || last && shell < 0 {
				break
			}
			arg += " " + words[i]
			i++
		}
		args = append(args, arg)
	}
	return args, strings.TrimSpace(strings.Join(words[i:], " "))
}

// isShellStart reports whether words begin with a recorded shell
// invocation.
func isShellStart(words []string) bool {
	s := strings.Join(words, " ")
	for _, p := range shellPrefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// quoteArg quotes an ARG value when it holds anything but plain word
// characters.
func quoteArg(v string) string {
	plain := v != ""
	for _, c := range v {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("_./:@+,-", c)) {
			plain = false
			break
		}
	}
	if plain {
		return v
	}
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, `$`, `\$`, "\n", `\n`)
	return `"` + r.Replace(v) + `"`
}

// continueLines keeps a multi-line command one instruction: a heredoc
// stays as it is (Dockerfile parsers read heredocs), other line breaks
// become line continuations.
func continueLines(s string) string {
	if !strings.Contains(s, "\n") || strings.Contains(s, "<<") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " \t\\")
	}
	return strings.Join(lines, " \\\n")
}

// comment makes s a Dockerfile comment line (one line, never a parser
// directive).
func comment(s string) string {
	return "# history: " + strings.Join(strings.Fields(s), " ")
}
