package dockerfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/patternmatcher"
	"github.com/moby/patternmatcher/ignorefile"
)

// copy checks a COPY or ADD: secret files among its sources or as its
// destination, and a whole build context copied in.
func (a *analysis) copy(s *stage, in *inst, kw string, sd instructions.SourcesAndDest, excludes []string) {
	reported := false
	wholeContext := false
	for _, src := range sd.SourcePaths {
		if remote(src) {
			continue
		}
		if what, ok := secretFile(src); ok {
			reported = true
			a.report(RuleCopySecretFile, s, in, a.f.lineOf(in, src),
				fmt.Sprintf("%s puts %s (%q) in the image: it stays in that layer even if a later step deletes it; %s", kw, what, src, fixCopy), "")
		}
		s.copy(src)
		switch path.Clean(src) {
		case ".", "/", "*":
			wholeContext = true
		}
	}
	dest := sd.DestPath
	if !reported {
		if what, ok := secretFile(dest); ok {
			a.report(RuleCopySecretFile, s, in, a.f.lineOf(in, dest),
				fmt.Sprintf("%s writes %s (%q) into the image: it stays in that layer even if a later step deletes it; %s", kw, what, dest, fixCopy), "")
		}
	}
	s.copy(dest)
	if wholeContext && a.ignore != nil {
		if missing := a.ignore.letsIn(excludes); len(missing) > 0 {
			a.report(RuleCopyContext, s, in, in.first, a.ignore.message(kw, missing), "")
		}
	}
}

// copy records a file a stage copied in, by base name.
func (s *stage) copy(p string) {
	if s == nil {
		return
	}
	if s.copied == nil {
		s.copied = map[string]bool{}
	}
	if b := path.Base(strings.TrimRight(p, "/")); b != "" && b != "." && b != "/" {
		s.copied[b] = true
	}
}

// remote reports whether an ADD source is a URL or a git repository.
func remote(src string) bool {
	return strings.Contains(src, "://") || strings.HasPrefix(src, "git@")
}

var (
	// sshKeyName is an SSH private key's default file name.
	sshKeyName = regexp.MustCompile(`^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$`)
	// serviceAccountName is a service-account or OAuth client key file.
	serviceAccountName = regexp.MustCompile(`(?:service[-_]?account|sa[-_]?key|gcp[-_]?key|gcloud[-_]?key|credentials|client[-_]?secret).*\.json$`)
	// publicPEM are words in the names of PEM files that hold certificates
	// or public keys, which are not secret.
	publicPEM = regexp.MustCompile(`(?:^|[-_.])(?:cert|certs|certificate|ca|cacert|chain|fullchain|bundle|root|pub|public|trust|truststore)(?:[-_.]|$)`)
	// sampleEnv are .env files meant to be committed.
	sampleEnv = regexp.MustCompile(`(?:^|[-_.])(?:example|sample|template|dist|defaults|schema|tmpl|tpl)(?:[-_.]|$)`)
)

// secretFile reports whether a COPY source or destination names a file
// (or folder) that holds credentials, and says which kind.
func secretFile(p string) (what string, ok bool) {
	p = strings.ToLower(strings.TrimRight(strings.ReplaceAll(p, `\`, "/"), "/"))
	base := path.Base(p)
	ext := path.Ext(base)
	switch {
	case base == ".env" || strings.HasPrefix(base, ".env.") || (ext == ".env" && base != ".env"):
		if sampleEnv.MatchString(strings.TrimPrefix(base, ".env")) {
			return "", false
		}
		return "an environment file", true
	case sshKeyName.MatchString(base):
		return "an SSH private key", true
	case base == ".ssh":
		return "an SSH folder", true
	case ext == ".pem" || ext == ".key":
		if publicPEM.MatchString(strings.TrimSuffix(base, ext)) {
			return "", false
		}
		return "a private key", true
	case ext == ".p12" || ext == ".pfx" || ext == ".jks" || ext == ".keystore" || ext == ".ppk":
		return "a keystore", true
	case base == ".aws" || strings.HasSuffix(p, ".aws/credentials"):
		return "AWS credentials", true
	case base == ".npmrc" || base == ".pypirc" || base == ".netrc" || base == "_netrc" || base == ".git-credentials" || base == ".pgpass":
		return "a credentials file", true
	case base == ".docker" || base == ".dockercfg" || strings.HasSuffix(p, ".docker/config.json"):
		return "Docker registry credentials", true
	case base == ".kube" || base == "kubeconfig" || strings.HasSuffix(p, ".kube/config"):
		return "a kubeconfig", true
	case serviceAccountName.MatchString(base):
		return "a service-account key", true
	}
	return "", false
}

// ignoreFile is the .dockerignore of a Dockerfile's build context.
type ignoreFile struct {
	name string // the file's name, "" when there is none
	pm   *patternmatcher.PatternMatcher
}

// readIgnore reads the ignore file BuildKit would use for the Dockerfile
// at slash path p, taking its folder as the build context: NAME.dockerignore
// beside it, else .dockerignore. It returns nil when the file exists but
// cannot be read or parsed: then the check cannot say what is let in.
func readIgnore(p string) *ignoreFile {
	dir := filepath.Dir(filepath.FromSlash(p))
	ig := &ignoreFile{}
	for _, name := range []string{path.Base(p) + ".dockerignore", ".dockerignore"} {
		data, err := os.Open(filepath.Join(dir, name))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil
		}
		patterns, err := ignorefile.ReadAll(data)
		_ = data.Close()
		if err != nil {
			return nil
		}
		pm, err := patternmatcher.New(patterns)
		if err != nil {
			return nil
		}
		ig.name, ig.pm = name, pm
		return ig
	}
	return ig
}

// letsIn returns which of .env and .git the build context lets in, given
// the instruction's own --exclude patterns too.
func (ig *ignoreFile) letsIn(excludes []string) []string {
	var extra *patternmatcher.PatternMatcher
	if len(excludes) > 0 {
		extra, _ = patternmatcher.New(excludes)
	}
	var out []string
	for _, probe := range []struct{ name, file string }{{".env", ".env"}, {".git", ".git/config"}} {
		if excluded(ig.pm, probe.file) || excluded(extra, probe.file) {
			continue
		}
		out = append(out, probe.name)
	}
	return out
}

// excluded reports whether pm (possibly nil) excludes the slash path p.
func excluded(pm *patternmatcher.PatternMatcher, p string) bool {
	if pm == nil {
		return false
	}
	m, err := pm.MatchesOrParentMatches(p)
	return err == nil && m
}

// message describes a whole-context copy that lets missing in.
func (ig *ignoreFile) message(kw string, missing []string) string {
	list := strings.Join(missing, " and ")
	if ig.name == "" {
		return fmt.Sprintf("%s copies the whole build context and there is no .dockerignore: %s (with any secrets in them) would land in the image; add a .dockerignore that excludes %s", kw, list, list)
	}
	return fmt.Sprintf("%s copies the whole build context and %s does not exclude %s: any secrets in them would land in the image; add %s to %s", kw, ig.name, list, list, ig.name)
}
