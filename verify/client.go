package verify

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"golang.org/x/time/rate"
)

// maxBody is the most of a response body a verifier reads.
const maxBody = 1 << 20

// Client is the HTTP client verifiers share: TLS only, no redirects to
// another host, an honest User-Agent and a rate limit per host.
type Client struct {
	http      *http.Client
	userAgent string
	limit     rate.Limit
	burst     int

	mu       sync.Mutex
	limiters map[string]*rate.Limiter
}

// newClient wraps base (http.DefaultTransport when nil) in the guards.
func newClient(base http.RoundTripper, userAgent string, limit rate.Limit, burst int) *Client {
	if base == nil {
		base = http.DefaultTransport
	}
	c := &Client{userAgent: userAgent, limit: limit, burst: burst, limiters: map[string]*rate.Limiter{}}
	c.http = &http.Client{
		Transport:     &guard{base: base, client: c},
		CheckRedirect: sameHostRedirect,
	}
	return c
}

// HTTPClient returns the guarded client, for SDKs that take one.
func (c *Client) HTTPClient() *http.Client { return c.http }

// Response is a read response: status, headers, at most 1 MiB of body.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// Do sends req and reads its response. The error never contains the
// request's URL (which may hold a credential, as Telegram's do).
func (c *Client) Do(req *http.Request) (*Response, error) {
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, scrub(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return nil, fmt.Errorf("reading the response from %s: %w", req.URL.Host, scrub(err))
	}
	return &Response{Status: resp.StatusCode, Header: resp.Header, Body: body}, nil
}

func (c *Client) limiter(host string) *rate.Limiter {
	c.mu.Lock()
	defer c.mu.Unlock()
	l, ok := c.limiters[host]
	if !ok {
		l = rate.NewLimiter(c.limit, c.burst)
		c.limiters[host] = l
	}
	return l
}

// guard is the transport's front door: it refuses plain HTTP, sets the
// User-Agent and waits for the host's rate limit.
type guard struct {
	base   http.RoundTripper
	client *Client
}

var _ http.RoundTripper = (*guard)(nil)

func (g *guard) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Scheme != "https" {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, fmt.Errorf("refusing to send a credential to %s without TLS", req.URL.Host)
	}
	if err := g.client.limiter(req.URL.Host).Wait(req.Context()); err != nil {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, fmt.Errorf("waiting for the rate limit of %s: %w", req.URL.Host, err)
	}
	req = req.Clone(req.Context())
	req.Header.Set("User-Agent", g.client.userAgent)
	return g.base.RoundTrip(req)
}

// sameHostRedirect follows a redirect only to the same host over TLS; any
// other is returned to the verifier unfollowed, so a credential never
// leaves its issuer's host.
func sameHostRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= 3 {
		return http.ErrUseLastResponse
	}
	if req.URL.Scheme != "https" || !strings.EqualFold(req.URL.Host, via[0].URL.Host) {
		return http.ErrUseLastResponse
	}
	return nil
}

// scrub drops the URL from a *url.Error, keeping what went wrong.
func scrub(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if errors.Is(ue.Err, context.DeadlineExceeded) {
			return errors.New("timed out")
		}
		return fmt.Errorf("%s %s: %w", ue.Op, hostOf(ue.URL), ue.Err)
	}
	return err
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "the issuer"
	}
	return u.Host
}
