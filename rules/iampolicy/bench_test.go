package iampolicy

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/keysweep/keysweep/finding"
)

func BenchmarkIdentityPolicy(b *testing.B) {
	a := NewAnalyzer(testEngine(b))
	doc, err := os.ReadFile(filepath.Join("testdata", "policy.json.in"))
	if err != nil {
		b.Fatal(err)
	}
	loc := finding.Location{Kind: finding.KindResource, Resource: "arn:aws:iam::123456789012:policy/p"}
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		if _, err := a.IdentityPolicy(doc, loc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFileCheck(b *testing.B) {
	check := NewFileCheck(testEngine(b))
	for _, name := range []string{"main.tf", "template.yaml", "authorization-details.json"} {
		content, err := os.ReadFile(filepath.Join("testdata", name+".in"))
		if err != nil {
			b.Fatal(err)
		}
		loc := finding.Location{Kind: finding.KindFile, Path: name, Key: name}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(content)))
			for b.Loop() {
				if _, err := check.Check(context.Background(), content, loc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
