package verify

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
	"golang.org/x/time/rate"

	"github.com/keysweep/keysweep/finding"
)

// Options configure a Runner. The zero value is ready to use.
type Options struct {
	// Timeout bounds the verification of one credential (all its
	// requests). The default is 10 seconds.
	Timeout time.Duration
	// Workers is how many credentials are verified at once. The default
	// is 8.
	Workers int
	// PerHostRate is how many requests per second go to one host. The
	// default is 5, with bursts of 2.
	PerHostRate float64
	// VerifyCanaries verifies credentials of known canary-token accounts
	// too, which trips the canary's alarm. The default is to skip them.
	VerifyCanaries bool
	// CanaryAWSAccounts are the AWS account IDs whose keys are canary
	// tokens. The default is DefaultCanaryAWSAccounts().
	CanaryAWSAccounts []string
	// Version is keysweep's version, for the User-Agent. The default is
	// "dev".
	Version string
	// Hasher keys the in-memory cache of results, so that each unique
	// credential is verified once. The zero value uses the default key.
	Hasher finding.Hasher

	// transport replaces http.DefaultTransport below the guards: set by
	// this package's tests only, to reach local servers.
	transport http.RoundTripper
}

// Stats count what a Runner did.
type Stats struct {
	// Credentials is the number of unique credentials verified (or
	// skipped as canaries); Findings the number of findings they cover.
	Credentials, Findings      int
	Verified, Invalid, Unknown int
}

// Runner verifies findings. It caches each credential's result in memory
// for its lifetime (one run), never on disk. Safe for concurrent use.
type Runner struct {
	reg     *Registry
	opts    Options
	client  *Client
	canary  map[string]bool
	mu      sync.Mutex
	results map[string]*entry
}

type entry struct {
	done chan struct{}
	res  Result
}

// New returns a Runner verifying with the verifiers of reg.
func New(reg *Registry, opts Options) *Runner {
	if opts.Timeout <= 0 {
		opts.Timeout = 10 * time.Second
	}
	if opts.Workers <= 0 {
		opts.Workers = 8
	}
	if opts.PerHostRate <= 0 {
		opts.PerHostRate = 5
	}
	if opts.Version == "" {
		opts.Version = "dev"
	}
	if opts.CanaryAWSAccounts == nil {
		opts.CanaryAWSAccounts = DefaultCanaryAWSAccounts()
	}
	canary := map[string]bool{}
	for _, a := range opts.CanaryAWSAccounts {
		canary[a] = true
	}
	ua := fmt.Sprintf("keysweep/%s (+https://github.com/keysweep/keysweep)", opts.Version)
	return &Runner{
		reg:     reg,
		opts:    opts,
		client:  newClient(opts.transport, ua, rate.Limit(opts.PerHostRate), 2),
		canary:  canary,
		results: map[string]*entry{},
	}
}

// Verify verifies every finding that has a secret and a verifier, setting
// its Verification; others are left as they are. Each unique credential
// (by keyed hash of its secret and parts) is sent once, however many
// findings share it. Verify returns when all are done or ctx ends (then
// the rest are Unknown).
func (r *Runner) Verify(ctx context.Context, fs []finding.Finding) Stats {
	type job struct {
		v    Verifier
		cred Credential
		idx  []int
	}
	jobs := map[string]*job{}
	var order []string
	for i := range fs {
		f := &fs[i]
		v, ok := r.reg.For(f.RuleID)
		if !ok || f.Secret == "" {
			continue
		}
		key := r.key(v, f)
		j, ok := jobs[key]
		if !ok {
			j = &job{v: v, cred: Credential{RuleID: f.RuleID, Secret: f.Secret, Parts: f.Parts, Details: f.Details}}
			jobs[key] = j
			order = append(order, key)
		}
		j.idx = append(j.idx, i)
	}

	var g errgroup.Group
	g.SetLimit(r.opts.Workers)
	var mu sync.Mutex
	var stats Stats
	for _, key := range order {
		j := jobs[key]
		g.Go(func() error {
			res := r.verifyOnce(ctx, key, j.v, j.cred)
			v := finding.Verification{Status: res.Status, Verifier: j.v.Name(), Reason: res.Reason, Details: scrubDetails(res.Details, j.cred)}
			mu.Lock()
			defer mu.Unlock()
			stats.Credentials++
			stats.Findings += len(j.idx)
			switch res.Status {
			case finding.Verified:
				stats.Verified++
			case finding.Invalid:
				stats.Invalid++
			default:
				stats.Unknown++
			}
			for _, i := range j.idx {
				vc := v
				vc.Details = maps.Clone(v.Details)
				fs[i].Verification = &vc
			}
			return nil
		})
	}
	_ = g.Wait() // the jobs never fail: problems are Unknown results
	return stats
}

// verifyOnce returns the cached result of key, or computes it; concurrent
// callers of one key wait for the first.
func (r *Runner) verifyOnce(ctx context.Context, key string, v Verifier, cred Credential) Result {
	r.mu.Lock()
	e, ok := r.results[key]
	if !ok {
		e = &entry{done: make(chan struct{})}
		r.results[key] = e
	}
	r.mu.Unlock()
	if ok {
		select {
		case <-e.done:
			return e.res
		case <-ctx.Done():
			return unknown("not verified: the run was cancelled")
		}
	}
	defer close(e.done)
	if cc, isCanary := v.(canaryChecker); isCanary && !r.opts.VerifyCanaries {
		if account, ok := cc.canaryAccount(cred, r.canary); ok {
			e.res = Result{
				Status:  finding.Unknown,
				Reason:  "not verified: AWS account " + account + " issues canary tokens, and using the key would trip its alarm (--verify-canaries to verify anyway)",
				Details: map[string]string{"canary": "true", "aws_account": account},
			}
			return e.res
		}
	}
	if err := ctx.Err(); err != nil {
		e.res = unknown("not verified: the run was cancelled")
		return e.res
	}
	vctx, cancel := context.WithTimeout(ctx, r.opts.Timeout)
	defer cancel()
	e.res = v.Verify(vctx, r.client, cred)
	if e.res.Status == "" {
		e.res.Status = finding.Unknown
	}
	return e.res
}

// key identifies a credential: the verifier, and a keyed hash of the
// secret and its parts.
func (r *Runner) key(v Verifier, f *finding.Finding) string {
	var b strings.Builder
	b.WriteString(f.Secret)
	for _, k := range slices.Sorted(maps.Keys(f.Parts)) {
		b.WriteString("\x00" + k + "=" + f.Parts[k])
	}
	return v.Name() + "/" + r.opts.Hasher.SecretHash(b.String())
}

// scrubDetails drops any detail that contains the secret, in case an
// issuer echoes it back.
func scrubDetails(d map[string]string, cred Credential) map[string]string {
	out := map[string]string{}
	for k, v := range d {
		if !strings.Contains(v, cred.Secret) {
			out[k] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// canaryChecker is implemented by verifiers that can tell a canary token
// offline.
type canaryChecker interface {
	canaryAccount(cred Credential, canaries map[string]bool) (account string, ok bool)
}
