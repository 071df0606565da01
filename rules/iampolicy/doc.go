// Package iampolicy is keysweep's IAM policy engine: it parses policy
// documents (from JSON, Terraform, CloudFormation and SAM templates, and
// `aws iam get-account-authorization-details` output), expands action
// wildcards against an embedded catalog of IAM actions, and reports the
// catalog rules of check "iam": who can read every secret, decrypt with
// every key, or administer everything, and resource policies open to
// anyone or to other accounts.
//
// The file scanner (through NewFileCheck) and the AWS account sweep
// (through Analyzer.IdentityPolicy and Analyzer.ResourcePolicy) share it.
package iampolicy

//go:generate go run ./internal/genactions -o actions.txt
