package iampolicy

import (
	"fmt"
	"net/url"
	"strings"
)

// authPolicy is a policy document in `aws iam
// get-account-authorization-details` output.
type authPolicy struct {
	name    string // "role app policy read", for messages
	kind    string
	account string
	doc     *node
	err     error
}

// isAuthDetails reports whether doc is get-account-authorization-details
// output.
func isAuthDetails(doc *node) bool {
	for _, k := range []string{"UserDetailList", "GroupDetailList", "RoleDetailList"} {
		if v := doc.get(k); v != nil && v.kind == kindArray {
			return true
		}
	}
	return false
}

// readAuthDetails lists the policies of get-account-authorization-details
// output: inline policies of users, groups and roles, roles' trust
// policies, and the default version of each managed policy.
func readAuthDetails(doc *node) []authPolicy {
	var out []authPolicy
	add := func(name, kind, arn string, pd *node) {
		if pd == nil {
			return
		}
		p := authPolicy{name: name, kind: kind, account: arnAccount(arn)}
		p.doc, p.err = policyNode(pd)
		out = append(out, p)
	}
	for _, l := range []struct{ list, nameKey, policies, what string }{
		{"UserDetailList", "UserName", "UserPolicyList", "user"},
		{"GroupDetailList", "GroupName", "GroupPolicyList", "group"},
		{"RoleDetailList", "RoleName", "RolePolicyList", "role"},
	} {
		for _, d := range doc.get(l.list).list() {
			who, _ := d.get(l.nameKey).text()
			arn, _ := d.get("Arn").text()
			for _, ip := range d.get(l.policies).list() {
				pn, _ := ip.get("PolicyName").text()
				add(fmt.Sprintf("%s %s policy %s", l.what, who, pn), "", arn, ip.get("PolicyDocument"))
			}
			if l.what == "role" {
				add(fmt.Sprintf("role %s trust policy", who), KindRoleTrust, arn, d.get("AssumeRolePolicyDocument"))
			}
		}
	}
	for _, mp := range doc.get("Policies").list() {
		pn, _ := mp.get("PolicyName").text()
		arn, _ := mp.get("Arn").text()
		for _, v := range mp.get("PolicyVersionList").list() {
			if d, _ := v.get("IsDefaultVersion").text(); d == "true" {
				add("managed policy "+pn, "", arn, v.get("Document"))
			}
		}
	}
	return out
}

// policyNode returns a policy document given as an object, or as JSON
// text, URL-encoded as the IAM API returns it or not. Text documents are
// placed on the line of the string.
func policyNode(pd *node) (*node, error) {
	s, ok := pd.text()
	if pd.kind != kindString || !ok {
		return pd, nil
	}
	if !strings.HasPrefix(strings.TrimSpace(s), "{") {
		dec, err := url.QueryUnescape(s)
		if err != nil {
			return nil, &posError{pd.line, "policy document is neither JSON nor URL-encoded JSON"}
		}
		s = dec
	}
	doc, err := parseJSON([]byte(s), pd.line)
	if err != nil {
		return nil, &posError{pd.line, "policy document: " + err.Error()}
	}
	setLines(doc, pd.line)
	return doc, nil
}

// arnAccount returns the account ID of an ARN, or "".
func arnAccount(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) == 6 && len(parts[4]) == 12 {
		return parts[4]
	}
	return ""
}
