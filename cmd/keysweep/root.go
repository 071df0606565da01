package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

// newRootCmd builds the command tree; finish must run after it executes
// (it stops a --cpuprofile).
func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) (root *cobra.Command, finish func() error) {
	root = &cobra.Command{
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
	root.AddCommand(newScanCmd(), newGitCmd(), newInstallHookCmd(), newRulesCmd(), newVersionCmd())
	root.AddCommand(newVerifyCmd())
	root.AddCommand(newAWSCmd())
	root.AddCommand(newDockerfileCmd())
	root.AddCommand(newVetCmd())
	root.AddCommand(newIAMCmd())
	root.AddCommand(newManCmd())
	root.AddCommand(newImageCmd())

	// --cpuprofile is for keysweep's developers: it writes a pprof CPU
	// profile of the run.
	var profile string
	var profileFile *os.File
	root.PersistentFlags().StringVar(&profile, "cpuprofile", "", "write a CPU profile to `FILE`")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if profile == "" {
			return nil
		}
		f, err := os.Create(profile)
		if err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		profileFile = f
		return pprof.StartCPUProfile(f)
	}
	finish = func() error {
		if profileFile == nil {
			return nil
		}
		pprof.StopCPUProfile()
		return profileFile.Close()
	}
	return root, finish
}
