package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
	"github.com/keysweep/keysweep/rules/iampolicy"
)

type iamFlags struct {
	report reportFlags
	config string
}

func newIAMCmd() *cobra.Command {
	var f iamFlags
	cmd := &cobra.Command{
		Use:   "iam FILE...",
		Short: "Check IAM policies, Terraform and CloudFormation for over-broad access to secrets",
		Long: `Check IAM policy documents for who can read every secret: secretsmanager:GetSecretValue,
ssm:GetParameter* and kms:Decrypt on every resource (through wildcards such as
secretsmanager:Get* or *, NotAction or NotResource), service wildcards
(secretsmanager:*, kms:*, ssm:*), full admin, Allow with NotAction or
NotResource, and resource policies (secret policies, key policies, trust
policies) open to anyone or to other accounts without a restricting condition.

Each FILE is recognised by its content, whatever its name: a JSON policy
document, a Terraform file (*.tf: aws_iam_policy, aws_iam_*_policy,
aws_iam_policy_document, aws_kms_key, aws_secretsmanager_secret_policy,
aws_iam_role), a CloudFormation or SAM template (YAML or JSON), or the output
of "aws iam get-account-authorization-details". Lambda environment variables
in templates are checked for literal secrets, and the content rules run on
every file too. "keysweep scan" runs the same checks on the files it walks.

A named file that is none of these, or does not parse, makes the run
incomplete (exit 2).`,
		Example: `  keysweep iam policy.json
  keysweep iam infra/*.tf template.yaml --format sarif -o iam.sarif
  aws iam get-account-authorization-details > auth.json && keysweep iam auth.json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runIAM(cmd, args, &f)
		},
	}
	f.report.register(cmd)
	cmd.Flags().StringVarP(&f.config, "config", "c", "", "rule configuration `FILE` (keysweep or gitleaks TOML)")
	return cmd
}

func runIAM(cmd *cobra.Command, args []string, f *iamFlags) error {
	if err := f.report.validate(); err != nil {
		return err
	}
	filter, err := f.report.filter(".")
	if err != nil {
		return err
	}
	engine, err := loadEngine(f.config, ".")
	if err != nil {
		return err
	}
	check := iampolicy.NewFileCheck(engine)
	r := newReport(args)
	for _, arg := range args {
		if err := cmd.Context().Err(); err != nil {
			return err
		}
		content, loc, err := readIAMInput(cmd, arg)
		if err != nil {
			r.Notices = append(r.Notices, finding.Notice{Level: finding.LevelError, Path: arg, Message: "cannot read: " + err.Error()})
			continue
		}
		r.Stats.Files++
		r.Stats.Bytes += int64(len(content))
		res := engine.Scan(rules.Chunk{Data: content, Location: loc})
		r.Findings = append(r.Findings, res.Findings...)
		r.Stats.Suppressed += int64(res.Suppressed)
		if !iampolicy.Recognize(content, loc.Path) {
			r.Notices = append(r.Notices, finding.Notice{Level: finding.LevelError, Path: loc.Path,
				Message: "not an IAM policy, Terraform file, CloudFormation or SAM template, or authorization details: not checked"})
			continue
		}
		fs, err := check.Check(cmd.Context(), content, loc)
		r.Findings = append(r.Findings, fs...)
		if err != nil {
			r.Notices = append(r.Notices, finding.Notice{Level: finding.LevelError, Path: loc.Path, Message: "iam check not completed: " + err.Error()})
		}
	}
	return f.report.finish(cmd, r, filter, engine.Rules())
}

// readIAMInput reads a named file, or standard input for "-".
func readIAMInput(cmd *cobra.Command, arg string) ([]byte, finding.Location, error) {
	if arg == "-" {
		data, err := io.ReadAll(cmd.InOrStdin())
		return data, finding.Location{Kind: finding.KindStdin, Path: "-"}, err
	}
	p := filepath.ToSlash(arg)
	loc := finding.Location{Kind: finding.KindFile, Path: p, Key: filepath.ToSlash(filepath.Clean(arg))}
	st, err := os.Stat(arg)
	if err != nil {
		return nil, loc, err
	}
	if !st.Mode().IsRegular() {
		return nil, loc, fmt.Errorf("not a regular file")
	}
	data, err := os.ReadFile(arg)
	return data, loc, err
}
