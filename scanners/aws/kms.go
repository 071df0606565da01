package aws

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"

	"github.com/keysweep/keysweep/finding"
)

// sweepKMS checks the customer keys of a region: rotation, keys pending
// deletion or disabled that a secret, parameter or function still uses,
// and key policies. The list calls are paginated; DescribeKey,
// GetKeyRotationStatus and GetKeyPolicy are per key, as the API has no
// list that carries them. It runs after the other services, whose key
// references it reads.
func (r *run) sweepKMS(ctx context.Context, a *account, region string) error {
	client := kms.NewFromConfig(a.cfg, func(o *kms.Options) { o.Region = region })
	aliases := map[string][]string{} // key ID → alias names
	ap := kms.NewListAliasesPaginator(client, &kms.ListAliasesInput{Limit: aws.Int32(100)})
	for ap.HasMorePages() {
		page, err := ap.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, al := range page.Aliases {
			if al.TargetKeyId != nil {
				aliases[*al.TargetKeyId] = append(aliases[*al.TargetKeyId], aws.ToString(al.AliasName))
			}
		}
	}
	kp := kms.NewListKeysPaginator(client, &kms.ListKeysInput{Limit: aws.Int32(1000)})
	for kp.HasMorePages() {
		page, err := kp.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, k := range page.Keys {
			if err := r.key(ctx, client, a, region, k, aliases[aws.ToString(k.KeyId)]); err != nil {
				return err
			}
		}
	}
	return nil
}

// key checks one key.
func (r *run) key(ctx context.Context, client *kms.Client, a *account, region string, k kmstypes.KeyListEntry, aliases []string) error {
	r.emit(1)
	desc, err := client.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: k.KeyId})
	if err != nil {
		return err
	}
	md := desc.KeyMetadata
	if md == nil || md.KeyManager != kmstypes.KeyManagerTypeCustomer {
		return nil // AWS managed keys rotate yearly and their policies are AWS's
	}
	id := aws.ToString(md.KeyId)
	arn := cmpOr(aws.ToString(md.Arn), aws.ToString(k.KeyArn))
	label := id
	if len(aliases) > 0 {
		label = fmt.Sprintf("%s (%s)", id, strings.Join(aliases, ", "))
	}
	switch md.KeyState {
	case kmstypes.KeyStatePendingDeletion, kmstypes.KeyStatePendingReplicaDeletion, kmstypes.KeyStateDisabled:
		users := r.refs(a, region).users(append([]string{id}, aliases...)...)
		slices.Sort(users)
		users = slices.Compact(users)
		if len(users) == 0 {
			return nil
		}
		shown := users
		if len(shown) > 5 {
			shown = append(slices.Clone(shown[:5]), fmt.Sprintf("and %d more", len(users)-5))
		}
		if md.KeyState == kmstypes.KeyStateDisabled {
			r.report("aws-kms-key-disabled-in-use", resourceLoc(arn, "KeyState"),
				fmt.Sprintf("key %s is disabled but still encrypts %s: their values cannot be retrieved", label, strings.Join(shown, ", ")), "")
			return nil
		}
		r.report("aws-kms-key-pending-deletion-in-use", resourceLoc(arn, "KeyState"),
			fmt.Sprintf("key %s is pending deletion but still encrypts %s: retrieval will break when the key is deleted", label, strings.Join(shown, ", ")), "")
		return nil
	case kmstypes.KeyStateEnabled:
	default:
		return nil
	}
	if md.KeySpec == kmstypes.KeySpecSymmetricDefault && md.Origin == kmstypes.OriginTypeAwsKms {
		rot, err := client.GetKeyRotationStatus(ctx, &kms.GetKeyRotationStatusInput{KeyId: md.KeyId})
		if err != nil {
			return err
		}
		if !rot.KeyRotationEnabled {
			r.report("aws-kms-rotation-disabled", resourceLoc(arn, "KeyRotationEnabled"),
				fmt.Sprintf("customer managed key %s does not rotate its key material automatically", label), "")
		}
	}
	if r.s.opts.Policies == nil {
		return nil
	}
	pol, err := client.GetKeyPolicy(ctx, &kms.GetKeyPolicyInput{KeyId: md.KeyId, PolicyName: aws.String("default")})
	if err != nil {
		return err
	}
	if pol.Policy == nil {
		return nil
	}
	fs, err := r.s.opts.Policies.ResourcePolicy([]byte(*pol.Policy), "kms-key", a.id, resourceLoc(arn, "KeyPolicy"))
	r.emit(0, fs...)
	if err != nil {
		r.notice(finding.LevelError, fmt.Sprintf("account %s, key %s: key policy not analysed: %v", a.id, arn, err))
	}
	return nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
