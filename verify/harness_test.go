package verify

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"io"
	"log"
	"math/big"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// issuer is a local stand-in for every provider: one TLS server that
// answers for any host name (it mints a certificate per SNI name from a
// test CA), records each request and replies as the test says. A client
// transport dials it whatever the host, so verifiers call their real
// URLs.
type issuer struct {
	t      *testing.T
	srv    *httptest.Server
	caPool *x509.CertPool

	mu       sync.Mutex
	secret   string
	reply    func(r *http.Request, body []byte) reply
	requests []seen
}

// seen is one request the issuer received.
type seen struct {
	Host, Method, Path string
	// Carries is true when the request carried the secret the test set.
	Carries bool
}

type reply struct {
	status int
	body   string
	header map[string]string
}

func newIssuer(t *testing.T) *issuer {
	t.Helper()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	caTmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "keysweep test CA"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		IsCA:                  true,
		KeyUsage:              x509.KeyUsageCertSign,
		BasicConstraintsValid: true,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	is := &issuer{t: t, caPool: x509.NewCertPool()}
	is.caPool.AddCert(ca)

	var certMu sync.Mutex
	certs := map[string]*tls.Certificate{}
	leafKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	getCert := func(hello *tls.ClientHelloInfo) (*tls.Certificate, error) {
		certMu.Lock()
		defer certMu.Unlock()
		name := hello.ServerName
		if c, ok := certs[name]; ok {
			return c, nil
		}
		tmpl := &x509.Certificate{
			SerialNumber: big.NewInt(int64(len(certs) + 2)),
			Subject:      pkix.Name{CommonName: name},
			DNSNames:     []string{name},
			NotBefore:    time.Now().Add(-time.Hour),
			NotAfter:     time.Now().Add(time.Hour),
			KeyUsage:     x509.KeyUsageDigitalSignature,
			ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &leafKey.PublicKey, caKey)
		if err != nil {
			return nil, err
		}
		c := &tls.Certificate{Certificate: [][]byte{der}, PrivateKey: leafKey}
		certs[name] = c
		return c, nil
	}

	is.srv = httptest.NewUnstartedServer(http.HandlerFunc(is.serve))
	is.srv.TLS = &tls.Config{GetCertificate: getCert}
	is.srv.Config.ErrorLog = log.New(io.Discard, "", 0) // handshakes cut short by Close
	is.srv.StartTLS()
	t.Cleanup(is.srv.Close)
	return is
}

// transport dials the issuer for every host, trusting the test CA.
func (is *issuer) transport() http.RoundTripper {
	addr := is.srv.Listener.Addr().String()
	return &http.Transport{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, addr)
		},
		TLSClientConfig: &tls.Config{RootCAs: is.caPool},
	}
}

// runner returns a Runner whose requests all reach the issuer.
func (is *issuer) runner(opts Options) *Runner {
	opts.transport = is.transport()
	if opts.PerHostRate == 0 {
		opts.PerHostRate = 10000
	}
	return New(NewRegistry(), opts)
}

// respond sets how the issuer answers; secret is what a request must
// carry for seen.Carries.
func (is *issuer) respond(secret string, rep reply) {
	is.handle(secret, func(*http.Request, []byte) reply { return rep })
}

// handle sets a function that answers each request.
func (is *issuer) handle(secret string, fn func(r *http.Request, body []byte) reply) {
	is.mu.Lock()
	defer is.mu.Unlock()
	is.secret, is.reply = secret, fn
}

func (is *issuer) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	is.mu.Lock()
	fn, secret := is.reply, is.secret
	is.mu.Unlock()
	rep := reply{status: http.StatusTeapot}
	if fn != nil {
		rep = fn(r, body)
	}
	host, _, err := net.SplitHostPort(r.Host)
	if err != nil {
		host = r.Host
	}
	is.mu.Lock()
	is.requests = append(is.requests, seen{Host: host, Method: r.Method, Path: r.URL.Path, Carries: secret != "" && carries(r, body, secret)})
	is.mu.Unlock()
	for k, v := range rep.header {
		w.Header().Set(k, v)
	}
	if rep.status == 0 {
		rep.status = http.StatusOK
	}
	w.WriteHeader(rep.status)
	io.WriteString(w, rep.body)
}

// take returns and forgets the requests seen so far.
func (is *issuer) take() []seen {
	is.mu.Lock()
	defer is.mu.Unlock()
	out := is.requests
	is.requests = nil
	return out
}

// carries reports whether a request holds the secret: in a header (basic
// auth decoded), the path, the query or the body.
func carries(r *http.Request, body []byte, secret string) bool {
	if strings.Contains(r.URL.Path, secret) || strings.Contains(r.URL.RawQuery, secret) || strings.Contains(string(body), secret) {
		return true
	}
	if strings.Contains(r.URL.RawQuery, strings.ReplaceAll(secret, ":", "%3A")) {
		return true
	}
	for _, vs := range r.Header {
		for _, v := range vs {
			if strings.Contains(v, secret) {
				return true
			}
			if b, ok := strings.CutPrefix(v, "Basic "); ok {
				if dec, err := base64.StdEncoding.DecodeString(b); err == nil && strings.Contains(string(dec), secret) {
					return true
				}
			}
		}
	}
	return false
}

// fake returns a made-up secret of n characters from alphabet after
// prefix, different for each seed. Nothing in this package's tests is a
// real credential.
func fake(seed uint64, prefix string, n int, alphabet string) string {
	r := mrand.New(mrand.NewPCG(seed, 7))
	var b strings.Builder
	b.WriteString(prefix)
	for range n {
		b.WriteByte(alphabet[r.IntN(len(alphabet))])
	}
	return b.String()
}

const (
	alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	hexa  = "0123456789abcdef"
	digit = "0123456789"
)
