package aws

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/keysweep/keysweep/finding"
)

// ssmBatch is the most names one GetParameters call takes.
const ssmBatch = 10

// sweepSSM checks Parameter Store: String and StringList parameters whose
// name looks secret or whose value matches a secret rule, and the KMS keys
// SecureString parameters use. Values are read with GetParameters, ten
// names a call, without decryption; when that is denied, names alone are
// checked and a warning says so.
func (r *run) sweepSSM(ctx context.Context, a *account, region string) error {
	client := ssm.NewFromConfig(a.cfg, func(o *ssm.Options) { o.Region = region })
	p := ssm.NewDescribeParametersPaginator(client, &ssm.DescribeParametersInput{MaxResults: aws.Int32(50)})
	var plain []ssmtypes.ParameterMetadata
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, pm := range page.Parameters {
			r.emit(1)
			switch pm.Type {
			case ssmtypes.ParameterTypeSecureString:
				ref := keyRef(aws.ToString(pm.KeyId))
				if ref == "" {
					ref = "alias/aws/ssm"
				}
				r.refs(a, region).add(ref, paramARN(a, region, &pm))
			case ssmtypes.ParameterTypeString, ssmtypes.ParameterTypeStringList:
				plain = append(plain, pm)
			}
		}
	}
	for start := 0; start < len(plain); start += ssmBatch {
		batch := plain[start:min(start+ssmBatch, len(plain))]
		names := make([]string, len(batch))
		for i := range batch {
			names[i] = aws.ToString(batch[i].Name)
		}
		out, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: names, WithDecryption: aws.Bool(false)})
		if err != nil {
			if !accessDenied(err) {
				return err
			}
			r.notice(finding.LevelWarning, fmt.Sprintf("account %s, region %s, service ssm: values of String parameters not read (%s); checked by name only", a.id, region, describeError(err)))
			for i := range plain[start:] {
				r.paramByName(a, region, &plain[start+i])
			}
			return nil
		}
		for _, prm := range out.Parameters {
			r.param(a, region, &prm)
		}
	}
	return nil
}

// param checks one String or StringList parameter's value.
func (r *run) param(a *account, region string, p *ssmtypes.Parameter) {
	arn := aws.ToString(p.ARN)
	if arn == "" {
		arn = paramARN(a, region, &ssmtypes.ParameterMetadata{Name: p.Name})
	}
	name := aws.ToString(p.Name)
	r.value(resourceLoc(arn, "Value"), stageOf(nil, name, a.name), name, aws.ToString(p.Value), "aws-ssm-plaintext-secret",
		fmt.Sprintf("parameter %s of type %s holds a literal value under a secret-looking name; use a SecureString", name, p.Type))
}

// paramByName reports a String parameter with a secret-looking name whose
// value could not be read.
func (r *run) paramByName(a *account, region string, pm *ssmtypes.ParameterMetadata) {
	name := aws.ToString(pm.Name)
	if !secretName(name) {
		return
	}
	r.report("aws-ssm-plaintext-secret", resourceLoc(paramARN(a, region, pm), "Value"),
		fmt.Sprintf("parameter %s of type %s has a secret-looking name (value not read: ssm:GetParameters denied); use a SecureString", name, pm.Type), "")
}

// paramARN returns a parameter's ARN: DescribeParameters gives it, and
// older emulators do not.
func paramARN(a *account, region string, pm *ssmtypes.ParameterMetadata) string {
	if pm.ARN != nil {
		return *pm.ARN
	}
	name := aws.ToString(pm.Name)
	if len(name) > 0 && name[0] != '/' {
		name = "/" + name
	}
	return fmt.Sprintf("arn:%s:ssm:%s:%s:parameter%s", a.partition, region, a.id, name)
}
