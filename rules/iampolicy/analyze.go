package iampolicy

import (
	"fmt"
	"strings"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
)

// Rule IDs of check "iam" (rules/data/iam.toml).
const (
	RuleSecretReadAny       = "iam-secret-read-any"
	RuleSSMParameterReadAny = "iam-ssm-parameter-read-any"
	RuleKMSDecryptAny       = "iam-kms-decrypt-any"
	RuleServiceWildcard     = "iam-service-wildcard"
	RuleAdminWildcard       = "iam-admin-wildcard"
	RuleAllowNotAction      = "iam-allow-not-action"
	RuleAllowNotResource    = "iam-allow-not-resource"
	RulePublicResource      = "iam-resource-policy-public"
	RuleCrossAccount        = "iam-resource-policy-cross-account"
	RuleLambdaEnvSecret     = "iac-lambda-env-literal-secret"
)

// Kinds of resource policy ResourcePolicy understands. Any other kind is
// analysed as a generic resource policy.
const (
	KindSecret    = "secret"
	KindKMSKey    = "kms-key"
	KindRoleTrust = "role-trust"
)

// Analyzer reports the "iam" catalog rules on policy documents. It is
// immutable and safe for concurrent use.
type Analyzer struct {
	e   *rules.Engine
	cat *catalog
}

// NewAnalyzer returns an Analyzer that reports through e's catalog (rules
// a configuration disabled are not reported).
func NewAnalyzer(e *rules.Engine) *Analyzer {
	return &Analyzer{e: e, cat: newCatalog()}
}

// IdentityPolicy analyses an identity-based policy document (JSON text,
// already URL-decoded) that is attached to the principal or policy named
// by loc (loc.Resource = ARN, loc.Field = policy name).
func (a *Analyzer) IdentityPolicy(doc []byte, loc finding.Location) ([]finding.Finding, error) {
	p, err := parseDoc(doc)
	if err != nil {
		return nil, fmt.Errorf("policy %s: %w", loc.Field, err)
	}
	return a.identity(p, target{loc: loc, name: loc.Field}), nil
}

// ResourcePolicy analyses a resource policy; kind is "secret" or
// "kms-key" (or "role-trust" for a role's trust policy); account is the
// owning 12-digit account ID ("" when unknown) so that other accounts can
// be told apart.
func (a *Analyzer) ResourcePolicy(doc []byte, kind, account string, loc finding.Location) ([]finding.Finding, error) {
	p, err := parseDoc(doc)
	if err != nil {
		return nil, fmt.Errorf("%s policy %s: %w", kind, loc.Field, err)
	}
	return a.resource(p, kind, account, target{loc: loc, name: loc.Field}), nil
}

func parseDoc(doc []byte) (*policy, error) {
	n, err := parseJSON(doc, 1)
	if err != nil {
		return nil, err
	}
	return parsePolicy(n)
}

// target is where a policy sits: the location findings carry, a name for
// messages, and whether element positions are exact lines of a file.
type target struct {
	loc   finding.Location
	name  string
	lines bool
	cols  bool
}

// at returns the location of an element at line, col.
func (t target) at(line, col int) finding.Location {
	loc := t.loc
	if t.lines && line > 0 {
		loc.StartLine = line
		if t.cols {
			loc.StartColumn = col
		}
	}
	return loc
}

// report makes one finding; lower lowers its severity by one step.
func (a *Analyzer) report(out []finding.Finding, id string, t target, s *statement, line, col int, msg string, lower bool) []finding.Finding {
	if line == 0 {
		line, col = s.line, s.col
	}
	prefix := ""
	if t.name != "" {
		prefix = t.name + ": "
	}
	if u := s.unknowns(); len(u) > 0 {
		msg += fmt.Sprintf(" (some values are not resolved statically, and were not guessed: %s)", strings.Join(u, ", "))
	}
	f, ok := a.e.Report(id, t.at(line, col), prefix+msg, "")
	if !ok {
		return out
	}
	if lower && f.Severity > finding.Info {
		f.Severity--
	}
	return append(out, f)
}

// sensitiveRead is a family of read actions that matter on every resource
// of a service at once.
type sensitiveRead struct {
	rule    string
	service string
	actions []string
	extra   []string // also named when allowed, but not enough alone
	probe   string   // a resource of the service no policy names
	what    string
	fix     string
}

var reads = []sensitiveRead{
	{
		rule: RuleSecretReadAny, service: "secretsmanager",
		actions: []string{"secretsmanager:GetSecretValue"},
		// BatchGetSecretValue is authorised on "*" and needs
		// GetSecretValue on each secret, so alone it reads nothing.
		extra: []string{"secretsmanager:BatchGetSecretValue"},
		probe: "secret:keysweep-probe-Zq9xYw",
		what:  "every secret",
		fix:   "scope Resource to the ARNs of the secrets it needs (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-*)",
	},
	{
		rule: RuleSSMParameterReadAny, service: "ssm",
		actions: []string{"ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "ssm:GetParameterHistory"},
		probe:   "parameter/keysweep-probe",
		what:    "every parameter, SecureString values decrypted where the key allows (always with the aws/ssm key)",
		fix:     "scope Resource to the parameters or a path it needs (arn:aws:ssm:REGION:ACCOUNT:parameter/APP/*)",
	},
	{
		rule: RuleKMSDecryptAny, service: "kms",
		actions: []string{"kms:Decrypt", "kms:ReEncryptFrom"},
		probe:   "key/keysweep-probe",
		what:    "every KMS key",
		fix:     "scope Resource to the key ARNs it needs (arn:aws:kms:REGION:ACCOUNT:key/KEY-ID), or add a kms:ViaService or kms:EncryptionContext condition",
	},
}

// wildcardServices are the services whose every action is worth naming.
var wildcardServices = []string{"secretsmanager", "kms", "ssm"}

// identity analyses an identity-based policy.
func (a *Analyzer) identity(p *policy, t target) []finding.Finding {
	var out []finding.Finding
	for _, s := range p.statements {
		if s.effect != "Allow" {
			continue
		}
		if s.notAction.present {
			out = a.report(out, RuleAllowNotAction, t, s, s.notAction.line, s.notAction.col,
				fmt.Sprintf("%s allows every action except %s: list the actions it needs in Action instead", s.name(), quoteList(s.notAction.vals)), false)
		}
		if s.notRes.present {
			out = a.report(out, RuleAllowNotResource, t, s, s.notRes.line, s.notRes.col,
				fmt.Sprintf("%s allows its actions on every resource except %s: list the resource ARNs it needs in Resource instead", s.name(), quoteList(s.notRes.vals)), false)
		}
		if a.isAdmin(s) && !a.cancelled(p, s, "*", "*") {
			out = a.report(out, RuleAdminWildcard, t, s, s.action.line, s.action.col,
				fmt.Sprintf("%s allows every action (*) on every resource: grant the actions and resources the principal needs instead", s.name()), false)
			continue
		}
		for _, svc := range wildcardServices {
			for _, pat := range s.action.vals {
				if pat != "*" && !a.cat.coversAll(pat) && a.cat.coversService(pat, svc) {
					out = a.report(out, RuleServiceWildcard, t, s, s.action.line, s.action.col,
						fmt.Sprintf("%s allows every %s action (%s) on %s: list the %s actions it needs", s.name(), svc, pat, resourceText(s), svc), false)
					break
				}
			}
		}
		for _, r := range reads {
			out = a.checkRead(out, p, s, r, t)
		}
	}
	return out
}

// checkRead reports r when s allows r's actions on every resource of its
// service, unless a Deny of the same policy takes it back.
func (a *Analyzer) checkRead(out []finding.Finding, p *policy, s *statement, r sensitiveRead, t target) []finding.Finding {
	wide, pattern, line, col := a.wide(s, r)
	if !wide {
		return out
	}
	probe := makeProbe(pattern, r.service, r.probe)
	var allowed []string
	for _, act := range r.actions {
		if allows(s, act) == yes && !a.cancelled(p, s, act, probe) {
			allowed = append(allowed, act)
		}
	}
	if len(allowed) == 0 {
		return out
	}
	for _, act := range r.extra {
		if allows(s, act) == yes {
			allowed = append(allowed, act)
		}
	}
	how := fmt.Sprintf("Resource %q", pattern)
	if s.notRes.present {
		how = "NotResource " + quoteList(s.notRes.vals)
	}
	msg := fmt.Sprintf("%s allows %s on %s (%s): %s", s.name(), strings.Join(allowed, " and "), r.what, how, r.fix)
	narrow, other := conditionKeys(s)
	switch {
	case len(narrow) > 0:
		msg += fmt.Sprintf("; its condition on %s narrows which resources, so the severity is lowered", strings.Join(narrow, ", "))
	case len(other) > 0:
		msg += fmt.Sprintf("; its condition on %s does not limit which resources", strings.Join(other, ", "))
	}
	return a.report(out, r.rule, t, s, line, col, msg, len(narrow) > 0)
}

// wide reports whether s's resources include every resource of r's
// service, with the pattern that does it and its position.
func (a *Analyzer) wide(s *statement, r sensitiveRead) (ok bool, pattern string, line, col int) {
	switch {
	case s.resource.present:
		for _, pat := range s.resource.vals {
			if glob(pat, makeProbe(pat, r.service, r.probe)) {
				return true, pat, s.resource.line, s.resource.col
			}
		}
		// A pattern with an unresolved part is wide when it is whatever
		// the part's value (the part stands for itself only, and a value
		// with a wildcard could only widen it): an unknown region or
		// account, say, with "secret:*".
		for _, pat := range s.resource.partial {
			if glob(pat, makeProbe(pat, r.service, r.probe)) {
				return true, strings.ReplaceAll(pat, unresolvedPart, "${…}"), s.resource.line, s.resource.col
			}
		}
	case s.notRes.present:
		if len(s.notRes.unknown) > 0 {
			return false, "", 0, 0
		}
		probe := makeProbe("*", r.service, r.probe)
		for _, pat := range s.notRes.vals {
			if glob(pat, probe) {
				return false, "", 0, 0
			}
		}
		return true, "*", s.notRes.line, s.notRes.col
	}
	return false, "", 0, 0
}

// isAdmin reports whether s allows every action on every resource.
func (a *Analyzer) isAdmin(s *statement) bool {
	if !s.action.present {
		return false
	}
	all := false
	for _, pat := range s.action.vals {
		if pat == "*" || a.cat.coversAll(pat) {
			all = true
		}
	}
	if !all {
		return false
	}
	for _, r := range s.resource.vals {
		if r == "*" {
			return true
		}
	}
	return false
}

// tri is a yes/no answer that may be unknown.
type tri int

const (
	no tri = iota
	yes
	unknown
)

// allows reports whether s's Action or NotAction lets action through.
func allows(s *statement, action string) tri {
	switch {
	case s.action.present:
		for _, pat := range s.action.vals {
			if matchAction(pat, action) {
				return yes
			}
		}
		if len(s.action.unknown) > 0 {
			return unknown
		}
		return no
	case s.notAction.present:
		for _, pat := range s.notAction.vals {
			if matchAction(pat, action) {
				return no
			}
		}
		if len(s.notAction.unknown) > 0 {
			return unknown
		}
		return yes
	}
	return no
}

// cancelled reports whether an unconditional Deny of p denies action on
// resource (a probe ARN, or "*" for every resource), taking back what
// allow grants.
func (a *Analyzer) cancelled(p *policy, allow *statement, action, resource string) bool {
	for _, d := range p.statements {
		if d.effect != "Deny" || len(d.conds) > 0 || len(d.condUnk) > 0 || d.principal.present && !d.principal.star {
			continue
		}
		if action == "*" {
			if !slicesHas(d.action.vals, "*") {
				continue
			}
		} else if allows(d, action) != yes {
			continue
		}
		if denies(d, resource) {
			return true
		}
	}
	return false
}

// denies reports whether deny statement d's resources cover resource.
func denies(d *statement, resource string) bool {
	switch {
	case d.resource.present:
		for _, pat := range d.resource.vals {
			if pat == "*" || resource != "*" && glob(pat, resource) {
				return true
			}
		}
	case d.notRes.present:
		if len(d.notRes.unknown) > 0 || resource == "*" {
			return false
		}
		for _, pat := range d.notRes.vals {
			if glob(pat, resource) {
				return false
			}
		}
		return true
	}
	return false
}

// makeProbe builds the ARN of a resource of service that no policy names,
// in the partition, region and account that pattern fixes, if any: a
// pattern that matches it matches every resource of the service there.
func makeProbe(pattern, service, res string) string {
	partition, region, account := "aws", "us-east-1", "111122223333"
	parts := splitARN(pattern)
	fixed := func(i int) bool {
		return len(parts) > i+1 && !strings.ContainsAny(parts[i], "*?")
	}
	if fixed(1) {
		partition = parts[1]
	}
	if fixed(3) {
		region = parts[3]
	}
	if fixed(4) {
		account = parts[4]
	}
	return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + res
}

// splitARN splits an ARN (or ARN pattern) into at most six parts at its
// colons, leaving colons inside ${...} (a CloudFormation pseudo parameter
// such as ${AWS::Region}) alone.
func splitARN(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s) && len(parts) < 5; i++ {
		switch {
		case s[i] == '$' && i+1 < len(s) && s[i+1] == '{':
			depth++
		case s[i] == '}' && depth > 0:
			depth--
		case s[i] == ':' && depth == 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// narrowingKeys are condition keys (lower case; a trailing / is a prefix)
// that limit which resources a statement applies to.
var narrowingKeys = []string{
	"aws:resourcetag/", "secretsmanager:resourcetag/", "ssm:resourcetag/",
	"kms:resourcealiases", "kms:encryptioncontext:", "kms:encryptioncontextkeys",
	"kms:viaservice", "secretsmanager:secretid", "secretsmanager:name",
	"aws:resourceaccount", "aws:resourceorgid", "aws:resourceorgpaths",
}

// conditionKeys splits s's condition keys into those that narrow its
// resources and the others.
func conditionKeys(s *statement) (narrow, other []string) {
	for _, c := range s.conds {
		if hasKeyIn(c.key, narrowingKeys) {
			narrow = append(narrow, c.key)
		} else {
			other = append(other, c.key)
		}
	}
	return narrow, other
}

func hasKeyIn(key string, set []string) bool {
	k := strings.ToLower(key)
	for _, p := range set {
		if k == p || strings.HasSuffix(p, "/") && strings.HasPrefix(k, p) || strings.HasSuffix(p, ":") && strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

func resourceText(s *statement) string {
	switch {
	case s.resource.present && len(s.resource.vals) > 0:
		return "Resource " + quoteList(s.resource.vals)
	case s.notRes.present:
		return "every resource except " + quoteList(s.notRes.vals)
	}
	return "its resources"
}

func quoteList(vs []string) string {
	const limit = 3
	q := make([]string, 0, min(len(vs), limit))
	for i, v := range vs {
		if i == limit {
			q = append(q, fmt.Sprintf("and %d more", len(vs)-limit))
			break
		}
		q = append(q, fmt.Sprintf("%q", v))
	}
	if len(q) == 0 {
		return "(unresolved)"
	}
	return strings.Join(q, ", ")
}

func slicesHas(vs []string, v string) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}
