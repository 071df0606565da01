package verify

import (
	"cmp"
	"slices"
)

// Registry maps catalog rule IDs to verifiers. It is immutable.
type Registry struct {
	verifiers []Verifier
	byRule    map[string]Verifier
}

// NewRegistry returns the registry of every verifier keysweep has.
func NewRegistry() *Registry {
	return newRegistry(all())
}

func newRegistry(vs []Verifier) *Registry {
	r := &Registry{byRule: map[string]Verifier{}}
	for _, v := range vs {
		r.verifiers = append(r.verifiers, v)
		for _, id := range v.Rules() {
			if _, dup := r.byRule[id]; !dup {
				r.byRule[id] = v
			}
		}
	}
	slices.SortFunc(r.verifiers, func(a, b Verifier) int { return cmp.Compare(a.Name(), b.Name()) })
	return r
}

// all lists every verifier. Adding a provider means adding its file and
// its constructor here.
func all() []Verifier {
	return []Verifier{
		airtable(), anthropic(), anthropicAdmin(), asana(), awsSTS(), azureClientSecret(),
		bitbucket(), brevo(), buildkite(), calendly(), circleCI(), cloudflare(),
		datadog(), digitalOcean(), discordBot(), discordWebhook(), doppler(), dropbox(),
		elevenLabs(), figma(), gcpServiceAccount(), github(), gitlab(), googleAPIKey(),
		groq(), heroku(), honeycomb(), hubspot(), huggingFace(), intercom(),
		linear(), linode(), mailchimp(), mailgun(), mapbox(), mistral(),
		neon(), netlify(), newRelic(), notion(), npm(), openAI(), openAIAdmin(),
		openRouter(), pagerDuty(), postman(), postmark(), pulumi(), pypi(),
		replicate(), resend(), sendGrid(), sentry(), slack(), snyk(), square(),
		stripe(), supabase(), telegram(), terraformCloud(), twilio(), typeform(),
		vercel(), xai(),
	}
}

// Verifiers returns every verifier, by name.
func (r *Registry) Verifiers() []Verifier { return slices.Clone(r.verifiers) }

// For returns the verifier of a rule.
func (r *Registry) For(ruleID string) (Verifier, bool) {
	v, ok := r.byRule[ruleID]
	return v, ok
}

// RuleIDs returns the IDs of the rules that have a verifier, sorted.
func (r *Registry) RuleIDs() []string {
	ids := make([]string, 0, len(r.byRule))
	for id := range r.byRule {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// Endpoints returns every endpoint of every verifier, by verifier name.
func (r *Registry) Endpoints() map[string][]Endpoint {
	out := make(map[string][]Endpoint, len(r.verifiers))
	for _, v := range r.verifiers {
		out[v.Name()] = v.Endpoints()
	}
	return out
}

// DefaultCanaryAWSAccounts returns the AWS accounts known to issue canary
// tokens (Thinkst Canary and canarytokens.org): keys of these accounts are
// tripwires, and using one raises the owner's alarm.
func DefaultCanaryAWSAccounts() []string {
	return []string{"595918472158", "992382622183"}
}
