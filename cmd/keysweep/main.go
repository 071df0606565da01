// Command keysweep finds leaked secrets, and the cloud and build
// misconfigurations that leak them, and reports them as SARIF, JSON or
// text.
//
// Exit codes: 0 when nothing was found, 1 when findings reach --fail-on,
// 2 on an error or when anything asked for could not be scanned.
package main

import (
	"context"
	"crypto"
	"crypto/sha1"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	gogithash "github.com/go-git/go-git/v5/plumbing/hash"
)

// Exit codes.
const (
	exitClean    = 0
	exitFindings = 1
	exitError    = 2
)

// exitCodeError carries an exit code up to main without printing anything
// more (the command has reported already).
type exitCodeError struct{ code int }

func (e exitCodeError) Error() string { return fmt.Sprintf("exit %d", e.code) }

func main() {
	// go-git hashes every object it reads into its cache with SHA-1 that
	// detects collision attacks (sha1cd), several times slower than the
	// standard library's. keysweep only reads repositories; it does not
	// trust object names for anything a collision could subvert (a
	// repository's author can hide content from a scanner anyway), so
	// history scans use the fast one.
	if err := gogithash.RegisterHash(crypto.SHA1, sha1.New); err != nil {
		fmt.Fprintf(os.Stderr, "keysweep: %v\n", err)
		os.Exit(exitError)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes the command line args and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd, finish := newRootCmd(stdin, stdout, stderr)
	cmd.SetArgs(args)
	err := cmd.ExecuteContext(ctx)
	if ferr := finish(); ferr != nil && err == nil {
		err = ferr
	}
	var ec exitCodeError
	switch {
	case err == nil:
		return exitClean
	case errors.As(err, &ec):
		return ec.code
	default:
		fmt.Fprintf(stderr, "keysweep: %v\n", err)
		return exitError
	}
}
