package finding

// Level says how much a Notice matters for the run.
type Level string

// Notice levels, as SARIF's toolExecutionNotifications name them.
const (
	// LevelError: something asked for was not scanned; the run is incomplete.
	LevelError Level = "error"
	// LevelWarning: something was skipped by design or by a user limit
	// (a file over --max-file-size), or an input was odd but scanned.
	LevelWarning Level = "warning"
	// LevelNote: information (an unused suppression, a shallow clone).
	LevelNote Level = "note"
)

// Notice reports something about the run rather than about a secret: an
// item that could not be read, a file skipped and why.
type Notice struct {
	Level Level `json:"level"`
	// Path names the item concerned, if any.
	Path string `json:"path,omitempty"`
	// Message says what happened, without any secret.
	Message string `json:"message"`
}

// Stats counts what a run covered.
type Stats struct {
	// Commits counts the commits a history scan walked; zero elsewhere.
	Commits int64 `json:"commits,omitempty"`
	// Files counts the files scanned (for a history scan: the distinct
	// blobs), Bytes their content.
	Files          int64 `json:"files"`
	Bytes          int64 `json:"bytes"`
	SkippedBinary  int64 `json:"skipped_binary"`
	SkippedSize    int64 `json:"skipped_size"`
	SkippedIgnored int64 `json:"skipped_ignored"`
	Suppressed     int64 `json:"suppressed"`
	Baselined      int64 `json:"baselined"`
	// BelowConfidence counts findings dropped by --min-confidence.
	BelowConfidence int64 `json:"below_confidence,omitempty"`
	// Layers counts the container image layers scanned.
	Layers int64 `json:"layers,omitempty"`
	// SkippedLFS counts Git LFS pointers met in history: the large files
	// they name live outside git and are not scanned.
	SkippedLFS int64 `json:"skipped_lfs,omitempty"`
	// Resources counts the cloud resources examined (functions, secrets,
	// parameters, keys, trails, principals) by an account sweep.
	Resources int64 `json:"resources,omitempty"`
}

// Report is everything a run produced, ready for a reporter.
type Report struct {
	// Tool version, e.g. "0.1.0".
	Version string `json:"version"`
	// Targets are what the user asked to scan (paths, "-" for stdin).
	Targets []string `json:"targets"`
	// WorkDir is the absolute working directory that relative paths in
	// locations are relative to.
	WorkDir string `json:"-"`
	// Rules holds the catalog entries of every rule that produced a finding
	// (reporters may include more).
	Rules    []Rule    `json:"-"`
	Findings []Finding `json:"findings"`
	Notices  []Notice  `json:"notices,omitempty"`
	Stats    Stats     `json:"stats"`
	// ShowSecrets asks reporters to print secrets instead of redacting them.
	ShowSecrets bool `json:"-"`
}

// Incomplete reports whether anything asked for was not scanned.
func (r *Report) Incomplete() bool {
	for _, n := range r.Notices {
		if n.Level == LevelError {
			return true
		}
	}
	return false
}
