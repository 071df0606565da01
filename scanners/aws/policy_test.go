package aws

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules/iampolicy"
	"github.com/keysweep/keysweep/rules/rulestest"
)

// TestSweepPolicy checks docs/aws-sweep-policy.json: it grants every call
// a sweep makes (but the optional ones: GetCallerIdentity needs no
// permission; ssm:GetParameters and account:ListRegions are opt-in, as
// docs/aws.md says; organization calls are for --org-role), and it passes
// keysweep's own IAM checks.
func TestSweepPolicy(t *testing.T) {
	doc, err := os.ReadFile("../../docs/aws-sweep-policy.json")
	if err != nil {
		t.Fatal(err)
	}
	var pol struct {
		Statement []struct {
			Action json.RawMessage
		}
	}
	if err := json.Unmarshal(doc, &pol); err != nil {
		t.Fatal(err)
	}
	var granted []string
	for _, st := range pol.Statement {
		var one string
		var many []string
		if json.Unmarshal(st.Action, &one) == nil {
			many = []string{one}
		} else if err := json.Unmarshal(st.Action, &many); err != nil {
			t.Fatal(err)
		}
		granted = append(granted, many...)
	}

	f := newFakeAWS(t)
	acct, _ := badAccount(rulestest.Rand(7))
	f.addAccount("222222222222", "AKIDBAD", acct)
	sweep(t, testConfig(t, f, "AKIDBAD"), Options{Policies: fakePolicies{}, Regions: []string{}})
	for call := range f.calls {
		action := strings.Replace(call, ".", ":", 1)
		switch action {
		case "sts:GetCallerIdentity", "ssm:GetParameters", "account:ListRegions":
			continue
		}
		if !slices.Contains(granted, action) {
			t.Errorf("the sweep calls %s, which docs/aws-sweep-policy.json does not grant", action)
		}
	}

	fs, err := iampolicy.NewAnalyzer(testEngine(t)).IdentityPolicy(doc, finding.Location{Kind: finding.KindFile, Path: "aws-sweep-policy.json"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		t.Errorf("the sweep's own policy fails %s: %s", f.RuleID, f.Message)
	}
}
