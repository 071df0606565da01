package iampolicy

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/keysweep/keysweep/finding"
)

// restrictingKeys are condition keys (lower case) that limit a resource
// policy's principals to known accounts, organizations or sources.
var restrictingKeys = []string{
	"aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount",
	"aws:principalarn", "aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid",
	"aws:sourceorgpaths", "aws:sourcevpc", "aws:sourcevpce", "aws:userid",
	"aws:principalservicename", "kms:calleraccount", "sts:externalid",
}

var accountRe = regexp.MustCompile(`^(?:\d{12}|arn:aws[\w-]*:(?:iam|sts)::(\d{12}|\$\{AWS::AccountId\}):.*)$`)

// resource analyses a resource policy of the given kind owned by account.
func (a *Analyzer) resource(p *policy, kind, account string, t target) []finding.Finding {
	var out []finding.Finding
	what := kindName(kind)
	for _, s := range p.statements {
		if s.effect != "Allow" {
			continue
		}
		if s.notAction.present {
			out = a.report(out, RuleAllowNotAction, t, s, s.notAction.line, s.notAction.col,
				fmt.Sprintf("%s of the %s allows every action except %s: list the actions it needs in Action instead", s.name(), what, quoteList(s.notAction.vals)), false)
		}
		public, foreign := a.principals(s, account)
		if !public && len(foreign) == 0 {
			continue
		}
		if restricted(s) || a.guarded(p, s) {
			continue
		}
		line, col := s.principal.line, s.principal.col
		if s.notPrinc.present {
			line, col = s.notPrinc.line, s.notPrinc.col
		}
		acts := actionText(s)
		cond := ""
		if _, other := conditionKeys(s); len(other) > 0 {
			cond = fmt.Sprintf(" (its condition on %s does not restrict who)", strings.Join(other, ", "))
		}
		if public {
			who := `Principal "*"`
			if s.notPrinc.present {
				who = "NotPrincipal (everyone else)"
			}
			out = a.report(out, RulePublicResource, t, s, line, col,
				fmt.Sprintf("%s of the %s allows %s to anyone (%s)%s: name the principals' ARNs, or add an aws:PrincipalOrgID or aws:PrincipalAccount condition", s.name(), what, acts, who, cond), false)
			continue
		}
		out = a.report(out, RuleCrossAccount, t, s, line, col,
			fmt.Sprintf("%s of the %s allows %s to other accounts (%s)%s: remove them, or add an aws:PrincipalOrgID or aws:SourceAccount condition", s.name(), what, acts, strings.Join(foreign, ", "), cond), false)
	}
	return out
}

// principals says whether s grants to anyone, and which other accounts'
// principals it names (only when account is known).
func (a *Analyzer) principals(s *statement, account string) (public bool, foreign []string) {
	if s.notPrinc.present || s.principal.star {
		return true, nil
	}
	if account == "" {
		return false, nil
	}
	for _, p := range s.principal.byType["AWS"] {
		m := accountRe.FindStringSubmatch(p)
		if m == nil {
			continue
		}
		acct := m[1]
		if acct == "" {
			acct = p
		}
		if acct != account && acct != "${AWS::AccountId}" {
			foreign = append(foreign, acct)
		}
	}
	return false, foreign
}

// restricted reports whether s has a condition that limits its principals.
func restricted(s *statement) bool {
	for _, c := range s.conds {
		if hasKeyIn(c.key, restrictingKeys) {
			return true
		}
	}
	return false
}

// guarded reports whether a Deny of p, for every principal, takes back
// all that allow grants: unconditionally, or unless a restricting
// condition holds (the usual organization guard).
func (a *Analyzer) guarded(p *policy, allow *statement) bool {
	for _, d := range p.statements {
		if d.effect != "Deny" || !d.principal.star || len(d.condUnk) > 0 {
			continue
		}
		if len(d.conds) > 0 && !restricted(d) {
			continue
		}
		if a.coversActions(d, allow) {
			return true
		}
	}
	return false
}

// coversActions reports whether deny d matches every action allow allows.
func (a *Analyzer) coversActions(d, allow *statement) bool {
	if slicesHas(d.action.vals, "*") {
		return true
	}
	if !allow.action.present || len(allow.action.unknown) > 0 {
		return false
	}
	for _, pat := range allow.action.vals {
		acts := a.cat.expand(pat)
		if len(acts) == 0 {
			acts = []string{pat}
		}
		for _, act := range acts {
			if allows(d, act) != yes {
				return false
			}
		}
	}
	return true
}

func actionText(s *statement) string {
	if s.notAction.present {
		return "every action except " + quoteList(s.notAction.vals)
	}
	return quoteList(s.action.vals)
}

func kindName(kind string) string {
	switch kind {
	case KindSecret:
		return "secret's resource policy"
	case KindKMSKey:
		return "key policy"
	case KindRoleTrust:
		return "role's trust policy"
	}
	return "resource policy"
}
