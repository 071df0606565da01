package rules

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

//go:embed data/*.toml
var catalogFS embed.FS

// Names of the configuration files looked for at a scanned root, in order.
var rootConfigNames = []string{".keysweep.toml", ".gitleaks.toml"}

// LoadOptions says where a run's configuration comes from.
type LoadOptions struct {
	// ConfigFile is --config: a file that replaces the root's configuration.
	ConfigFile string
	// Root is the scanned root, searched for .keysweep.toml and then
	// .gitleaks.toml when ConfigFile is empty. Empty: no search.
	Root string
	// FingerprintKey keys secret hashes (see finding.NewHasher).
	FingerprintKey string
}

// Load resolves the configuration that opts name (the built-in catalog when
// none is found) and compiles it into an Engine. It returns the path of the
// configuration file used, or "" for the built-in catalog.
func Load(opts LoadOptions) (*Engine, string, error) {
	file := opts.ConfigFile
	if file == "" && opts.Root != "" {
		for _, name := range rootConfigNames {
			p := filepath.Join(opts.Root, name)
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				file = p
				break
			}
		}
	}
	var (
		set *ruleSet
		err error
	)
	if file == "" {
		set, err = defaultSet()
	} else {
		set, err = loadFile(file, 0)
	}
	if err != nil {
		return nil, "", err
	}
	e, err := set.compile(opts.FingerprintKey)
	if err != nil {
		return nil, "", err
	}
	return e, file, nil
}

// Default compiles the built-in catalog.
func Default() (*Engine, error) {
	set, err := defaultSet()
	if err != nil {
		return nil, err
	}
	return set.compile("")
}

// CatalogFiles returns the names of the built-in catalog's data files.
func CatalogFiles() ([]string, error) {
	names, err := fs.Glob(catalogFS, "data/*.toml")
	if err != nil {
		return nil, fmt.Errorf("listing catalog: %w", err)
	}
	sort.Strings(names)
	return names, nil
}

// CatalogFile returns the decoded contents of one built-in data file.
func CatalogFile(name string) (*Config, error) {
	data, err := catalogFS.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("reading catalog file %s: %w", name, err)
	}
	return Parse(name, data)
}

// CheckRules returns the built-in rules of one structural check, as
// written in the data files: the check's package tests their examples.
func CheckRules(check string) ([]RuleSpec, error) {
	names, err := CatalogFiles()
	if err != nil {
		return nil, err
	}
	var out []RuleSpec
	for _, name := range names {
		cfg, err := CatalogFile(name)
		if err != nil {
			return nil, err
		}
		for _, r := range cfg.Rules {
			if r.Check == check {
				out = append(out, r)
			}
		}
	}
	return out, nil
}

// Parse decodes one configuration file. name is used in errors. Unknown keys
// are errors that name the rule they belong to.
func Parse(name string, data []byte) (*Config, error) {
	var cfg Config
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&cfg)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, fmt.Errorf("%s:%d: %s", name, perr.Position.Line, perr.Message)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		return nil, unknownKeyError(name, data, undecoded[0].String())
	}
	return &cfg, nil
}

// unknownKeyError names the rule that holds an unknown key, found by
// decoding the rules again without types.
func unknownKeyError(name string, data []byte, key string) error {
	var raw struct {
		Rules []map[string]any `toml:"rules"`
	}
	if _, err := toml.Decode(string(data), &raw); err == nil && strings.HasPrefix(key, "rules.") {
		field := strings.SplitN(strings.TrimPrefix(key, "rules."), ".", 2)[0]
		for i, r := range raw.Rules {
			if _, ok := r[field]; ok {
				id, _ := r["id"].(string)
				if id == "" {
					id = fmt.Sprintf("#%d", i+1)
				}
				return ruleError(name, id, "unknown key %q", key)
			}
		}
	}
	return fmt.Errorf("%s: unknown key %q", name, key)
}

// ruleSet is a configuration being assembled from files, before compiling.
type ruleSet struct {
	rules      []RuleSpec
	files      map[string]string // rule ID → file
	allowlists []AllowlistSpec
	alFiles    []string
}

func newRuleSet() *ruleSet { return &ruleSet{files: map[string]string{}} }

func defaultSet() (*ruleSet, error) {
	names, err := CatalogFiles()
	if err != nil {
		return nil, err
	}
	set := newRuleSet()
	for _, name := range names {
		cfg, err := CatalogFile(name)
		if err != nil {
			return nil, err
		}
		for _, r := range cfg.Rules {
			if prev, dup := set.files[r.ID]; dup && r.ID != "" {
				return nil, ruleError(name, r.ID, "duplicate id (also in %s)", prev)
			}
			set.add(name, r)
		}
		set.addAllowlists(name, cfg)
	}
	return set, nil
}

const maxExtendDepth = 4

func loadFile(file string, depth int) (*ruleSet, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("reading config: %w", err)
	}
	cfg, err := Parse(file, data)
	if err != nil {
		return nil, err
	}
	set := newRuleSet()
	if cfg.Extend.URL != "" {
		return nil, fmt.Errorf("%s: [extend] url is not supported: keysweep loads rules from local files only; download it and use [extend] path", file)
	}
	if cfg.Extend.UseDefault {
		if set, err = defaultSet(); err != nil {
			return nil, err
		}
	}
	if cfg.Extend.Path != "" {
		if depth >= maxExtendDepth {
			return nil, fmt.Errorf("%s: [extend] path %q: more than %d levels of extension", file, cfg.Extend.Path, maxExtendDepth)
		}
		p := cfg.Extend.Path
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(file), p)
		}
		base, err := loadFile(p, depth+1)
		if err != nil {
			return nil, fmt.Errorf("%s: [extend] path: %w", file, err)
		}
		set.merge(base)
	}
	for _, id := range cfg.Extend.DisabledRules {
		set.remove(id)
	}
	seen := map[string]bool{}
	for i, r := range cfg.Rules {
		if r.ID != "" && seen[r.ID] {
			return nil, ruleError(file, r.ID, "duplicate id")
		}
		seen[r.ID] = true
		if r.ID == "" {
			return nil, fmt.Errorf("%s: rule #%d (%q) has no id", file, i+1, r.Description)
		}
		set.override(file, r)
	}
	set.addAllowlists(file, cfg)
	return set, nil
}

func (s *ruleSet) add(file string, r RuleSpec) {
	s.rules = append(s.rules, r)
	s.files[r.ID] = file
}

func (s *ruleSet) addAllowlists(file string, cfg *Config) {
	if cfg.Allowlist != nil {
		s.allowlists = append(s.allowlists, *cfg.Allowlist)
		s.alFiles = append(s.alFiles, file)
	}
	for _, a := range cfg.Allowlists {
		s.allowlists = append(s.allowlists, a)
		s.alFiles = append(s.alFiles, file)
	}
}

func (s *ruleSet) merge(o *ruleSet) {
	for _, r := range o.rules {
		s.override(o.files[r.ID], r)
	}
	s.allowlists = append(s.allowlists, o.allowlists...)
	s.alFiles = append(s.alFiles, o.alFiles...)
}

func (s *ruleSet) remove(id string) {
	s.rules = slices.DeleteFunc(s.rules, func(r RuleSpec) bool { return r.ID == id })
	delete(s.files, id)
}

// override adds r, or merges it into the rule with the same ID: the fields
// r sets replace the base's, and its allowlists are added to the base's, as
// gitleaks extends rules.
func (s *ruleSet) override(file string, r RuleSpec) {
	i := slices.IndexFunc(s.rules, func(b RuleSpec) bool { return b.ID == r.ID })
	if i < 0 {
		s.add(file, r)
		return
	}
	b := &s.rules[i]
	setString(&b.Title, r.Title)
	setString(&b.Description, r.Description)
	if r.Regex != "" {
		b.Regex, b.SecretGroup = r.Regex, r.SecretGroup
	}
	if r.Entropy != 0 {
		b.Entropy = r.Entropy
	}
	if len(r.Keywords) > 0 {
		b.Keywords = r.Keywords
	}
	if r.Span != 0 {
		b.Span = r.Span
	}
	setString(&b.Path, r.Path)
	setString(&b.Validate, r.Validate)
	setString(&b.Severity, r.Severity)
	setString(&b.Confidence, r.Confidence)
	setString(&b.Remediation, r.Remediation)
	if len(r.References) > 0 {
		b.References = r.References
	}
	if len(r.Tags) > 0 {
		b.Tags = r.Tags
	}
	if r.SkipReport {
		b.SkipReport = true
	}
	if len(r.Required) > 0 {
		b.Required = r.Required
	}
	if r.Allowlist != nil {
		b.Allowlists = append(b.Allowlists, *r.Allowlist)
	}
	b.Allowlists = append(b.Allowlists, r.Allowlists...)
	s.files[r.ID] = file
}

func setString(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

func (s *ruleSet) compile(fingerprintKey string) (*Engine, error) {
	var compiled []*Rule
	var errs []error
	for _, spec := range s.rules {
		r, err := compileRule(s.files[spec.ID], spec)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		compiled = append(compiled, r)
	}
	var global []*allowlist
	for i, spec := range s.allowlists {
		a, err := compileAllowlist(spec)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: global allowlist %d: %w", s.alFiles[i], i+1, err))
			continue
		}
		global = append(global, a)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return newEngine(compiled, global, fingerprintKey)
}
