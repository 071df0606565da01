package main

import "github.com/keysweep/keysweep/rules"

// fileChecks returns the structural checks that `keysweep scan` runs on the
// files they match (Dockerfiles, IAM policies, IaC templates), besides the
// content rules.
func fileChecks(engine *rules.Engine) []rules.FileCheck {
	var checks []rules.FileCheck
	_ = engine // each structural check package adds its FileCheck here
	return checks
}
