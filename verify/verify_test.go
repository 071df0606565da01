package verify

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/keysweep/keysweep/finding"
)

func verifyOne(t *testing.T, run *Runner, c vcase) finding.Verification {
	t.Helper()
	fs := []finding.Finding{{RuleID: c.rule, Secret: c.secret, Parts: c.parts, Details: c.details}}
	run.Verify(context.Background(), fs)
	if fs[0].Verification == nil {
		t.Fatalf("%s: no verification", c.verifier)
	}
	return *fs[0].Verification
}

// TestVerifiers runs every verifier against the issuer answering as a
// live, a revoked and a failing provider would, then checks that the
// endpoints each verifier declares are exactly the ones it called.
func TestVerifiers(t *testing.T) {
	t.Setenv("AWS_ENDPOINT_URL_STS", "")
	t.Setenv("AWS_ENDPOINT_URL", "")
	is := newIssuer(t)
	reg := NewRegistry()
	called := map[string][]seen{}
	tested := map[string]bool{}
	for _, c := range cases(t) {
		t.Run(c.verifier, func(t *testing.T) {
			v, ok := reg.For(c.rule)
			if !ok || v.Name() != c.verifier {
				t.Fatalf("rule %s is not verified by %s", c.rule, c.verifier)
			}
			tested[c.verifier] = true
			sent := cmpOr(c.sent, c.secret)
			if sent == "-" {
				sent = ""
			}
			for _, step := range []struct {
				name  string
				rep   reply
				want  finding.VerificationStatus
				check func(finding.Verification)
			}{
				{"live", c.live, finding.Verified, func(got finding.Verification) {
					if c.want[0] != "" && got.Details[c.want[0]] != c.want[1] {
						t.Errorf("live: details %v, want %s=%q", got.Details, c.want[0], c.want[1])
					}
				}},
				{"revoked", c.revoked, finding.Invalid, nil},
				{"error", r(503, "upstream unavailable"), finding.Unknown, nil},
			} {
				is.respond(sent, step.rep)
				got := verifyOne(t, is.runner(Options{}), c)
				if got.Status != step.want {
					t.Errorf("%s: status %s (%s), want %s", step.name, got.Status, got.Reason, step.want)
				}
				if got.Verifier != c.verifier {
					t.Errorf("%s: verifier %q", step.name, got.Verifier)
				}
				if strings.Contains(got.Reason, c.secret) || strings.Contains(fmt.Sprint(got.Details), c.secret) {
					t.Errorf("%s: the secret leaked into the result", step.name)
				}
				if step.check != nil {
					step.check(got)
				}
				reqs := is.take()
				if len(reqs) == 0 {
					t.Fatalf("%s: no request reached the issuer", step.name)
				}
				for _, q := range reqs {
					if sent != "" && !q.Carries {
						t.Errorf("%s: the request to %s%s did not carry the credential", step.name, q.Host, q.Path)
					}
				}
				called[c.verifier] = append(called[c.verifier], reqs...)
			}
		})
	}
	for _, v := range reg.Verifiers() {
		if !tested[v.Name()] {
			t.Errorf("verifier %s has no test case", v.Name())
		}
	}
	checkEndpoints(t, reg, called)
}

// checkEndpoints compares what each verifier declares with what it called:
// every request matches a declared endpoint, and every declared endpoint
// was called. This is what `keysweep verify --list-endpoints` prints.
func checkEndpoints(t *testing.T, reg *Registry, called map[string][]seen) {
	t.Helper()
	for name, eps := range reg.Endpoints() {
		used := make([]bool, len(eps))
		for _, q := range called[name] {
			i := slices.IndexFunc(eps, func(e Endpoint) bool {
				return e.Method == q.Method && match(e.Host, q.Host, ".") && match(e.Path, q.Path, "/")
			})
			if i < 0 {
				t.Errorf("%s called %s https://%s%s, which it does not declare", name, q.Method, q.Host, q.Path)
				continue
			}
			used[i] = true
		}
		for i, e := range eps {
			if !used[i] && len(called[name]) > 0 {
				t.Errorf("%s declares %s but never called it", name, e)
			}
		}
	}
}

var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// match reports whether value fits template, where each {placeholder}
// stands for text without sep.
func match(template, value, sep string) bool {
	parts := placeholder.Split(template, -1)
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	re := regexp.MustCompile("^" + strings.Join(parts, "[^"+regexp.QuoteMeta(sep)+"]+") + "$")
	return re.MatchString(value)
}

func TestRegistry(t *testing.T) {
	reg := NewRegistry()
	if n := len(reg.Verifiers()); n < 40 {
		t.Errorf("%d verifiers, want at least 40", n)
	}
	names := map[string]bool{}
	rules := map[string]string{}
	for _, v := range all() {
		if names[v.Name()] {
			t.Errorf("two verifiers are named %s", v.Name())
		}
		names[v.Name()] = true
		if len(v.Rules()) == 0 || len(v.Endpoints()) == 0 {
			t.Errorf("%s has no rules or no endpoints", v.Name())
		}
		for _, id := range v.Rules() {
			if other, dup := rules[id]; dup {
				t.Errorf("rule %s is verified by both %s and %s", id, other, v.Name())
			}
			rules[id] = v.Name()
		}
		for _, e := range v.Endpoints() {
			// A placeholder may only pick a subdomain of a fixed issuer
			// domain ({dc}.api.mailchimp.com).
			host := e.Host
			if strings.HasPrefix(host, "{") {
				_, host, _ = strings.Cut(host, ".")
				if strings.Count(host, ".") < 1 {
					host = "{"
				}
			}
			if host == "" || strings.Contains(host, "{") || !strings.HasPrefix(e.Path, "/") || e.Method == "" {
				t.Errorf("%s: endpoint %+v is not a fixed issuer host and path", v.Name(), e)
			}
		}
	}
}

// TestRedirectNotFollowed: an issuer that redirects to another host does
// not get its credential sent there.
func TestRedirectNotFollowed(t *testing.T) {
	is := newIssuer(t)
	secret := fake(100, "ghp_", 36, alnum)
	is.handle(secret, func(r *http.Request, _ []byte) reply {
		if r.Host == "api.github.com" {
			return reply{status: http.StatusFound, header: map[string]string{"Location": "https://collector.example/steal"}}
		}
		return ok(`{"login":"thief"}`)
	})
	fs := []finding.Finding{{RuleID: "github-pat", Secret: secret}}
	is.runner(Options{}).Verify(context.Background(), fs)
	got := fs[0].Verification
	if got == nil || got.Status != finding.Unknown || !strings.Contains(got.Reason, "not followed") {
		t.Errorf("verification %+v, want unknown: redirect not followed", got)
	}
	for _, q := range is.take() {
		if q.Host != "api.github.com" {
			t.Errorf("a request went to %s (carrying the credential: %v)", q.Host, q.Carries)
		}
	}
}

// TestSameHostRedirectFollowed: a redirect within the issuer's host is
// followed.
func TestSameHostRedirectFollowed(t *testing.T) {
	is := newIssuer(t)
	secret := fake(101, "ghp_", 36, alnum)
	is.handle(secret, func(r *http.Request, _ []byte) reply {
		if r.URL.Path == "/user" {
			return reply{status: http.StatusMovedPermanently, header: map[string]string{"Location": "/user2"}}
		}
		return ok(`{"login":"octocat"}`)
	})
	fs := []finding.Finding{{RuleID: "github-pat", Secret: secret}}
	is.runner(Options{}).Verify(context.Background(), fs)
	if got := fs[0].Verification; got == nil || got.Status != finding.Verified {
		t.Errorf("verification %+v, want verified", got)
	}
}

// TestOncePerSecret: 1,000 findings of 10 distinct secrets make 10
// requests, and every finding gets its secret's result.
func TestOncePerSecret(t *testing.T) {
	is := newIssuer(t)
	var requests atomic.Int64
	is.handle("", func(*http.Request, []byte) reply {
		requests.Add(1)
		time.Sleep(5 * time.Millisecond)
		return ok(`{"login":"octocat"}`)
	})
	var fs []finding.Finding
	for i := range 1000 {
		fs = append(fs, finding.Finding{RuleID: "github-pat", Secret: fake(uint64(200+i%10), "ghp_", 36, alnum),
			Location: finding.Location{Path: fmt.Sprintf("f%d.txt", i)}})
	}
	run := is.runner(Options{Workers: 4})
	stats := run.Verify(context.Background(), fs)
	if n := requests.Load(); n != 10 {
		t.Errorf("%d requests for 10 distinct secrets, want 10", n)
	}
	if stats.Credentials != 10 || stats.Findings != 1000 || stats.Verified != 10 {
		t.Errorf("stats %+v", stats)
	}
	for i := range fs {
		if fs[i].Verification == nil || fs[i].Verification.Status != finding.Verified {
			t.Fatalf("finding %d: %+v", i, fs[i].Verification)
		}
	}
	// The cache lives as long as the Runner: a second pass sends nothing.
	run.Verify(context.Background(), fs[:50])
	if n := requests.Load(); n != 10 {
		t.Errorf("%d requests after a second pass, want still 10", n)
	}
}

func TestUserAgent(t *testing.T) {
	is := newIssuer(t)
	var ua atomic.Value
	is.handle("", func(r *http.Request, _ []byte) reply {
		ua.Store(r.UserAgent())
		return ok(`{"username":"ada"}`)
	})
	fs := []finding.Finding{{RuleID: "npm-access-token", Secret: fake(300, "npm_", 36, alnum)}}
	is.runner(Options{Version: "1.2.3"}).Verify(context.Background(), fs)
	if got := ua.Load(); got != "keysweep/1.2.3 (+https://github.com/keysweep/keysweep)" {
		t.Errorf("User-Agent %q", got)
	}
}

func TestTimeoutIsUnknown(t *testing.T) {
	is := newIssuer(t)
	release := make(chan struct{})
	is.handle("", func(r *http.Request, _ []byte) reply {
		<-release // the issuer answers only after the test is over
		return ok(`{}`)
	})
	defer close(release)
	fs := []finding.Finding{{RuleID: "npm-access-token", Secret: fake(301, "npm_", 36, alnum)}}
	stats := is.runner(Options{Timeout: 100 * time.Millisecond}).Verify(context.Background(), fs)
	if got := fs[0].Verification; got == nil || got.Status != finding.Unknown || !strings.Contains(got.Reason, "timed out") {
		t.Errorf("verification %+v, want unknown: timed out", got)
	}
	if stats.Unknown != 1 {
		t.Errorf("stats %+v", stats)
	}
}

func TestNetworkErrorIsUnknown(t *testing.T) {
	secret := fake(302, "", 10, digit) + ":" + fake(303, "", 35, alnum)
	fs := []finding.Finding{{RuleID: "telegram-bot-token", Secret: secret}}
	run := New(NewRegistry(), Options{transport: &http.Transport{DialContext: (&closedDialer{}).DialContext}})
	run.Verify(context.Background(), fs)
	got := fs[0].Verification
	if got == nil || got.Status != finding.Unknown {
		t.Fatalf("verification %+v, want unknown", got)
	}
	if strings.Contains(got.Reason, secret) {
		t.Errorf("the reason %q holds the token (Telegram puts it in the URL)", got.Reason)
	}
}

func TestUnverifiableLeftAlone(t *testing.T) {
	fs := []finding.Finding{{RuleID: "generic-password", Secret: "hunter22"}, {RuleID: "github-pat"}}
	run := New(NewRegistry(), Options{transport: &http.Transport{DialContext: (&closedDialer{}).DialContext}})
	if stats := run.Verify(context.Background(), fs); stats.Credentials != 0 || fs[0].Verification != nil || fs[1].Verification != nil {
		t.Errorf("findings without a verifier or a secret were verified: %+v", stats)
	}
}

func TestPlainHTTPRefused(t *testing.T) {
	c := newClient(&http.Transport{DialContext: (&closedDialer{}).DialContext}, "ua", 100, 1)
	req, _ := http.NewRequest(http.MethodGet, "http://api.github.com/user", nil)
	_, err := c.Do(req)
	if err == nil || !strings.Contains(err.Error(), "without TLS") {
		t.Errorf("err %v, want a refusal", err)
	}
}

func TestCancelledRun(t *testing.T) {
	is := newIssuer(t)
	is.respond("", ok(`{"username":"ada"}`))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	fs := []finding.Finding{{RuleID: "npm-access-token", Secret: fake(304, "npm_", 36, alnum)}}
	is.runner(Options{}).Verify(ctx, fs)
	if got := fs[0].Verification; got == nil || got.Status != finding.Unknown {
		t.Errorf("verification %+v, want unknown", got)
	}
	if n := len(is.take()); n != 0 {
		t.Errorf("%d requests after cancelling", n)
	}
}

// closedDialer fails every dial, as an unreachable network does.
type closedDialer struct{}

func (closedDialer) DialContext(context.Context, string, string) (net.Conn, error) {
	return nil, errors.New("connect: connection refused")
}
