package iampolicy

import (
	"slices"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
)

func ids(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.RuleID)
	}
	slices.Sort(out)
	return out
}

func stmt(parts ...string) string {
	return `{"Version": "2012-10-17", "Statement": [` + strings.Join(parts, ",") + `]}`
}

func TestIdentityPolicy(t *testing.T) {
	a := NewAnalyzer(testEngine(t))
	loc := finding.Location{Kind: finding.KindResource, Resource: "arn:aws:iam::123456789012:role/app", Field: "app-policy"}
	tests := []struct {
		name string
		doc  string
		want []string
		sev  finding.Severity // of the first finding, when set
		msg  string           // in the first finding's message, when set
	}{
		{"get on star", stmt(`{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}`),
			[]string{RuleSecretReadAny}, finding.High, `statement #1 allows secretsmanager:GetSecretValue on every secret (Resource "*"): scope Resource`},
		{"Get* wildcard", stmt(`{"Sid": "R", "Effect": "Allow", "Action": "secretsmanager:Get*", "Resource": "*"}`),
			[]string{RuleSecretReadAny}, 0, `statement "R"`},
		{"case variant", stmt(`{"Effect": "Allow", "Action": ["SecretsManager:getsecretVALUE"], "Resource": "*"}`),
			[]string{RuleSecretReadAny}, 0, ""},
		{"question mark", stmt(`{"Effect": "Allow", "Action": "secretsmanager:GetSecretValu?", "Resource": "*"}`),
			[]string{RuleSecretReadAny}, 0, ""},
		{"batch and get", stmt(`{"Effect": "Allow", "Action": ["secretsmanager:BatchGetSecretValue", "secretsmanager:GetSecretValue"], "Resource": "*"}`),
			[]string{RuleSecretReadAny}, 0, "secretsmanager:GetSecretValue and secretsmanager:BatchGetSecretValue"},
		{"batch alone", stmt(`{"Effect": "Allow", "Action": "secretsmanager:BatchGetSecretValue", "Resource": "*"}`), nil, 0, ""},
		{"admin", stmt(`{"Effect": "Allow", "Action": "*", "Resource": "*"}`), []string{RuleAdminWildcard}, finding.Critical, ""},
		{"service wildcard on star", stmt(`{"Effect": "Allow", "Action": "secretsmanager:*", "Resource": "*"}`),
			[]string{RuleSecretReadAny, RuleServiceWildcard}, 0, ""},
		{"account-wide secret ARN", stmt(`{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:us-west-2:123456789012:secret:*"}`),
			[]string{RuleSecretReadAny}, 0, ""},
		{"any-service ARN", stmt(`{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:*"}`),
			[]string{RuleSecretReadAny}, 0, ""},
		{"scoped ARN", stmt(`{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:us-west-2:123456789012:secret:prod-rds-1a2b3c"}`), nil, 0, ""},
		{"prefix ARN", stmt(`{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:*:*:secret:prod/*"}`), nil, 0, ""},
		{"NotResource allow", stmt(`{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "NotResource": "arn:aws:secretsmanager:us-west-2:123456789012:secret:root-AbCdEf"}`),
			[]string{RuleAllowNotResource, RuleSecretReadAny}, 0, ""},
		{"NotResource star", stmt(`{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "NotResource": "*"}`),
			[]string{RuleAllowNotResource}, 0, ""},
		{"NotAction allow", stmt(`{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}`),
			[]string{RuleAllowNotAction, RuleKMSDecryptAny, RuleSecretReadAny, RuleSSMParameterReadAny}, 0, ""},
		{"NotAction excluding secrets", stmt(`{"Effect": "Allow", "NotAction": ["secretsmanager:*", "kms:*", "ssm:*"], "Resource": "*"}`),
			[]string{RuleAllowNotAction}, 0, ""},
		{"deny cancels", stmt(`{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}`,
			`{"Effect": "Deny", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:*:*:secret:*"}`), nil, 0, ""},
		{"deny NotResource narrows", stmt(`{"Effect": "Allow", "Action": "secretsmanager:*", "Resource": "*"}`,
			`{"Effect": "Deny", "Action": "secretsmanager:GetSecretValue", "NotResource": "arn:aws:secretsmanager:us-west-2:123456789012:secret:prod-rds-1a2b3c"}`),
			[]string{RuleServiceWildcard}, 0, ""},
		{"conditional deny does not cancel", stmt(`{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}`,
			`{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}`),
			[]string{RuleSecretReadAny}, 0, ""},
		{"deny of another action", stmt(`{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}`,
			`{"Effect": "Deny", "Action": "secretsmanager:DeleteSecret", "Resource": "*"}`), []string{RuleSecretReadAny}, 0, ""},
		{"tag condition narrows", stmt(`{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*", "Condition": {"StringEquals": {"secretsmanager:ResourceTag/team": "billing"}}}`),
			[]string{RuleSecretReadAny}, finding.Medium, "narrows which resources"},
		{"unrelated condition", stmt(`{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}`),
			[]string{RuleSecretReadAny}, finding.High, "does not limit which resources"},
		{"ssm", stmt(`{"Effect": "Allow", "Action": "ssm:getparameters", "Resource": "*"}`), []string{RuleSSMParameterReadAny}, 0, "decrypted"},
		{"ssm path", stmt(`{"Effect": "Allow", "Action": "ssm:GetParameter", "Resource": "arn:aws:ssm:us-east-1:123456789012:parameter/app/*"}`), nil, 0, ""},
		{"kms", stmt(`{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"}`), []string{RuleKMSDecryptAny}, 0, ""},
		{"kms alias only", stmt(`{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "arn:aws:kms:*:*:alias/*"}`), nil, 0, ""},
		{"kms wildcard", stmt(`{"Effect": "Allow", "Action": "kms:*", "Resource": "arn:aws:kms:us-east-1:123456789012:key/abc"}`), []string{RuleServiceWildcard}, 0, ""},
		{"deny only", stmt(`{"Effect": "Deny", "Action": "*", "Resource": "*"}`), nil, 0, ""},
		{"single statement object", `{"Statement": {"Effect": "Allow", "Action": "ssm:*", "Resource": "*"}}`,
			[]string{RuleServiceWildcard, RuleSSMParameterReadAny}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, err := a.IdentityPolicy([]byte(tt.doc), loc)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(fs); !slices.Equal(got, tt.want) {
				t.Fatalf("rules = %v, want %v", got, tt.want)
			}
			for _, f := range fs {
				if f.Location.StartLine != 0 || f.Location.Resource != loc.Resource || f.Fingerprint == "" {
					t.Errorf("location = %+v, fingerprint %q", f.Location, f.Fingerprint)
				}
				if !strings.HasPrefix(f.Message, "app-policy: ") {
					t.Errorf("message %q does not name the policy", f.Message)
				}
			}
			if len(fs) == 0 {
				return
			}
			f := fs[0]
			for _, g := range fs {
				if g.RuleID == tt.want[0] {
					f = g
					break
				}
			}
			if tt.sev != 0 && f.Severity != tt.sev {
				t.Errorf("severity = %v, want %v", f.Severity, tt.sev)
			}
			if tt.msg != "" && !strings.Contains(f.Message, tt.msg) {
				t.Errorf("message = %q, want it to contain %q", f.Message, tt.msg)
			}
		})
	}
}

func TestResourcePolicy(t *testing.T) {
	a := NewAnalyzer(testEngine(t))
	loc := finding.Location{Kind: finding.KindResource, Resource: "arn:aws:secretsmanager:us-west-2:123456789012:secret:prod-rds-1a2b3c"}
	tests := []struct {
		name, kind, account, doc string
		want                     []string
	}{
		{"public", KindSecret, "123456789012", stmt(`{"Effect": "Allow", "Principal": "*", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}`), []string{RulePublicResource}},
		{"public AWS star", KindKMSKey, "", stmt(`{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:Decrypt", "Resource": "*"}`), []string{RulePublicResource}},
		{"org condition", KindSecret, "123456789012", stmt(`{"Effect": "Allow", "Principal": "*", "Action": "secretsmanager:GetSecretValue", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}}`), nil},
		{"source account condition, key case", KindKMSKey, "", stmt(`{"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEquals": {"AWS:SourceAccount": "123456789012"}}}`), nil},
		{"own account root", KindKMSKey, "123456789012", stmt(`{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "kms:*", "Resource": "*"}`), nil},
		{"foreign account", KindKMSKey, "123456789012", stmt(`{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::123456789012:root", "210987654321"]}, "Action": "kms:Decrypt", "Resource": "*"}`), []string{RuleCrossAccount}},
		{"foreign account, owner unknown", KindKMSKey, "", stmt(`{"Effect": "Allow", "Principal": {"AWS": "210987654321"}, "Action": "kms:Decrypt", "Resource": "*"}`), nil},
		{"service principal", KindKMSKey, "123456789012", stmt(`{"Effect": "Allow", "Principal": {"Service": "logs.amazonaws.com"}, "Action": "kms:Decrypt", "Resource": "*"}`), nil},
		{"NotPrincipal allow", KindSecret, "", stmt(`{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:role/x"}, "Action": "secretsmanager:GetSecretValue", "Resource": "*"}`), []string{RulePublicResource}},
		{"deny guard", KindSecret, "", stmt(`{"Effect": "Allow", "Principal": "*", "Action": "secretsmanager:Get*", "Resource": "*"}`,
			`{"Effect": "Deny", "Principal": "*", "Action": "secretsmanager:*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-abc"}}}`), nil},
		{"deny of less", KindSecret, "", stmt(`{"Effect": "Allow", "Principal": "*", "Action": "secretsmanager:*", "Resource": "*"}`,
			`{"Effect": "Deny", "Principal": "*", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}`), []string{RulePublicResource}},
		{"public trust", KindRoleTrust, "", stmt(`{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}`), []string{RulePublicResource}},
		{"NotAction", KindSecret, "", stmt(`{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:role/x"}, "NotAction": "secretsmanager:DeleteSecret", "Resource": "*"}`), []string{RuleAllowNotAction}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, err := a.ResourcePolicy([]byte(tt.doc), tt.kind, tt.account, loc)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(fs); !slices.Equal(got, tt.want) {
				t.Fatalf("rules = %v, want %v (%v)", got, tt.want, fs)
			}
		})
	}
}

func TestPolicyErrors(t *testing.T) {
	a := NewAnalyzer(testEngine(t))
	loc := finding.Location{Kind: finding.KindResource, Field: "p"}
	for doc, want := range map[string]string{
		"{\n\"Statement\": [\n{\"Effect\": \"Allow\",}\n]}":                      "line 3",
		`{"Version": "2012-10-17"}`:                                              "no Statement",
		`{"Statement": [{"Effect": "Maybe", "Action": "*", "Resource": "*"}]}`:   "Effect must be Allow or Deny",
		`{"Statement": [{"Effect": "Allow", "Resource": "*"}]}`:                  "exactly one of Action and NotAction",
		`{"Statement": [{"Effect": "Allow", "Action": 3, "Resource": "*"}]}`:     "Action must be",
		`{"Statement": [{"Effect": "Allow", "Action": "*", "Principal": "me"}]}`: `Principal must be "*"`,
		`[1, 2]`:   "not an object",
		`{} {}`:    "after the top-level value",
		`{"a": [1`: "unexpected end",
	} {
		_, err := a.IdentityPolicy([]byte(doc), loc)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want %q", doc, err, want)
		}
	}
}

func TestGlob(t *testing.T) {
	for _, tt := range []struct {
		p, s string
		want bool
	}{
		{"*", "", true}, {"a*c", "abbbc", true}, {"a*c", "abbb", false}, {"a?c", "abc", true},
		{"*a*a*a*b", strings.Repeat("a", 200), false}, {"", "", true}, {"", "a", false},
	} {
		if got := glob(tt.p, tt.s); got != tt.want {
			t.Errorf("glob(%q, %q) = %v", tt.p, tt.s, got)
		}
	}
}

func TestCatalog(t *testing.T) {
	c := newCatalog()
	for _, svc := range []string{"secretsmanager", "ssm", "kms", "iam", "sts", "lambda", "s3", "ecs", "cloudtrail"} {
		if len(c.byService[svc]) == 0 {
			t.Errorf("no %s actions in the catalog", svc)
		}
	}
	if got := c.expand("SecretsManager:Get*"); !slices.Contains(got, "secretsmanager:GetSecretValue") || slices.Contains(got, "secretsmanager:ListSecrets") {
		t.Errorf("expand = %v", got)
	}
	for _, a := range []string{"iam:PassRole", "s3:ListBucket", "secretsmanager:BatchGetSecretValue"} {
		if !slices.Contains(c.all, a) {
			t.Errorf("catalog lacks %s", a)
		}
	}
	if !c.coversService("kms:*", "kms") || c.coversService("kms:Get*", "kms") || !c.coversAll("*:*") {
		t.Error("coversService/coversAll")
	}
}

func TestSplitARN(t *testing.T) {
	got := splitARN("arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:a:b")
	want := []string{"arn", "aws", "secretsmanager", "${AWS::Region}", "${AWS::AccountId}", "secret:a:b"}
	if !slices.Equal(got, want) {
		t.Errorf("splitARN = %q", got)
	}
}

func TestUnknownsNamedNotGuessed(t *testing.T) {
	check := NewFileCheck(testEngine(t))
	tf := `resource "aws_iam_policy" "p" {
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Action = "secretsmanager:GetSecretValue", Resource = var.arns },
      { Effect = "Allow", Action = var.actions, Resource = "*" },
      { Effect = "Allow", Action = ["kms:Decrypt", local.more], Resource = "*",
        Condition = { StringEquals = { "sts:ExternalId" = "${var.prefix}-${local.x}" } } },
    ]
  })
}
`
	loc := finding.Location{Kind: finding.KindFile, Path: "main.tf", Key: "main.tf"}
	fs, err := check.Check(t.Context(), []byte(tf), loc)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].RuleID != RuleKMSDecryptAny || fs[0].Location.StartLine != 6 {
		t.Fatalf("findings = %v", fs)
	}
	if want := "(some values are not resolved statically, and were not guessed: local.more)"; !strings.Contains(fs[0].Message, want) {
		t.Errorf("message = %q, want %q", fs[0].Message, want)
	}
	if strings.Contains(fs[0].Message, "prefix") {
		t.Errorf("message holds a condition value: %q", fs[0].Message)
	}
	n := &node{kind: kindUnknown, str: `{ a = "x" }`}
	if n.describe() != "an expression" {
		t.Errorf("describe = %q", n.describe())
	}
}

// TestPartlyUnknownResources checks that a resource pattern with an
// unresolved part is reported only when it is wide whatever the part is.
func TestPartlyUnknownResources(t *testing.T) {
	check := NewFileCheck(testEngine(t))
	for _, tt := range []struct {
		path, content string
		want          int
	}{
		{"main.tf", tfResource(`"arn:aws:secretsmanager:${var.region}:${data.aws_caller_identity.me.account_id}:secret:*"`), 1},
		{"main.tf", tfResource(`"arn:aws:secretsmanager:us-east-1:123456789012:secret:${var.name}"`), 0},
		{"main.tf", tfResource(`"arn:aws:secretsmanager:us-east-1:123456789012:secret:${var.prefix}*"`), 0},
		{"main.tf", tfResource(`["arn:aws:secretsmanager:${var.region}:123456789012:secret:*"]`), 1},
		{"template.yaml", cfnResource(`!Sub "arn:aws:secretsmanager:${Region}:${AWS::AccountId}:secret:*"`), 1},
		{"template.yaml", cfnResource(`!Sub "arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${Name}"`), 0},
	} {
		loc := finding.Location{Kind: finding.KindFile, Path: tt.path, Key: tt.path}
		fs, err := check.Check(t.Context(), []byte(tt.content), loc)
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) != tt.want {
			t.Errorf("%s: findings %v, want %d", tt.content, fs, tt.want)
		}
		for _, f := range fs {
			if !strings.Contains(f.Message, "not resolved statically") || !strings.Contains(f.Message, "${…}") {
				t.Errorf("message = %q", f.Message)
			}
		}
	}
}

func tfResource(res string) string {
	return "resource \"aws_iam_policy\" \"p\" {\n  policy = jsonencode({\n    Statement = [{ Effect = \"Allow\", Action = \"secretsmanager:GetSecretValue\", Resource = " + res + " }]\n  })\n}\n"
}

func cfnResource(res string) string {
	return "Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: secretsmanager:GetSecretValue\n            Resource: " + res + "\n"
}
