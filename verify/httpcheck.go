package verify

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// httpCheck is the common shape of a verifier: one request to one fixed
// endpoint carrying the secret, a 2xx answer meaning live and the listed
// statuses meaning rejected. Most providers are one httpCheck literal.
type httpCheck struct {
	name   string
	rules  []string
	method string // default GET
	url    string // fixed https URL
	note   string
	// auth puts the secret on the request.
	auth func(req *http.Request, secret string)
	// header holds fixed extra headers (an API version).
	header map[string]string
	// body and contentType make the request body, if any.
	body, contentType string
	// rejected lists the statuses meaning the credential was rejected;
	// default 401 and 403.
	rejected []int
	// details maps a detail's name to a dotted path in the JSON answer
	// ("user.login", "accounts.0.sid").
	details map[string]string
	// judge, if set, reads the answer first; ok false falls back to the
	// common reading.
	judge func(resp *Response) (res Result, ok bool)
}

var _ Verifier = (*httpCheck)(nil)

func (h *httpCheck) Name() string    { return h.name }
func (h *httpCheck) Rules() []string { return h.rules }

func (h *httpCheck) Endpoints() []Endpoint {
	u, err := url.Parse(h.url)
	if err != nil {
		return nil
	}
	return []Endpoint{{Method: h.methodOrGet(), Host: u.Host, Path: u.Path, Note: h.note}}
}

func (h *httpCheck) methodOrGet() string {
	if h.method == "" {
		return http.MethodGet
	}
	return h.method
}

func (h *httpCheck) Verify(ctx context.Context, c *Client, cred Credential) Result {
	var body io.Reader
	if h.body != "" {
		body = strings.NewReader(h.body)
	}
	req, err := http.NewRequestWithContext(ctx, h.methodOrGet(), h.url, body)
	if err != nil {
		return unknown(fmt.Sprintf("building the request: %v", err))
	}
	if h.contentType != "" {
		req.Header.Set("Content-Type", h.contentType)
	}
	req.Header.Set("Accept", "application/json")
	for k, v := range h.header {
		req.Header.Set(k, v)
	}
	h.auth(req, cred.Secret)
	resp, err := c.Do(req)
	if err != nil {
		return unknown(err.Error())
	}
	if h.judge != nil {
		if res, ok := h.judge(resp); ok {
			return res
		}
	}
	return readStatus(resp, h.rejected, h.details)
}

// readStatus is the common reading of an answer: 2xx live (with details
// from the JSON body), a rejected status invalid, anything else unknown.
func readStatus(resp *Response, rejected []int, details map[string]string) Result {
	if len(rejected) == 0 {
		rejected = []int{http.StatusUnauthorized, http.StatusForbidden}
	}
	switch {
	case resp.Status >= 200 && resp.Status < 300:
		return verified("", jsonDetails(resp.Body, details))
	case slices.Contains(rejected, resp.Status):
		return invalid(fmt.Sprintf("rejected by the issuer (HTTP %d)", resp.Status))
	}
	return unexpected(resp)
}

// unexpected describes an answer that says neither live nor rejected.
func unexpected(resp *Response) Result {
	switch {
	case resp.Status >= 300 && resp.Status < 400:
		return unknown(fmt.Sprintf("redirected (HTTP %d) to %s; not followed", resp.Status, hostOf(resp.Header.Get("Location"))))
	case resp.Status == http.StatusTooManyRequests:
		return unknown("rate limited (HTTP 429)")
	case resp.Status >= 500:
		return unknown(fmt.Sprintf("the issuer failed (HTTP %d)", resp.Status))
	}
	return unknown(fmt.Sprintf("unexpected answer (HTTP %d)", resp.Status))
}

// jsonDetails picks fields out of a JSON body by dotted path; missing or
// non-scalar ones are left out, lists of scalars are joined with commas.
func jsonDetails(body []byte, paths map[string]string) map[string]string {
	if len(paths) == 0 {
		return nil
	}
	var doc any
	if json.Unmarshal(body, &doc) != nil {
		return nil
	}
	out := map[string]string{}
	for name, path := range paths {
		if v, ok := lookup(doc, path); ok {
			out[name] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// lookup finds a dotted path in decoded JSON and renders it as text.
func lookup(doc any, path string) (string, bool) {
	for _, key := range strings.Split(path, ".") {
		switch node := doc.(type) {
		case map[string]any:
			doc = node[key]
		case []any:
			i, err := strconv.Atoi(key)
			if err != nil || i < 0 || i >= len(node) {
				return "", false
			}
			doc = node[i]
		default:
			return "", false
		}
	}
	return scalar(doc)
}

func scalar(v any) (string, bool) {
	const maxLen = 200
	var s string
	switch v := v.(type) {
	case string:
		s = v
	case bool:
		s = strconv.FormatBool(v)
	case float64:
		s = strconv.FormatFloat(v, 'f', -1, 64)
	case []any:
		var parts []string
		for _, e := range v {
			if p, ok := scalar(e); ok {
				parts = append(parts, p)
			}
		}
		s = strings.Join(parts, ",")
	default:
		return "", false
	}
	if s == "" {
		return "", false
	}
	if len(s) > maxLen {
		s = s[:maxLen] + "…"
	}
	return s, true
}

// Ways of putting a secret on a request.

func bearer(req *http.Request, secret string) {
	req.Header.Set("Authorization", "Bearer "+secret)
}

// header returns an auth func that sets name to prefix+secret.
func header(name, prefix string) func(*http.Request, string) {
	return func(req *http.Request, secret string) { req.Header.Set(name, prefix+secret) }
}

// basicUser returns an auth func sending user:secret as basic auth.
func basicUser(user string) func(*http.Request, string) {
	return func(req *http.Request, secret string) { req.SetBasicAuth(user, secret) }
}

// lookupString returns the text at path in a JSON body.
func lookupString(body []byte, path string) (string, bool) {
	var doc any
	if json.Unmarshal(body, &doc) != nil {
		return "", false
	}
	return lookup(doc, path)
}

// bodyHas reports whether a JSON body's text at path equals want.
func bodyHas(body []byte, path, want string) bool {
	v, ok := lookupString(body, path)
	return ok && v == want
}
