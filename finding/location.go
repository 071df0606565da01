package finding

// Kind names the sort of place a finding was found in. It is part of the
// fingerprint, so a finding in a file and one in a cloud resource with the
// same name never collide.
type Kind string

// The kinds of place keysweep looks in.
const (
	KindFile     Kind = "file"     // a file on disk or in a repository's tree
	KindStdin    Kind = "stdin"    // standard input
	KindCommit   Kind = "commit"   // a blob in git history
	KindImage    Kind = "image"    // a file or field in a container image
	KindResource Kind = "resource" // a cloud resource, named by ARN
)

// Location says where a finding is. Lines and columns are 1-based; columns
// count bytes, as SARIF's default column kind for UTF-8 does not, so
// reporters convert where it matters. A zero line means the finding has no
// line (a cloud resource, say).
type Location struct {
	Kind Kind `json:"kind"`
	// Path is the file's path as the user named it: relative to the working
	// directory when the scan root was given relative, slash-separated.
	Path string `json:"path,omitempty"`
	// Key is the normalized place used in the fingerprint: the path relative
	// to the scanned root for files, the resource name for cloud findings.
	Key string `json:"-"`

	StartLine   int `json:"start_line,omitempty"`
	StartColumn int `json:"start_column,omitempty"`
	EndLine     int `json:"end_line,omitempty"`
	EndColumn   int `json:"end_column,omitempty"`

	// Commit, Author, Email and Date describe the commit that introduced a
	// blob, for findings in git history.
	Commit string `json:"commit,omitempty"`
	Author string `json:"author,omitempty"`
	Email  string `json:"email,omitempty"`
	Date   string `json:"date,omitempty"`

	// Resource names a cloud resource (an ARN) or an image digest and layer;
	// Field names the part of it that holds the finding (an environment
	// variable's name, say).
	Resource string `json:"resource,omitempty"`
	Field    string `json:"field,omitempty"`
	// Layer is the digest of the image layer that holds the file, and
	// LayerIndex its place in the image, counting from 1 for the base
	// layer (0: not in a layer), for findings in container images, whose
	// Resource is the image's digest and Path the file's path in the layer.
	Layer      string `json:"layer,omitempty"`
	LayerIndex int    `json:"layer_index,omitempty"`
}

// FingerprintKey returns the place used in the fingerprint: Key when set,
// else Resource and Field, else Path.
func (l Location) FingerprintKey() string {
	switch {
	case l.Key != "":
		return l.Key
	case l.Resource != "":
		return l.Resource + "#" + l.Field
	default:
		return l.Path
	}
}
