// Command keysweep finds leaked secrets, and the cloud and build
// misconfigurations that leak them, and reports them as SARIF, JSON or
// text.
//
// Exit codes: 0 when nothing was found, 1 when findings reach --fail-on,
// 2 on an error or when anything asked for could not be scanned.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
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
