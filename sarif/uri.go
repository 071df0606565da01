package sarif

import (
	"net/url"
	"path"
	"regexp"
	"strings"

	gosarif "github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/keysweep/keysweep/finding"
)

// findingArtifact returns the artifact location of a finding's file, or
// nil when the finding is not in a file.
func findingArtifact(l finding.Location) *gosarif.ArtifactLocation {
	switch {
	case l.Kind == finding.KindStdin || l.Path == "-":
		return gosarif.NewSimpleArtifactLocation(stdinURI)
	case l.Path == "":
		return nil
	case l.Kind == finding.KindImage:
		// A path inside an image is not a path on this machine, so it is
		// neither a file: URI nor relative to the working directory.
		return gosarif.NewSimpleArtifactLocation(relativeURI(strings.TrimLeft(l.Path, "/")))
	default:
		return fileArtifact(l.Path)
	}
}

// noticeArtifact returns the artifact location of a notice's path: a file
// path as for findings, or a URI (an s3:// URL, an ARN) as it is.
func noticeArtifact(p string) *gosarif.ArtifactLocation {
	if p == "-" {
		return gosarif.NewSimpleArtifactLocation(stdinURI)
	}
	if uriScheme.MatchString(p) {
		if u, err := url.Parse(p); err == nil && u.Scheme != "" {
			return gosarif.NewSimpleArtifactLocation(p)
		}
	}
	return fileArtifact(p)
}

// uriScheme matches a URI's scheme and colon; it needs two characters so
// that a Windows drive letter is not taken for one.
var uriScheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]+:`)

// fileArtifact returns the artifact location of a slash-separated file
// path: a file: URI for an absolute path, else a URI relative to %SRCROOT%.
func fileArtifact(p string) *gosarif.ArtifactLocation {
	if isAbs(p) {
		return gosarif.NewSimpleArtifactLocation(fileURI(p))
	}
	return gosarif.NewSimpleArtifactLocation(relativeURI(p)).WithUriBaseId(srcRoot)
}

// drivePath matches a slash-separated Windows path with a drive letter.
var drivePath = regexp.MustCompile(`^[A-Za-z]:/`)

// isAbs reports whether a slash-separated path is absolute on Unix or
// Windows.
func isAbs(p string) bool {
	return strings.HasPrefix(p, "/") || drivePath.MatchString(p)
}

// fileURI returns the file: URI of an absolute slash-separated path.
func fileURI(p string) string {
	if drivePath.MatchString(p) {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// dirURI returns the file: URI of a directory, ending in a slash as SARIF
// requires of base URIs.
func dirURI(dir string) string {
	dir = strings.ReplaceAll(dir, `\`, "/")
	if !strings.HasSuffix(dir, "/") {
		dir += "/"
	}
	if !isAbs(dir) {
		// WorkDir is documented as absolute; make a relative one usable
		// rather than write an invalid base URI.
		dir = "/" + dir
	}
	return fileURI(dir)
}

// relativeURI returns the relative URI reference of a slash-separated path,
// cleaned and percent-encoded.
func relativeURI(p string) string {
	return (&url.URL{Path: path.Clean(p)}).String()
}
