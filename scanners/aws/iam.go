package aws

import (
	"context"
	"fmt"
	"net/url"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"

	"github.com/keysweep/keysweep/finding"
)

// sweepIAM runs the policy analyzer over every identity policy of the
// account, inline and attached, of every user, group and role, as
// GetAccountAuthorizationDetails lists them (paginated, up to 1000 items a
// call). IAM is global: it is swept once per account.
func (r *run) sweepIAM(ctx context.Context, a *account, _ string) error {
	if r.s.opts.Policies == nil {
		return nil
	}
	client := iam.NewFromConfig(a.cfg, func(o *iam.Options) {
		if o.Region == "" {
			o.Region = "us-east-1"
		}
	})
	managed := map[string]string{} // policy ARN → default version's document
	type principal struct {
		kind, name, arn string
		inline          []iamtypes.PolicyDetail
		attached        []iamtypes.AttachedPolicy
	}
	var principals []principal
	p := iam.NewGetAccountAuthorizationDetailsPaginator(client, &iam.GetAccountAuthorizationDetailsInput{MaxItems: aws.Int32(1000)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, u := range page.UserDetailList {
			principals = append(principals, principal{"user", aws.ToString(u.UserName), aws.ToString(u.Arn), u.UserPolicyList, u.AttachedManagedPolicies})
		}
		for _, g := range page.GroupDetailList {
			principals = append(principals, principal{"group", aws.ToString(g.GroupName), aws.ToString(g.Arn), g.GroupPolicyList, g.AttachedManagedPolicies})
		}
		for _, ro := range page.RoleDetailList {
			principals = append(principals, principal{"role", aws.ToString(ro.RoleName), aws.ToString(ro.Arn), ro.RolePolicyList, ro.AttachedManagedPolicies})
		}
		for _, mp := range page.Policies {
			for _, v := range mp.PolicyVersionList {
				if v.IsDefaultVersion {
					managed[aws.ToString(mp.Arn)] = aws.ToString(v.Document)
				}
			}
		}
	}
	for _, pr := range principals {
		r.emit(1)
		for _, pol := range pr.inline {
			name := aws.ToString(pol.PolicyName)
			r.identityPolicy(a, pr.kind, pr.name, "inline policy "+name, aws.ToString(pol.PolicyDocument), resourceLoc(pr.arn, "InlinePolicy."+name))
		}
		for _, ap := range pr.attached {
			parn := aws.ToString(ap.PolicyArn)
			doc, ok := managed[parn]
			if !ok {
				continue // AWS managed policies are listed only with a filter; their documents are AWS's
			}
			r.identityPolicy(a, pr.kind, pr.name, "managed policy "+aws.ToString(ap.PolicyName), doc, resourceLoc(pr.arn, "AttachedPolicy."+parn))
		}
	}
	return nil
}

// identityPolicy analyses one policy document of a principal and names the
// principal and the policy in each finding's message.
func (r *run) identityPolicy(a *account, kind, name, via, encoded string, loc finding.Location) {
	doc, err := url.PathUnescape(encoded)
	if err != nil {
		doc = encoded // not URL-encoded (some emulators)
	}
	fs, err := r.s.opts.Policies.IdentityPolicy([]byte(doc), loc)
	for i := range fs {
		fs[i].Message = fmt.Sprintf("%s %s, via %s: %s", kind, name, via, fs[i].Message)
	}
	r.emit(0, fs...)
	if err != nil {
		r.notice(finding.LevelError, fmt.Sprintf("account %s, %s %s: %s not analysed: %v", a.id, kind, name, via, err))
	}
}
