// Package tests checks that _test.go files are skipped unless -tests.
package tests
