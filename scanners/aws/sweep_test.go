package aws

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
	"github.com/keysweep/keysweep/rules/rulestest"
)

// now is the fixed time of every test sweep.
var testNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

func daysAgo(n int) time.Time { return testNow.Add(-time.Duration(n) * 24 * time.Hour) }

// fakePolicies stands in for rules/iampolicy: it flags a policy that
// grants secretsmanager:GetSecretValue on "*" or to principal "*".
type fakePolicies struct{}

var _ PolicyAnalyzer = fakePolicies{}

func (fakePolicies) IdentityPolicy(doc []byte, loc finding.Location) ([]finding.Finding, error) {
	if strings.Contains(string(doc), `"secretsmanager:GetSecretValue"`) && strings.Contains(string(doc), `"Resource":"*"`) {
		return []finding.Finding{{RuleID: "fake-iam-read-all-secrets", Severity: finding.High, Message: "can read every secret", Location: loc}}, nil
	}
	return nil, nil
}

func (fakePolicies) ResourcePolicy(doc []byte, kind, account string, loc finding.Location) ([]finding.Finding, error) {
	if strings.Contains(string(doc), `"Principal":"*"`) {
		return []finding.Finding{{RuleID: "fake-resource-open", Severity: finding.High, Message: kind + " open to everyone", Location: loc}}, nil
	}
	return nil, nil
}

const (
	wildcardRead = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}`
	narrowRead   = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:us-east-1:222222222222:secret:app-AbCdEf"}]}`
	openPolicy   = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}`
	ownerPolicy  = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},"Action":"kms:*","Resource":"*"}]}`
)

// badAccount seeds every finding the sweep reports; it returns the
// secrets planted in it.
func badAccount(r *rand.Rand) (*fakeAccount, []string) {
	dbPassword := "pw-" + rulestest.String(r, "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20)
	ghToken := rulestest.GitHubToken(r)
	ssmPassword := "pw-" + rulestest.String(r, "abcdefghijkmnpqrstuvwxyz23456789", 18)
	a := &fakeAccount{
		functions: []fakeFunction{
			{name: "orders-prod", env: map[string]string{"DB_PASSWORD": dbPassword, "GITHUB_TOKEN": ghToken, "LOG_LEVEL": "debug"}},
			{name: "orders-dev", env: map[string]string{"DB_PASSWORD": dbPassword}, kmsKey: "key-rotating"},
		},
		secrets: []fakeSecret{
			{name: "prod/db", created: daysAgo(400), lastRead: daysAgo(200), policy: openPolicy},
			{name: "prod/api", rotation: true, afterDays: 30, created: daysAgo(400), lastRotated: daysAgo(100), lastRead: daysAgo(1), kmsKey: "key-doomed"},
		},
		params: []fakeParam{
			{name: "/prod/db/password", typ: "String", value: ssmPassword},
			{name: "/prod/app/token", typ: "SecureString", keyID: "alias/app-params"},
		},
		keys: []fakeKey{
			{id: "key-rotating", state: "Enabled", rotation: true, policy: ownerPolicy},
			{id: "key-norotate", state: "Enabled", policy: openPolicy},
			{id: "key-doomed", state: "PendingDeletion"},
			{id: "key-off", state: "Disabled", alias: "alias/app-params"},
			{id: "key-aws", state: "Enabled", awsManaged: true},
		},
		trails: []fakeTrail{{name: "local-only", multiRegion: false, validation: false, logging: true, readWrite: "All"}},
		roles: []fakeRole{
			{name: "ci-deployer", inline: map[string]string{"read-secrets": wildcardRead}},
			{name: "app", attached: []string{"arn:aws:iam::222222222222:policy/app-read"}},
		},
		managed: map[string]string{"arn:aws:iam::222222222222:policy/app-read": narrowRead},
	}
	return a, []string{dbPassword, ghToken, ssmPassword}
}

// goodAccount has the same kinds of resource, all well configured.
func goodAccount() *fakeAccount {
	return &fakeAccount{
		functions: []fakeFunction{
			{name: "orders-prod", env: map[string]string{"LOG_LEVEL": "info", "DB_PASSWORD_SECRET_ARN": "arn:aws:secretsmanager:us-east-1:333333333333:secret:prod/db-AbCdEf"}, kmsKey: "key-rotating"},
		},
		secrets: []fakeSecret{
			{name: "prod/db", rotation: true, afterDays: 30, created: daysAgo(400), lastRotated: daysAgo(10), lastRead: daysAgo(1), kmsKey: "alias/secrets", policy: ownerPolicy},
		},
		params: []fakeParam{
			{name: "/prod/app/log-level", typ: "String", value: "info"},
			{name: "/prod/db/password", typ: "SecureString", keyID: "key-rotating"},
		},
		keys: []fakeKey{
			{id: "key-rotating", state: "Enabled", rotation: true, alias: "alias/secrets", policy: ownerPolicy},
			{id: "key-old", state: "PendingDeletion"}, // unused: deleting it is fine
		},
		trails: []fakeTrail{{name: "org-trail", multiRegion: true, validation: true, logging: true, readWrite: "All"}},
		roles:  []fakeRole{{name: "app", inline: map[string]string{"read-one": narrowRead}}},
	}
}

// testConfig loads an AWS configuration the way the command does, pointed
// at the fake, with static credentials and a retryer that does not sleep.
func testConfig(t *testing.T, f *fakeAWS, akid string) aws.Config {
	t.Helper()
	t.Setenv("AWS_CONFIG_FILE", t.TempDir()+"/none")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", t.TempDir()+"/none")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	cfg, err := config.LoadDefaultConfig(context.Background(),
		config.WithRegion("us-east-1"),
		config.WithBaseEndpoint(f.srv.URL),
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(akid, "fake-secret-key", "")),
		config.WithRetryer(func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) {
				o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
			})
		}),
	)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func testEngine(t *testing.T) *rules.Engine {
	t.Helper()
	e, _, err := rules.Load(rules.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func sweep(t *testing.T, cfg aws.Config, opts Options) *Result {
	t.Helper()
	opts.Config = cfg
	if opts.Regions == nil {
		opts.Regions = []string{"us-east-1", "eu-west-1"}
	}
	opts.Now = func() time.Time { return testNow }
	res, err := New(testEngine(t), opts).Sweep(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// has reports whether res holds a finding of rule on a resource whose ARN
// contains resource.
func has(res *Result, rule, resource string) bool {
	return slices.ContainsFunc(res.Findings, func(f finding.Finding) bool {
		return f.RuleID == rule && strings.Contains(f.Location.Resource, resource)
	})
}

func describe(res *Result) string {
	var b strings.Builder
	for _, f := range res.Findings {
		fmt.Fprintf(&b, "  %s %s#%s: %s\n", f.RuleID, f.Location.Resource, f.Location.Field, f.Message)
	}
	for _, n := range res.Notices {
		fmt.Fprintf(&b, "  notice %s: %s\n", n.Level, n.Message)
	}
	return b.String()
}

func TestSweepBadAccount(t *testing.T) {
	f := newFakeAWS(t)
	acct, secrets := badAccount(rulestest.Rand(1))
	f.addAccount("222222222222", "AKIDBAD", acct)
	res := sweep(t, testConfig(t, f, "AKIDBAD"), Options{Policies: fakePolicies{}})

	want := []struct{ rule, resource string }{
		{"aws-lambda-env-secret-name", "function:orders-prod"},
		{"github-pat", "function:orders-prod"},
		{"aws-lambda-env-no-cmk", "function:orders-prod"},
		{"aws-secret-shared-across-stages", "function:orders-prod"},
		{"aws-secret-shared-across-stages", "function:orders-dev"},
		{"aws-secretsmanager-rotation-disabled", "secret:prod/db"},
		{"aws-secretsmanager-stale", "secret:prod/db"},
		{"aws-secretsmanager-aws-managed-key", "secret:prod/db"},
		{"fake-resource-open", "secret:prod/db"},
		{"aws-secretsmanager-rotation-overdue", "secret:prod/api"},
		{"aws-ssm-plaintext-secret", "parameter/prod/db/password"},
		{"aws-kms-rotation-disabled", "key/key-norotate"},
		{"fake-resource-open", "key/key-norotate"},
		{"aws-kms-key-pending-deletion-in-use", "key/key-doomed"},
		{"aws-kms-key-disabled-in-use", "key/key-off"},
		{"aws-cloudtrail-no-multiregion-trail", "trail/*"},
		{"aws-cloudtrail-log-validation-disabled", "trail/local-only"},
		{"fake-iam-read-all-secrets", "role/ci-deployer"},
	}
	for _, w := range want {
		if !has(res, w.rule, w.resource) {
			t.Errorf("no %s on %s; got:\n%s", w.rule, w.resource, describe(res))
		}
	}
	for _, f := range res.Findings {
		if f.Fingerprint == "" && !strings.HasPrefix(f.RuleID, "fake-") {
			t.Errorf("%s on %s has no fingerprint", f.RuleID, f.Location.Resource)
		}
		for _, s := range secrets {
			if strings.Contains(f.Message, s) {
				t.Errorf("%s: message holds a secret: %q", f.RuleID, f.Message)
			}
		}
		if f.RuleID == "fake-iam-read-all-secrets" && !strings.Contains(f.Message, "role ci-deployer, via inline policy read-secrets") {
			t.Errorf("IAM finding does not name the principal and policy: %q", f.Message)
		}
		if strings.HasPrefix(f.RuleID, "aws-kms-key-pending") && !strings.Contains(f.Message, "retrieval will break when the key is deleted") {
			t.Errorf("pending deletion message: %q", f.Message)
		}
	}
	// Unused or healthy things are not reported.
	for _, w := range []struct{ rule, resource string }{
		{"aws-lambda-env-secret-name", "LOG_LEVEL"},
		{"aws-kms-rotation-disabled", "key/key-rotating"},
		{"aws-kms-rotation-disabled", "key/key-aws"},
		{"aws-secretsmanager-rotation-overdue", "secret:prod/db"},
		{"aws-lambda-env-no-cmk", "function:orders-dev"},
	} {
		if has(res, w.rule, w.resource) {
			t.Errorf("unexpected %s on %s", w.rule, w.resource)
		}
	}
	for _, n := range res.Notices {
		if n.Level == finding.LevelError {
			t.Errorf("unexpected error notice: %s", n.Message)
		}
	}
	if res.Resources == 0 {
		t.Error("no resources counted")
	}
}

func TestSweepGoodAccount(t *testing.T) {
	f := newFakeAWS(t)
	f.addAccount("333333333333", "AKIDGOOD", goodAccount())
	res := sweep(t, testConfig(t, f, "AKIDGOOD"), Options{Policies: fakePolicies{}})
	if len(res.Findings) > 0 || len(res.Notices) > 0 {
		t.Errorf("good account: want nothing, got:\n%s", describe(res))
	}
}

func TestSweepAllVersions(t *testing.T) {
	f := newFakeAWS(t)
	r := rulestest.Rand(2)
	token := rulestest.GitHubToken(r)
	f.addAccount("222222222222", "AKIDV", &fakeAccount{
		functions: []fakeFunction{{name: "api", kmsKey: "k", env: map[string]string{"GH": token}, versions: 2}},
		trails:    []fakeTrail{{name: "t", multiRegion: true, validation: true, logging: true, readWrite: "All"}},
	})
	count := func(res *Result) int {
		n := 0
		for _, f := range res.Findings {
			if f.RuleID == "github-pat" {
				n++
			}
		}
		return n
	}
	if n := count(sweep(t, testConfig(t, f, "AKIDV"), Options{Regions: []string{"us-east-1"}})); n != 1 {
		t.Errorf("without --all-versions: %d findings, want 1 ($LATEST)", n)
	}
	if n := count(sweep(t, testConfig(t, f, "AKIDV"), Options{Regions: []string{"us-east-1"}, AllVersions: true})); n != 3 {
		t.Errorf("with --all-versions: %d findings, want 3", n)
	}
}

func TestSweepRetriesThrottling(t *testing.T) {
	f := newFakeAWS(t)
	acct, _ := badAccount(rulestest.Rand(3))
	f.addAccount("222222222222", "AKIDBAD", acct)
	f.throttle["ListSecrets"] = 1
	f.throttle["GetAccountAuthorizationDetails"] = 1
	res := sweep(t, testConfig(t, f, "AKIDBAD"), Options{Policies: fakePolicies{}, Regions: []string{"us-east-1"}})
	if got := f.count("secretsmanager.ListSecrets"); got != 2 {
		t.Errorf("ListSecrets called %d times, want 2 (throttled, then retried)", got)
	}
	if got := f.count("iam.GetAccountAuthorizationDetails"); got != 2 {
		t.Errorf("GetAccountAuthorizationDetails called %d times, want 2", got)
	}
	if !has(res, "aws-secretsmanager-rotation-disabled", "secret:prod/db") || !has(res, "fake-iam-read-all-secrets", "ci-deployer") {
		t.Errorf("throttled services not swept after retry:\n%s", describe(res))
	}
	for _, n := range res.Notices {
		if n.Level == finding.LevelError {
			t.Errorf("a retried throttle left a notice: %s", n.Message)
		}
	}
}

func TestSweepPartialFailure(t *testing.T) {
	f := newFakeAWS(t)
	acct, _ := badAccount(rulestest.Rand(4))
	f.addAccount("222222222222", "AKIDBAD", acct)
	f.deny["lambda"] = true
	f.deny["iam"] = true
	res := sweep(t, testConfig(t, f, "AKIDBAD"), Options{Policies: fakePolicies{}, Regions: []string{"us-east-1", "eu-west-1"}})
	var errs []string
	for _, n := range res.Notices {
		if n.Level == finding.LevelError {
			errs = append(errs, n.Message)
		}
	}
	for _, want := range []string{
		"account 222222222222, region us-east-1, service lambda: not fully swept: ListFunctions: AccessDeniedException",
		"account 222222222222, region eu-west-1, service lambda",
		"account 222222222222, service iam: not fully swept: GetAccountAuthorizationDetails: AccessDenied",
	} {
		if !slices.ContainsFunc(errs, func(m string) bool { return strings.Contains(m, want) }) {
			t.Errorf("no error notice %q; notices: %q", want, errs)
		}
	}
	if len(errs) != 3 {
		t.Errorf("%d error notices, want 3: %q", len(errs), errs)
	}
	// The other services were still swept.
	if !has(res, "aws-ssm-plaintext-secret", "prod/db/password") || !has(res, "aws-kms-key-pending-deletion-in-use", "key-doomed") {
		t.Errorf("the sweep stopped at the denied service:\n%s", describe(res))
	}
	if has(res, "aws-lambda-env-secret-name", "") {
		t.Error("findings from a denied service")
	}
}

func TestSweepSSMValuesDenied(t *testing.T) {
	f := newFakeAWS(t)
	r := rulestest.Rand(5)
	f.addAccount("222222222222", "AKIDS", &fakeAccount{
		params: []fakeParam{
			{name: "/prod/db/password", typ: "String", value: "pw-" + rulestest.String(r, "abcdefghijkmnpqrstuvwxyz", 16)},
			{name: "/prod/log-level", typ: "String", value: "info"},
		},
		trails: []fakeTrail{{name: "t", multiRegion: true, validation: true, logging: true, readWrite: "All"}},
	})
	f.deny["ssm.GetParameters"] = true
	res := sweep(t, testConfig(t, f, "AKIDS"), Options{Regions: []string{"us-east-1"}})
	if !has(res, "aws-ssm-plaintext-secret", "prod/db/password") {
		t.Errorf("name-only check missing:\n%s", describe(res))
	}
	if has(res, "aws-ssm-plaintext-secret", "log-level") {
		t.Error("log-level reported")
	}
	if !slices.ContainsFunc(res.Notices, func(n finding.Notice) bool {
		return n.Level == finding.LevelWarning && strings.Contains(n.Message, "checked by name only")
	}) {
		t.Errorf("no note that values were not read:\n%s", describe(res))
	}
}

// TestSweepCallCount measures the API calls a sweep of a 500-function
// account makes: one ListFunctions call per page of 50, none per function.
func TestSweepCallCount(t *testing.T) {
	f := newFakeAWS(t)
	acct := &fakeAccount{trails: []fakeTrail{{name: "t", multiRegion: true, validation: true, logging: true, readWrite: "All"}}}
	for i := range 500 {
		acct.functions = append(acct.functions, fakeFunction{name: fmt.Sprintf("fn-%03d", i), kmsKey: "k", env: map[string]string{"LOG_LEVEL": "info"}})
	}
	f.addAccount("222222222222", "AKIDN", acct)
	res := sweep(t, testConfig(t, f, "AKIDN"), Options{Regions: []string{"us-east-1"}, Policies: fakePolicies{}})
	if got := f.count("lambda.ListFunctions"); got != 10 {
		t.Errorf("ListFunctions called %d times for 500 functions, want 10", got)
	}
	lambdaCalls := 0
	for op, n := range f.calls {
		if strings.HasPrefix(op, "lambda.") {
			lambdaCalls += n
		}
	}
	if lambdaCalls != 10 {
		t.Errorf("%d Lambda calls, want 10: %v", lambdaCalls, f.calls)
	}
	if res.Resources < 500 {
		t.Errorf("%d resources counted", res.Resources)
	}
	t.Logf("API calls for a 500-function account in one region: %d in all (%v)", f.total(), f.calls)
}

func TestSweepOrganization(t *testing.T) {
	f := newFakeAWS(t)
	bad, _ := badAccount(rulestest.Rand(6))
	f.addAccount("111111111111", "AKIDMGMT", goodAccount())
	f.addAccount("222222222222", "ASSUMED222222222222", bad)
	f.addAccount("333333333333", "ASSUMED333333333333", goodAccount())
	f.addAccount("444444444444", "ASSUMED444444444444", bad)
	f.org = []fakeOrgAccount{{"111111111111", "management"}, {"222222222222", "prod"}, {"333333333333", "dev"}, {"444444444444", "sandbox"}}
	res := sweep(t, testConfig(t, f, "AKIDMGMT"), Options{
		Regions: []string{"us-east-1"}, OrgRole: "KeysweepAudit", Accounts: []string{"222222222222", "333333333333", "555555555555"},
		Policies: fakePolicies{},
	})
	if got := f.count("sts.AssumeRole"); got != 2 {
		t.Errorf("AssumeRole called %d times, want 2", got)
	}
	if !slices.Equal(res.Accounts, []string{"222222222222", "333333333333"}) {
		t.Errorf("accounts swept: %v", res.Accounts)
	}
	if !has(res, "aws-kms-key-pending-deletion-in-use", ":222222222222:key/key-doomed") {
		t.Errorf("account 222222222222 not swept:\n%s", describe(res))
	}
	if has(res, "aws-kms-key-pending-deletion-in-use", ":444444444444:") {
		t.Error("account 444444444444 swept though --accounts left it out")
	}
	if !slices.ContainsFunc(res.Notices, func(n finding.Notice) bool {
		return n.Level == finding.LevelError && strings.Contains(n.Message, "account 555555555555: not swept")
	}) {
		t.Errorf("no notice for the account not in the organization:\n%s", describe(res))
	}
}
