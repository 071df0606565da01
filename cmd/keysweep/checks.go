package main

import (
	"github.com/keysweep/keysweep/rules"
	"github.com/keysweep/keysweep/rules/dockerfile"
	"github.com/keysweep/keysweep/rules/iampolicy"
)

// fileChecks returns the structural checks that `keysweep scan` runs on the
// files they match (Dockerfiles, IAM policies, IaC templates), besides the
// content rules.
func fileChecks(engine *rules.Engine) []rules.FileCheck {
	return []rules.FileCheck{
		dockerfile.NewCheck(engine),
		iampolicy.NewFileCheck(engine),
	}
}
