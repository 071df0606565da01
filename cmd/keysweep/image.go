package main

import (
	"fmt"
	"os"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/keysweep/keysweep/rules"
	imagescan "github.com/keysweep/keysweep/scanners/image"
)

type imageFlags struct {
	report       reportFlags
	config       string
	platform     string
	insecure     bool
	maxFileSize  string
	maxLayerSize string
	maxRatio     int64
	workers      int
	noProgress   bool
}

func newImageCmd() *cobra.Command {
	var f imageFlags
	cmd := &cobra.Command{
		Use:   "image REF|TARBALL|OCI-DIR",
		Short: "Scan a container image's layers, config and history for secrets",
		Long: `Scan a container image: every layer on its own, so that a file added in
one layer and deleted or overwritten in a later one (still in the image for
anyone who pulls it) is reported as still extractable from its layer; the
config's Env, Labels, Cmd, Entrypoint and Healthcheck; every history entry
(build arguments leak there); and the Dockerfile checks on the instructions
the history records.

The image is a file (a "docker save" tarball), a folder (an OCI layout) or
else a reference pulled from its registry with the credentials of the Docker
config. Layers are streamed, never extracted to disk; a layer that inflates
past --max-layer-size, or past --max-ratio times its compressed size (a
decompression bomb), and tar entries whose path leaves the layer's root are
refused and reported, and the scan is then incomplete (exit 2).`,
		Example: `  keysweep image alpine:3.20
  keysweep image --platform linux/arm64 ghcr.io/example/app:v1.2 --format sarif -o image.sarif
  docker save app:dev -o app.tar && keysweep image app.tar
  keysweep image --insecure registry.internal:5000/app:latest`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runImage(cmd, args[0], &f)
		},
	}
	f.report.register(cmd)
	fl := cmd.Flags()
	fl.StringVarP(&f.config, "config", "c", "", "rule configuration `FILE` (keysweep or gitleaks TOML)")
	fl.StringVar(&f.platform, "platform", "", "pick this `OS/ARCH[/VARIANT]` of a multi-platform image (default linux/amd64)")
	fl.BoolVar(&f.insecure, "insecure", false, "allow plain HTTP and unverified TLS for the registry (local registries)")
	fl.StringVar(&f.maxFileSize, "max-file-size", "0", "skip the content of files larger than this (e.g. 10MB; 0: no limit), reporting each")
	fl.StringVar(&f.maxLayerSize, "max-layer-size", "16GB", "refuse a layer that inflates past this many bytes (0: no limit)")
	fl.Int64Var(&f.maxRatio, "max-ratio", imagescan.DefaultMaxRatio, "refuse a layer that inflates past this many times its compressed size (beyond 64 MiB); 0: no limit")
	fl.IntVar(&f.workers, "workers", 0, "layers scanned at once (default: the number of CPUs, at most 4)")
	fl.BoolVar(&f.noProgress, "no-progress", false, "never show the progress line (it shows only when standard error is a terminal)")
	return cmd
}

func runImage(cmd *cobra.Command, target string, f *imageFlags) error {
	if err := f.report.validate(); err != nil {
		return err
	}
	opts, err := f.options()
	if err != nil {
		return err
	}
	srcOpts := imagescan.SourceOptions{Insecure: f.insecure}
	if f.platform != "" {
		p, err := v1.ParsePlatform(f.platform)
		if err != nil {
			return fmt.Errorf("--platform: %w", err)
		}
		srcOpts.Platform = p
	}
	filter, err := f.report.filter(".")
	if err != nil {
		return err
	}
	engine, err := loadEngine(f.config, ".")
	if err != nil {
		return err
	}
	for _, c := range fileChecks(engine) {
		if c.Name() == rules.CheckDockerfile {
			opts.HistoryCheck = c
		}
	}
	if file, ok := cmd.ErrOrStderr().(*os.File); ok && !f.noProgress && term.IsTerminal(int(file.Fd())) {
		opts.Progress = file
	}
	src, err := imagescan.Open(cmd.Context(), target, srcOpts)
	if err != nil {
		return err
	}
	res, err := imagescan.New(engine, opts).Scan(cmd.Context(), src.Image)
	if err != nil {
		return fmt.Errorf("scanning %s: %w", target, err)
	}
	r := newReport([]string{target + "@" + res.Digest})
	r.Findings, r.Notices, r.Stats = res.Findings, res.Notices, res.Stats
	return f.report.finish(cmd, r, filter, engine.Rules())
}

// options turns the size flags into scanner options.
func (f *imageFlags) options() (imagescan.Options, error) {
	maxFile, err := parseSize(f.maxFileSize)
	if err != nil {
		return imagescan.Options{}, fmt.Errorf("--max-file-size: %w", err)
	}
	maxLayer, err := parseSize(f.maxLayerSize)
	if err != nil {
		return imagescan.Options{}, fmt.Errorf("--max-layer-size: %w", err)
	}
	if maxLayer == 0 {
		maxLayer = -1 // 0 asks for no limit
	}
	ratio := f.maxRatio
	switch {
	case ratio < 0:
		return imagescan.Options{}, fmt.Errorf("--max-ratio %d: want 0 (no limit) or more", ratio)
	case ratio == 0:
		ratio = -1
	}
	return imagescan.Options{MaxFileSize: maxFile, MaxLayerSize: maxLayer, MaxRatio: ratio, Workers: f.workers}, nil
}
