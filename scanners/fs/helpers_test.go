package fs

import (
	"context"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules"
	"github.com/keysweep/keysweep/rules/rulestest"
)

// fakeToken builds a checksum-valid but plainly fake GitHub token
// ("ghp_" + 30 characters + the base62 CRC-32 of those 30), which the
// built-in rule github-pat reports.
func fakeToken(fill byte) string {
	const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	body := strings.Repeat(string(fill), 30)
	n := crc32.ChecksumIEEE([]byte(body))
	var sum [6]byte
	for i := len(sum) - 1; i >= 0; i-- {
		sum[i] = alphabet[n%62]
		n /= 62
	}
	return "ghp_" + body + string(sum[:])
}

// engine is the built-in catalog's engine, compiled once.
func engine(t testing.TB) *rules.Engine { return rulestest.Engine(t) }

// keystoreEngine is the built-in catalog plus a path-only rule,
// test-keystore, that reports .jks and .p12 files.
func keystoreEngine(t *testing.T) *rules.Engine {
	t.Helper()
	cfg := filepath.Join(t.TempDir(), "keysweep.toml")
	writeFile(t, filepath.Dir(cfg), filepath.Base(cfg), `
[extend]
useDefault = true

[[rules]]
id = "test-keystore"
title = "Keystore file"
description = "A keystore file holds private keys."
path = '''\.(jks|p12)$'''
severity = "high"
`)
	e, _, err := rules.Load(rules.LoadOptions{ConfigFile: cfg})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// writeFile writes content to root/rel (a slash path), making directories.
func writeFile(t testing.TB, root, rel, content string) string {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func scan(t testing.TB, s *Scanner, targets ...string) *Result {
	t.Helper()
	res, err := s.Scan(context.Background(), targets, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// keys returns the sorted, de-duplicated Keys of res's findings of rule.
func keys(res *Result, rule string) []string {
	var out []string
	for _, f := range res.Findings {
		if f.RuleID == rule {
			out = append(out, f.Location.Key)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// noticeFor returns the notice about path, failing if there is none.
func noticeFor(t *testing.T, res *Result, path string) finding.Notice {
	t.Helper()
	for _, n := range res.Notices {
		if n.Path == path {
			return n
		}
	}
	t.Fatalf("no notice for %s in %+v", path, res.Notices)
	return finding.Notice{}
}

func noNotices(t *testing.T, res *Result) {
	t.Helper()
	if len(res.Notices) > 0 {
		t.Errorf("unexpected notices: %+v", res.Notices)
	}
}
