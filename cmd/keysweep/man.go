package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// newManCmd builds the hidden `keysweep man DIR` command, which writes a
// man page for keysweep and each of its commands (keysweep.1,
// keysweep-scan.1, …) into DIR; `make man` runs it.
func newManCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "man DIR",
		Short:  "Write keysweep's man pages into DIR",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("man pages: %w", err)
			}
			header := &doc.GenManHeader{Title: "KEYSWEEP", Section: "1", Source: "keysweep " + toolVersion(), Manual: "keysweep manual"}
			root := cmd.Root()
			root.DisableAutoGenTag = true // reproducible pages: no generation date
			if err := doc.GenManTree(root, header, dir); err != nil {
				return fmt.Errorf("man pages: %w", err)
			}
			return nil
		},
	}
}
