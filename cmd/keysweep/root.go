package main

import (
	"io"

	"github.com/spf13/cobra"
)

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "keysweep",
		Short: "Find leaked secrets and the misconfigurations that leak them",
		Long: `keysweep finds leaked secrets (API keys, passwords, tokens, private keys,
cloud credentials) in files and folders, and reports them as SARIF (for
GitHub code scanning), JSON or text.

Exit codes: 0 nothing found, 1 findings at or above --fail-on,
2 error or incomplete scan.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(newScanCmd(), newRulesCmd(), newVersionCmd())
	return root
}
