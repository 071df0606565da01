package sarif

import (
	"github.com/keysweep/keysweep/finding"
)

// Every secret in these fixtures is plainly fake.
const (
	secretFile     = "fake-secret-0123456789"
	secretStdin    = "fake-stdin-token-0000000000"
	secretAbs      = "FAKEACCESSKEY0123456"
	secretCommit   = "fake-commit-password-42"
	secretResource = "fake-lambda-env-value-9999"
	secretImage    = "fake-image-env-secret-7777"
)

// fixtureSecrets lists the fixture secrets, which must never appear in a
// report written without ShowSecrets.
var fixtureSecrets = []string{secretFile, secretStdin, secretAbs, secretCommit, secretResource, secretImage}

// testRules is a small catalog: every rule the fixture findings use, plus
// one unused rule, in no particular order.
func testRules() []finding.Rule {
	return []finding.Rule{
		{
			ID:          "github-pat",
			Title:       "GitHub personal access token",
			Description: "A GitHub personal access token grants API access as the user who created it.",
			Remediation: "Revoke the token in GitHub's settings and create a new one with fewer scopes.",
			Severity:    finding.High,
			Confidence:  "high",
			Tags:        []string{"github", "token"},
			References:  []string{"https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens"},
		},
		{
			ID:          "aws-access-key-id",
			Title:       "AWS access key",
			Description: "An AWS access key ID with its secret access key signs requests to AWS as an IAM user.",
			Remediation: "Deactivate and delete the key in IAM, then review CloudTrail for its use.",
			Severity:    finding.Critical,
			Confidence:  "high",
			Tags:        []string{"aws", "cloud"},
			References: []string{
				"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
				"https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html",
			},
		},
		{
			ID:          "generic-api-key",
			Title:       "Generic API key",
			Description: "A high-entropy value assigned to a variable whose name suggests a credential.",
			Remediation: "Move the value to a secret store and rotate it.",
			Severity:    finding.Medium,
			Confidence:  "low",
			Tags:        []string{"generic", "secret"},
		},
		{
			ID:          "aws-lambda-env-secret",
			Title:       "Secret in a Lambda environment variable",
			Description: "A Lambda function's environment holds a value that looks like a credential.",
			Remediation: "Read the value from Secrets Manager or SSM Parameter Store at run time.",
			Severity:    finding.High,
			Confidence:  "medium",
			Tags:        []string{"aws", "cloud", "lambda"},
			References:  []string{"https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html"},
		},
		{
			ID:          "iam-policy-wildcard",
			Title:       "IAM policy allows every action on every resource",
			Description: "A policy statement with Effect Allow, Action * and Resource * grants full administrator access.",
			Remediation: "Grant only the actions and resources the principal needs.",
			Severity:    finding.Medium,
			Confidence:  "high",
			Tags:        []string{"aws", "iam", "misconfiguration"},
		},
		{
			ID:          "image-env-secret",
			Title:       "Secret in a container image",
			Description: "A file or environment variable in an image layer holds a credential that anyone who can pull the image can read.",
			Remediation: "Rebuild the image without the secret, using build secrets, and rotate it.",
			Severity:    finding.High,
			Confidence:  "medium",
			Tags:        []string{"container"},
		},
		{
			ID:          "slack-webhook",
			Title:       "Slack incoming webhook",
			Description: "A Slack incoming webhook URL lets anyone post to a channel.",
			Severity:    finding.Low,
			Tags:        []string{"slack"},
		},
	}
}

// testFindings covers every kind of place a finding can be, in no
// particular order, with fingerprints computed the way keysweep does.
func testFindings() []finding.Finding {
	fs := []finding.Finding{
		{ // a cloud resource without a path
			RuleID:   "aws-lambda-env-secret",
			Severity: finding.High,
			Message:  "Lambda function environment variable DB_PASSWORD holds a credential",
			Location: finding.Location{
				Kind:     finding.KindResource,
				Resource: "arn:aws:lambda:us-east-1:123456789012:function:fake-fn",
				Field:    "DB_PASSWORD",
			},
			Secret:  secretResource,
			Entropy: 3.9,
		},
		{ // a file with lines and columns
			RuleID:   "github-pat",
			Severity: finding.High,
			Message:  "GitHub personal access token",
			Location: finding.Location{
				Kind: finding.KindFile, Path: "config/app.env", Key: "config/app.env",
				StartLine: 3, StartColumn: 14, EndLine: 3, EndColumn: 36,
			},
			Secret:    secretFile,
			Entropy:   4.1234567,
			Validated: true,
			Details:   map[string]string{"token_type": "classic", "scopes": "unknown"},
			Tags:      []string{"github", "token"},
		},
		{ // standard input
			RuleID:   "generic-api-key",
			Severity: finding.Medium,
			Message:  "Possible API key assigned to api_key",
			Location: finding.Location{
				Kind: finding.KindStdin, Path: "-",
				StartLine: 1, StartColumn: 9, EndLine: 1, EndColumn: 36,
			},
			Secret:  secretStdin,
			Entropy: 4.5,
		},
		{ // an absolute path
			RuleID:   "aws-access-key-id",
			Severity: finding.Critical,
			Message:  "AWS access key ID",
			Location: finding.Location{
				Kind: finding.KindFile, Path: "/etc/fake app/credentials", Key: "/etc/fake app/credentials",
				StartLine: 2, StartColumn: 19, EndLine: 2, EndColumn: 39,
			},
			Secret:    secretAbs,
			Validated: true,
			Details:   map[string]string{"account_id": "123456789012"},
		},
		{ // a commit in git history
			RuleID:   "generic-api-key",
			Severity: finding.Medium,
			Message:  "Possible API key assigned to PASSWORD",
			Location: finding.Location{
				Kind: finding.KindCommit, Path: "deploy/settings.py", Key: "deploy/settings.py",
				StartLine: 10, StartColumn: 12, EndLine: 10, EndColumn: 35,
				Commit: "0123456789abcdef0123456789abcdef01234567",
				Author: "Fake Author", Email: "fake.author@example.com",
				Date: "2024-01-02T03:04:05Z",
			},
			Secret:  secretCommit,
			Entropy: 3.75,
		},
		{ // a path without a line: a structural check on a whole file
			RuleID:   "iam-policy-wildcard",
			Severity: finding.Medium,
			Message:  "Statement AllowAll allows Action * on Resource *",
			Location: finding.Location{Kind: finding.KindFile, Path: "policies/admin.json", Key: "policies/admin.json"},
		},
		{ // a file in a container image layer
			RuleID:   "image-env-secret",
			Severity: finding.High,
			Message:  "Credential in image file",
			Location: finding.Location{
				Kind: finding.KindImage, Path: "/app/.env",
				Resource:  "registry.example.com/fake/app@sha256:0000000000000000000000000000000000000000000000000000000000000000",
				Field:     "layer 2",
				StartLine: 4, StartColumn: 1, EndLine: 4, EndColumn: 40,
			},
			Secret: secretImage,
		},
	}
	h := finding.NewHasher("")
	for i := range fs {
		fs[i].Fingerprint = h.Fingerprint(&fs[i])
	}
	return fs
}

// testReport is a report with findings of every kind and notices of every
// level; it is the input of the golden file.
func testReport() *finding.Report {
	return &finding.Report{
		Version:  "0.1.0",
		Targets:  []string{".", "-"},
		WorkDir:  "/home/fake/project",
		Rules:    testRules(),
		Findings: testFindings(),
		Notices: []finding.Notice{
			{Level: finding.LevelNote, Message: "Repository is a shallow clone; history before its first commit was not scanned"},
			{Level: finding.LevelWarning, Path: "assets/big.bin", Message: "Skipped: file is larger than --max-file-size (10 MiB)"},
			{Level: finding.LevelError, Path: "secrets/locked.txt", Message: "Could not read file: permission denied"},
		},
		Stats: finding.Stats{
			Files: 42, Bytes: 123456, SkippedBinary: 3, SkippedSize: 1,
			SkippedIgnored: 7, Suppressed: 2, Baselined: 1,
		},
	}
}
