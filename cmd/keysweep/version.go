package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Build stamps, set with -ldflags "-X main.version=v1.2.3 -X main.commit=…
// -X main.date=2026-01-02T15:04:05Z" (make build and make release do).
var (
	version = ""
	commit  = ""
	date    = ""
)

// toolVersion returns the build's version: the ldflags value, else the
// module version Go recorded, else "dev".
func toolVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// buildStamp returns the commit and date the binary was built from: the
// ldflags values, else what Go recorded of the version control system
// (vcs.revision, vcs.time), else "unknown".
func buildStamp() (rev, when string) {
	rev, when = commit, date
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			switch {
			case s.Key == "vcs.revision" && rev == "":
				rev = s.Value
			case s.Key == "vcs.time" && when == "":
				when = s.Value
			}
		}
	}
	if rev == "" {
		rev = "unknown"
	}
	if when == "" {
		when = "unknown"
	}
	return rev, when
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print keysweep's version, commit and build date",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			rev, when := buildStamp()
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "keysweep %s\ncommit: %s\ndate: %s\ngo: %s %s/%s\n",
				toolVersion(), rev, when, runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return err
		},
	}
}
