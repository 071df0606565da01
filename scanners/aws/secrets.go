package aws

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/keysweep/keysweep/finding"
)

// regionRefs records which resources of one account and region use which
// KMS keys, by key ID or alias name.
type regionRefs struct {
	mu   sync.Mutex
	refs map[string][]string
}

func newRegionRefs() *regionRefs { return &regionRefs{refs: map[string][]string{}} }

func (x *regionRefs) add(ref, resource string) {
	if x == nil || ref == "" {
		return
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	x.refs[ref] = append(x.refs[ref], resource)
}

func (x *regionRefs) users(refs ...string) []string {
	if x == nil {
		return nil
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	var out []string
	for _, ref := range refs {
		out = append(out, x.refs[ref]...)
	}
	return out
}

// sweepSecrets checks the rotation, use, encryption and resource policy
// of every secret of a region. ListSecrets carries everything but the
// resource policy, which costs one GetResourcePolicy call per secret (only
// when a policy analyzer is set).
func (r *run) sweepSecrets(ctx context.Context, a *account, region string) error {
	client := secretsmanager.NewFromConfig(a.cfg, func(o *secretsmanager.Options) { o.Region = region })
	p := secretsmanager.NewListSecretsPaginator(client, &secretsmanager.ListSecretsInput{MaxResults: aws.Int32(100)})
	var policyErr error
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		for i := range page.SecretList {
			s := &page.SecretList[i]
			r.secret(a, region, s)
			if r.s.opts.Policies == nil || policyErr != nil {
				continue
			}
			if err := r.secretPolicy(ctx, client, a, s); err != nil {
				if ctx.Err() != nil {
					return err
				}
				// Keep going: the other checks need no policy. One
				// notice per region is enough.
				policyErr = err
			}
		}
	}
	if policyErr != nil {
		return fmt.Errorf("resource policies not read: %w", policyErr)
	}
	return nil
}

// secret checks one secret's listing.
func (r *run) secret(a *account, region string, s *smtypes.SecretListEntry) {
	r.emit(1)
	arn := aws.ToString(s.ARN)
	name := aws.ToString(s.Name)
	now := r.s.opts.Now()
	lastChanged := firstTime(s.LastRotatedDate, s.CreatedDate)
	switch {
	case !aws.ToBool(s.RotationEnabled):
		msg := fmt.Sprintf("secret %s is never rotated automatically", name)
		if !lastChanged.IsZero() {
			msg += fmt.Sprintf("; last rotated or created %s", on(lastChanged))
		}
		r.report("aws-secretsmanager-rotation-disabled", resourceLoc(arn, "RotationEnabled"), msg, "")
	case !lastChanged.IsZero():
		limit := r.s.opts.MaxSecretAge
		if s.RotationRules != nil {
			if days := aws.ToInt64(s.RotationRules.AutomaticallyAfterDays); days > 0 {
				limit = min(limit, time.Duration(days)*24*time.Hour)
			} else if d, ok := rateInterval(aws.ToString(s.RotationRules.ScheduleExpression)); ok {
				limit = min(limit, d)
			}
		}
		// A day's grace: rotation runs in a window, not at an instant.
		if now.Sub(lastChanged) > limit+24*time.Hour {
			r.report("aws-secretsmanager-rotation-overdue", resourceLoc(arn, "LastRotatedDate"),
				fmt.Sprintf("secret %s was last rotated %s, past its rotation period of %d days", name, on(lastChanged), int(limit.Hours()/24)), "")
		}
	}
	switch {
	case s.LastAccessedDate != nil && now.Sub(*s.LastAccessedDate) > r.s.opts.StaleAfter:
		r.report("aws-secretsmanager-stale", resourceLoc(arn, "LastAccessedDate"),
			fmt.Sprintf("secret %s was last read %s", name, on(*s.LastAccessedDate)), "")
	case s.LastAccessedDate == nil && s.CreatedDate != nil && now.Sub(*s.CreatedDate) > r.s.opts.StaleAfter:
		r.report("aws-secretsmanager-stale", resourceLoc(arn, "LastAccessedDate"),
			fmt.Sprintf("secret %s has never been read since it was created %s", name, on(*s.CreatedDate)), "")
	}
	ref := keyRef(aws.ToString(s.KmsKeyId))
	if ref == "" || ref == "alias/aws/secretsmanager" {
		r.report("aws-secretsmanager-aws-managed-key", resourceLoc(arn, "KmsKeyId"),
			fmt.Sprintf("secret %s is encrypted with the AWS managed key aws/secretsmanager", name), "")
	} else {
		r.refs(a, region).add(ref, arn)
	}
}

// secretPolicy analyses one secret's resource policy, if it has one.
func (r *run) secretPolicy(ctx context.Context, client *secretsmanager.Client, a *account, s *smtypes.SecretListEntry) error {
	out, err := client.GetResourcePolicy(ctx, &secretsmanager.GetResourcePolicyInput{SecretId: s.ARN})
	if err != nil {
		return err
	}
	if out.ResourcePolicy == nil || *out.ResourcePolicy == "" {
		return nil
	}
	fs, err := r.s.opts.Policies.ResourcePolicy([]byte(*out.ResourcePolicy), "secret", a.id, resourceLoc(aws.ToString(s.ARN), "ResourcePolicy"))
	r.emit(0, fs...)
	if err != nil {
		r.notice(finding.LevelError, fmt.Sprintf("account %s, secret %s: resource policy not analysed: %v", a.id, aws.ToString(s.ARN), err))
	}
	return nil
}

func firstTime(ts ...*time.Time) time.Time {
	for _, t := range ts {
		if t != nil && !t.IsZero() {
			return *t
		}
	}
	return time.Time{}
}

// on names the day of t. Messages carry dates, not ages, because the
// fingerprint of a finding without a secret is made from its message and
// must not change from one day's sweep to the next.
func on(t time.Time) string { return "on " + t.UTC().Format(time.DateOnly) }
