package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/spf13/cobra"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules/iampolicy"
	awsscan "github.com/keysweep/keysweep/scanners/aws"
)

type awsFlags struct {
	report       reportFlags
	config       string
	regions      []string
	profile      string
	allVersions  bool
	maxSecretAge string
	orgRole      string
	accounts     []string
	concurrency  int
}

func newAWSCmd() *cobra.Command {
	var f awsFlags
	cmd := &cobra.Command{
		Use:   "aws",
		Short: "Sweep a live AWS account (or organization) for secrets and the misconfigurations that expose them",
		Long: `Sweep an AWS account, read-only: Lambda environment variables (through every
secret rule), IAM policies that can read every secret, Secrets Manager
rotation, use, keys and resource policies, SSM String parameters holding
secrets, KMS keys (rotation, keys pending deletion or disabled that are still
used, key policies), CloudTrail coverage, and the same secret used in
different stages (compared by keyed hash).

Credentials and endpoints come from the standard AWS configuration chain
(environment, shared config and credentials files, --profile, SSO, web
identity, instance and container roles, AWS_ENDPOINT_URL and the
service-specific endpoint settings). docs/aws-sweep-policy.json is the
least-privilege policy the sweep needs.

A service or region that could not be swept (AccessDenied, say) is reported
as an error, the sweep goes on, and the exit code is 2 unless
--allow-partial.`,
		Example: `  keysweep aws --region eu-west-1 --region us-east-1
  keysweep aws --profile audit --format sarif -o aws.sarif
  keysweep aws --org-role KeysweepAudit --accounts 111122223333,444455556666`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runAWS(cmd, &f)
		},
	}
	f.report.register(cmd)
	fl := cmd.Flags()
	fl.StringVarP(&f.config, "config", "c", "", "rule configuration `FILE` (keysweep or gitleaks TOML)")
	fl.StringArrayVar(&f.regions, "region", nil, "sweep this `REGION` (repeatable; default: the regions AWS enables in every account)")
	fl.StringVar(&f.profile, "profile", "", "use this shared configuration `PROFILE` (default: AWS_PROFILE, else default)")
	fl.BoolVar(&f.allVersions, "all-versions", false, "also sweep published Lambda versions, not only $LATEST")
	fl.StringVar(&f.maxSecretAge, "max-secret-age", "90d", "report secrets not rotated for longer than this (e.g. 90d, 720h)")
	fl.StringVar(&f.orgRole, "org-role", "", "sweep every account of the organization by assuming this role `NAME` in each")
	fl.StringSliceVar(&f.accounts, "accounts", nil, "with --org-role, sweep only these account `IDS` (comma-separated)")
	fl.IntVar(&f.concurrency, "concurrency", 8, "service × region × account sweeps run at once")
	return cmd
}

func runAWS(cmd *cobra.Command, f *awsFlags) error {
	if err := f.report.validate(); err != nil {
		return err
	}
	maxAge, err := parseAge(f.maxSecretAge)
	if err != nil {
		return fmt.Errorf("--max-secret-age: %w", err)
	}
	if len(f.accounts) > 0 && f.orgRole == "" {
		return fmt.Errorf("--accounts needs --org-role")
	}
	for _, a := range f.accounts {
		if len(a) != 12 || strings.Trim(a, "0123456789") != "" {
			return fmt.Errorf("--accounts: %q is not a 12-digit account ID", a)
		}
	}
	filter, err := f.report.filter(".")
	if err != nil {
		return err
	}
	engine, err := loadEngine(f.config, ".")
	if err != nil {
		return err
	}
	var loadOpts []func(*config.LoadOptions) error
	if f.profile != "" {
		loadOpts = append(loadOpts, config.WithSharedConfigProfile(f.profile))
	}
	if len(f.regions) > 0 {
		loadOpts = append(loadOpts, config.WithRegion(f.regions[0]))
	}
	// Large accounts throttle: retry more than the SDK's default three
	// attempts, with its standard backoff.
	loadOpts = append(loadOpts, config.WithRetryMaxAttempts(10))
	cfg, err := config.LoadDefaultConfig(cmd.Context(), loadOpts...)
	if err != nil {
		return fmt.Errorf("loading AWS configuration: %w", err)
	}
	if cfg.Region == "" {
		cfg.Region = "us-east-1"
	}
	sweeper := awsscan.New(engine, awsscan.Options{
		Config:       cfg,
		Regions:      f.regions,
		AllVersions:  f.allVersions,
		MaxSecretAge: maxAge,
		OrgRole:      f.orgRole,
		Accounts:     f.accounts,
		Policies:     iampolicy.NewAnalyzer(engine),
		Concurrency:  f.concurrency,
	})
	res, err := sweeper.Sweep(cmd.Context())
	if err != nil {
		return err
	}
	var targets []string
	for _, a := range res.Accounts {
		targets = append(targets, "aws:"+a)
	}
	r := newReport(targets)
	r.Findings, r.Notices, r.Stats = res.Findings, res.Notices, finding.Stats{Resources: int64(res.Resources)}
	return f.report.finish(cmd, r, filter, engine.Rules())
}

// parseAge parses a duration that may be given in days ("90d") as well as
// in Go's units ("720h").
func parseAge(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n <= 0 {
			return 0, fmt.Errorf("%q: want a positive number of days (90d) or a duration (720h)", s)
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q: want a positive number of days (90d) or a duration (720h)", s)
	}
	return d, nil
}
