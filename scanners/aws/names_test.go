package aws

import (
	"strings"
	"testing"
	"time"
)

func TestSecretName(t *testing.T) {
	for name, want := range map[string]bool{
		"DB_PASSWORD":            true,
		"GITHUB_TOKEN":           true,
		"stripeApiKey":           true,
		"STRIPE_API_KEY":         true,
		"/prod/db/password":      true,
		"CLIENT_SECRET":          true,
		"DB_PASSWORD_SECRET_ARN": false,
		"TOKEN_URL":              false,
		"SECRET_NAME":            false,
		"LOG_LEVEL":              false,
		"PASSWORD_FILE":          false,
		"KMS_KEY_ID":             false,
	} {
		if got := secretName(name); got != want {
			t.Errorf("secretName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestLiteralValue(t *testing.T) {
	for v, want := range map[string]bool{
		"pw-Zq8Lm2Xv9Rt4": true,
		"short":           false,
		"arn:aws:secretsmanager:us-east-1:1:secret:x": false,
		"{{resolve:secretsmanager:db}}":               false,
		"${DB_PASSWORD}":                              false,
		"/run/secrets/db":                             false,
		"12345678901":                                 false,
		"true":                                        false,
		"https://vault.internal":                      false,
	} {
		if got := literalValue(v); got != want {
			t.Errorf("literalValue(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestStageOf(t *testing.T) {
	for _, c := range []struct {
		tags  map[string]string
		names []string
		want  string
	}{
		{nil, []string{"orders-prod"}, "prod"},
		{nil, []string{"/dev/db/password"}, "dev"},
		{nil, []string{"orders", "staging"}, "staging"},
		{map[string]string{"Environment": "Production"}, []string{"orders-dev"}, "prod"},
		{nil, []string{"product-catalog"}, ""}, // "product" is not "prod"
	} {
		if got := stageOf(c.tags, c.names...); got != c.want {
			t.Errorf("stageOf(%v, %q) = %q, want %q", c.tags, c.names, got, c.want)
		}
	}
}

func TestRateInterval(t *testing.T) {
	for expr, want := range map[string]time.Duration{
		"rate(30 days)":         30 * 24 * time.Hour,
		"rate(1 day)":           24 * time.Hour,
		"rate(4 hours)":         4 * time.Hour,
		"cron(0 16 1,15 * ? *)": 0,
		"rate(0 days)":          0,
		"rate(x days)":          0,
		"rate(3 weeks)":         0,
	} {
		got, ok := rateInterval(expr)
		if got != want || ok != (want > 0) {
			t.Errorf("rateInterval(%q) = %v, %v; want %v", expr, got, ok, want)
		}
	}
}

func TestKeyRef(t *testing.T) {
	for in, want := range map[string]string{
		"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab": "1234abcd-12ab-34cd-56ef-1234567890ab",
		"arn:aws:kms:us-east-1:111122223333:alias/app":                                "alias/app",
		"alias/aws/ssm": "alias/aws/ssm",
		"1234abcd":      "1234abcd",
	} {
		if got := keyRef(in); got != want {
			t.Errorf("keyRef(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzRateInterval(f *testing.F) {
	for _, s := range []string{"rate(30 days)", "rate(1 hour)", "cron(0 0 * * ? *)", "rate()", "rate( 5  days )"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		d, ok := rateInterval(expr)
		if ok != (d > 0) {
			t.Errorf("rateInterval(%q) = %v, %v", expr, d, ok)
		}
		if ok && !strings.HasPrefix(strings.TrimSpace(expr), "rate(") {
			t.Errorf("rateInterval(%q) accepted a non-rate expression", expr)
		}
	})
}

func FuzzNames(f *testing.F) {
	for _, s := range []string{"DB_PASSWORD", "arn:aws:kms:us-east-1:1:key/abc", "alias/x", "orders-prod", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = secretName(s)
		_ = literalValue(s)
		_ = stageOf(map[string]string{"env": s}, s)
		ref := keyRef(s)
		if len(ref) > len(s) {
			t.Errorf("keyRef(%q) = %q grew", s, ref)
		}
		if svc, region, acct, ok := arnParts(s); ok && !strings.Contains(s, svc+":"+region+":"+acct) {
			t.Errorf("arnParts(%q) = %q %q %q", s, svc, region, acct)
		}
	})
}
