package aws

import (
	"context"
	"fmt"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
)

// sweepLambda scans the environment variables of every function of a
// region (and of every published version with AllVersions). ListFunctions
// returns each function's configuration with its environment, so the
// sweep makes one call per page of 50 functions and none per function.
func (r *run) sweepLambda(ctx context.Context, a *account, region string) error {
	client := lambda.NewFromConfig(a.cfg, func(o *lambda.Options) { o.Region = region })
	in := &lambda.ListFunctionsInput{MaxItems: aws.Int32(50)}
	if r.s.opts.AllVersions {
		in.FunctionVersion = lambdatypes.FunctionVersionAll
	}
	p := lambda.NewListFunctionsPaginator(client, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		for i := range page.Functions {
			r.lambdaFunction(a, region, &page.Functions[i])
		}
	}
	return nil
}

// lambdaFunction checks one function configuration's environment.
func (r *run) lambdaFunction(a *account, region string, fn *lambdatypes.FunctionConfiguration) {
	arn := aws.ToString(fn.FunctionArn)
	r.emit(1)
	if fn.KMSKeyArn != nil {
		r.refs(a, region).add(keyRef(*fn.KMSKeyArn), arn)
	}
	if fn.Environment == nil || len(fn.Environment.Variables) == 0 {
		return
	}
	if fn.KMSKeyArn == nil {
		r.report("aws-lambda-env-no-cmk", resourceLoc(arn, "Environment"),
			fmt.Sprintf("function %s keeps %d environment variables encrypted only with the AWS managed key", aws.ToString(fn.FunctionName), len(fn.Environment.Variables)), "")
	}
	stage := stageOf(nil, aws.ToString(fn.FunctionName), a.name)
	names := make([]string, 0, len(fn.Environment.Variables))
	for name := range fn.Environment.Variables {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		value := fn.Environment.Variables[name]
		loc := resourceLoc(arn, "Environment.Variables."+name)
		r.value(loc, stage, name, value, "aws-lambda-env-secret-name",
			fmt.Sprintf("environment variable %s of function %s holds a literal value under a secret-looking name", name, aws.ToString(fn.FunctionName)))
	}
}

// value runs the content rules over one value held by a resource; when
// none matches and the name looks secret and the value literal, it
// reports nameRule. Each secret found is indexed by stage.
func (r *run) value(loc finding.Location, stage, name, value, nameRule, nameMessage string) {
	if value == "" {
		return
	}
	res := r.s.engine.Scan(rules.Chunk{Data: []byte(value), Location: loc})
	fs := res.Findings
	if len(fs) == 0 && secretName(name) && literalValue(value) {
		if f, ok := r.s.engine.Report(nameRule, loc, nameMessage, value); ok {
			fs = append(fs, f)
		}
	}
	hasher := r.s.engine.Hasher()
	for i := range fs {
		// Content findings in a cloud resource carry no line.
		fs[i].Location.StartLine, fs[i].Location.StartColumn = 0, 0
		fs[i].Location.EndLine, fs[i].Location.EndColumn = 0, 0
		if fs[i].Secret != "" {
			r.stages.add(hasher.SecretHash(fs[i].Secret), stage, loc)
		}
	}
	r.emit(0, fs...)
}
