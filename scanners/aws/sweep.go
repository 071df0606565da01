package aws

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
	"golang.org/x/sync/errgroup"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
)

// PolicyAnalyzer analyses IAM policy documents: identity policies of
// users, groups and roles, and resource policies of secrets and KMS keys.
// Package rules/iampolicy's Analyzer implements it.
type PolicyAnalyzer interface {
	// IdentityPolicy analyses a policy attached to a principal; loc names
	// the principal and the policy.
	IdentityPolicy(doc []byte, loc finding.Location) ([]finding.Finding, error)
	// ResourcePolicy analyses the policy of a resource of the given kind
	// ("secret" or "kms-key") that belongs to account.
	ResourcePolicy(doc []byte, kind, account string, loc finding.Location) ([]finding.Finding, error)
}

// DefaultRegions returns the regions that AWS enables in every account,
// swept when no region is named and the enabled regions cannot be listed.
func DefaultRegions() []string {
	return []string{
		"us-east-1", "us-east-2", "us-west-1", "us-west-2",
		"ca-central-1", "sa-east-1",
		"eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1",
		"ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
		"ap-southeast-1", "ap-southeast-2",
	}
}

// Options configure a sweep.
type Options struct {
	// Config is the base AWS configuration (credentials, retryer,
	// endpoints), as config.LoadDefaultConfig returns it. Required.
	Config aws.Config
	// Regions to sweep. The default is the regions enabled in the
	// caller's account (account:ListRegions), else DefaultRegions with a
	// warning notice that opt-in regions were not swept.
	Regions []string
	// AllVersions also sweeps published Lambda versions, not only
	// $LATEST. The default is false.
	AllVersions bool
	// MaxSecretAge is the longest a Secrets Manager secret may go without
	// rotation. The default is 90 days.
	MaxSecretAge time.Duration
	// StaleAfter is how long a secret may go unread before it is reported
	// as stale. The default is 90 days.
	StaleAfter time.Duration
	// OrgRole, when set, sweeps every active account of the organization
	// by assuming this role name in each. The default is to sweep only
	// the account of Config's credentials.
	OrgRole string
	// Accounts limits an organization sweep to these account IDs. The
	// default is every active account.
	Accounts []string
	// Policies analyses IAM, secret and key policies. When nil, policies
	// are not analysed and a warning notice says so.
	Policies PolicyAnalyzer
	// Concurrency bounds the service × region × account tasks run at
	// once. The default is 8.
	Concurrency int
	// Now returns the current time. The default is time.Now.
	Now func() time.Time
}

// Result is what a sweep found.
type Result struct {
	Findings []finding.Finding
	// Notices name what could not be swept (account, region, service)
	// and what was skipped by design.
	Notices []finding.Notice
	// Accounts and Regions are the account IDs and regions swept.
	Accounts []string
	Regions  []string
	// Resources counts the resources examined.
	Resources int
}

// Sweeper sweeps AWS accounts. It is safe for concurrent use.
type Sweeper struct {
	engine *rules.Engine
	opts   Options
}

// New returns a Sweeper that reports with engine's catalog and content
// rules.
func New(engine *rules.Engine, opts Options) *Sweeper {
	if opts.MaxSecretAge <= 0 {
		opts.MaxSecretAge = 90 * 24 * time.Hour
	}
	if opts.StaleAfter <= 0 {
		opts.StaleAfter = 90 * 24 * time.Hour
	}
	if opts.Concurrency <= 0 {
		opts.Concurrency = 8
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Sweeper{engine: engine, opts: opts}
}

// account is one account to sweep and the configuration to reach it.
type account struct {
	id, name  string
	partition string
	cfg       aws.Config
}

// run is the state of one sweep, shared by its tasks.
type run struct {
	s       *Sweeper
	mu      sync.Mutex
	res     Result
	stages  *stageIndex
	keyRefs map[string]*regionRefs // account/region → KMS key references
}

// Sweep sweeps the accounts and regions the options name. It returns an
// error only when nothing could be swept (no credentials, say); what
// failed for one account, region or service is a notice in the result.
func (s *Sweeper) Sweep(ctx context.Context) (*Result, error) {
	r := &run{s: s, stages: newStageIndex(), keyRefs: map[string]*regionRefs{}}
	regions := s.opts.Regions
	if len(regions) == 0 {
		var err error
		regions, err = enabledRegions(ctx, s.opts.Config)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			regions = DefaultRegions()
			r.notice(finding.LevelWarning, fmt.Sprintf("enabled regions not listed (%v): swept the %d regions AWS enables by default; name opt-in regions with --region", err, len(regions)))
		}
	}
	if s.opts.Policies == nil {
		r.notice(finding.LevelWarning, "IAM, secret and key policies were not analysed (no policy analyzer)")
	}
	accounts, err := r.accounts(ctx)
	if err != nil {
		return nil, err
	}
	r.res.Regions = regions
	for _, a := range accounts {
		r.res.Accounts = append(r.res.Accounts, a.id)
		for _, region := range regions {
			r.keyRefs[a.id+"/"+region] = newRegionRefs()
		}
	}

	// Phase one: everything but KMS, which needs to know which keys the
	// other services use.
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(s.opts.Concurrency)
	for _, a := range accounts {
		home := regions[0]
		r.task(g, gctx, a, "", "iam", r.sweepIAM)
		r.task(g, gctx, a, home, "cloudtrail", r.sweepCloudTrail)
		for _, region := range regions {
			r.task(g, gctx, a, region, "lambda", r.sweepLambda)
			r.task(g, gctx, a, region, "secretsmanager", r.sweepSecrets)
			r.task(g, gctx, a, region, "ssm", r.sweepSSM)
		}
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	g, gctx = errgroup.WithContext(ctx)
	g.SetLimit(s.opts.Concurrency)
	for _, a := range accounts {
		for _, region := range regions {
			r.task(g, gctx, a, region, "kms", r.sweepKMS)
		}
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	r.res.Findings = append(r.res.Findings, r.stages.findings(s.engine)...)
	slices.SortStableFunc(r.res.Findings, finding.Compare)
	slices.SortStableFunc(r.res.Notices, func(a, b finding.Notice) int {
		return cmp.Or(cmp.Compare(a.Level, b.Level), cmp.Compare(a.Message, b.Message))
	})
	return &r.res, nil
}

// task runs one service's sweep of one account and region in the pool. A
// failure becomes an error notice; only a cancelled context stops the
// sweep.
func (r *run) task(g *errgroup.Group, ctx context.Context, a *account, region, service string, fn func(context.Context, *account, string) error) {
	g.Go(func() error {
		err := fn(ctx, a, region)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		r.failed(a, region, service, err)
		return nil
	})
}

// failed records that a service could not be (fully) swept.
func (r *run) failed(a *account, region, service string, err error) {
	where := "account " + a.id
	if region != "" {
		where += ", region " + region
	}
	r.notice(finding.LevelError, fmt.Sprintf("%s, service %s: not fully swept: %s", where, service, describeError(err)))
}

func (r *run) notice(level finding.Level, msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.res.Notices = append(r.res.Notices, finding.Notice{Level: level, Message: msg})
}

// emit records findings and counts a resource examined.
func (r *run) emit(resources int, fs ...finding.Finding) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.res.Findings = append(r.res.Findings, fs...)
	r.res.Resources += resources
}

// report makes and records the finding of an aws check rule.
func (r *run) report(id string, loc finding.Location, message, secret string) {
	if f, ok := r.s.engine.Report(id, loc, message, secret); ok {
		r.emit(0, f)
	}
}

// refs returns the KMS key references of one account and region.
func (r *run) refs(a *account, region string) *regionRefs {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.keyRefs[a.id+"/"+region]
}

// describeError says what went wrong in an AWS call without the request's
// details: the operation and the service's error code and message, which
// name resources and permissions, never secret values.
func describeError(err error) string {
	var op *smithy.OperationError
	var api smithy.APIError
	switch {
	case errors.As(err, &api) && errors.As(err, &op):
		return fmt.Sprintf("%s: %s: %s", op.Operation(), api.ErrorCode(), api.ErrorMessage())
	case errors.As(err, &api):
		return fmt.Sprintf("%s: %s", api.ErrorCode(), api.ErrorMessage())
	default:
		return err.Error()
	}
}

// accessDenied reports whether err is the service refusing the caller.
func accessDenied(err error) bool {
	var api smithy.APIError
	if !errors.As(err, &api) {
		return false
	}
	code := api.ErrorCode()
	return strings.Contains(code, "AccessDenied") || code == "UnauthorizedOperation" ||
		code == "AuthorizationError" || code == "UnauthorizedException"
}

// accounts returns the accounts to sweep: the caller's, or every active
// account of the organization reached through OrgRole.
func (r *run) accounts(ctx context.Context) ([]*account, error) {
	base := r.s.opts.Config
	id, err := sts.NewFromConfig(base).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return nil, fmt.Errorf("identifying the caller (sts:GetCallerIdentity): %s", describeError(err))
	}
	partition := "aws"
	if _, _, _, ok := arnParts(aws.ToString(id.Arn)); ok {
		partition = strings.SplitN(aws.ToString(id.Arn), ":", 3)[1]
	}
	self := &account{id: aws.ToString(id.Account), partition: partition, cfg: base}
	if r.s.opts.OrgRole == "" {
		return []*account{self}, nil
	}
	org := organizations.NewFromConfig(base)
	var listed []orgtypes.Account
	p := organizations.NewListAccountsPaginator(org, &organizations.ListAccountsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("listing the organization's accounts (organizations:ListAccounts): %s", describeError(err))
		}
		listed = append(listed, page.Accounts...)
	}
	want := map[string]bool{}
	for _, a := range r.s.opts.Accounts {
		want[strings.TrimSpace(a)] = true
	}
	stsClient := sts.NewFromConfig(base)
	var out []*account
	var mu sync.Mutex
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(r.s.opts.Concurrency)
	for _, la := range listed {
		accID := aws.ToString(la.Id)
		if len(want) > 0 && !want[accID] {
			continue
		}
		if la.Status != "" && la.Status != orgtypes.AccountStatusActive {
			continue
		}
		delete(want, accID)
		a := &account{id: accID, name: aws.ToString(la.Name), partition: partition, cfg: base.Copy()}
		if accID != self.id {
			roleARN := fmt.Sprintf("arn:%s:iam::%s:role/%s", partition, accID, r.s.opts.OrgRole)
			a.cfg.Credentials = aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(stsClient, roleARN, func(o *stscreds.AssumeRoleOptions) {
				o.RoleSessionName = "keysweep-sweep"
			}))
		}
		g.Go(func() error {
			// Assume the role now, so an account that cannot be reached is
			// one notice rather than one per service and region.
			if _, err := a.cfg.Credentials.Retrieve(gctx); err != nil {
				if gctx.Err() != nil {
					return gctx.Err()
				}
				r.notice(finding.LevelError, fmt.Sprintf("account %s: not swept: assuming role %s failed: %s", accID, r.s.opts.OrgRole, describeError(err)))
				return nil
			}
			mu.Lock()
			out = append(out, a)
			mu.Unlock()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	for accID := range want {
		r.notice(finding.LevelError, fmt.Sprintf("account %s: not swept: not an active account of the organization", accID))
	}
	slices.SortFunc(out, func(a, b *account) int { return cmp.Compare(a.id, b.id) })
	return out, nil
}

// resourceLoc is the location of a finding in a cloud resource.
func resourceLoc(arn, field string) finding.Location {
	return finding.Location{Kind: finding.KindResource, Resource: arn, Field: field}
}
