package main

import (
	"github.com/keysweep/keysweep/rules"
	"github.com/keysweep/keysweep/rules/dockerfile"
	"github.com/keysweep/keysweep/rules/iampolicy"
	"github.com/keysweep/keysweep/rules/k8ssecret"
)

// fileChecks returns the structural checks that `keysweep scan` runs on the
// files they match (Dockerfiles, IAM policies, IaC templates, Kubernetes
// Secret manifests), besides the content rules.
func fileChecks(engine *rules.Engine) []rules.FileCheck {
	return []rules.FileCheck{
		dockerfile.NewCheck(engine),
		iampolicy.NewFileCheck(engine),
		k8ssecret.NewCheck(engine),
	}
}
