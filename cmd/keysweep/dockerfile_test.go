package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func dockerfileJSON(t *testing.T, args ...string) (int, jsonOut, string) {
	t.Helper()
	code, stdout, stderr := keysweep(t, "", append([]string{"dockerfile", "--format", "json"}, args...)...)
	var out jsonOut
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("exit %d, bad JSON: %v\n%s\nstderr: %s", code, err, stdout, stderr)
	}
	return code, out, stderr
}

func TestDockerfileCommand(t *testing.T) {
	dir := t.TempDir()
	leaky := filepath.Join(dir, "leaky", "Dockerfile")
	write(t, leaky, `FROM node:22 AS build
ARG NPM_TOKEN
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci

FROM node:22-slim
COPY --from=build /app /app
COPY id_rsa /root/.ssh/id_rsa
`)
	clean := filepath.Join(dir, "clean", "Containerfile")
	write(t, clean, `# syntax=docker/dockerfile:1
FROM node:22
RUN --mount=type=secret,id=npm,env=NPM_TOKEN npm ci
COPY . /app
`)
	write(t, filepath.Join(dir, "clean", ".dockerignore"), ".git\n.env*\n")
	broken := filepath.Join(dir, "broken", "Dockerfile")
	write(t, broken, "FROM alpine\nCOPY id_rsa /root/\nNOTANINSTRUCTION x\n")

	t.Run("findings", func(t *testing.T) {
		code, out, stderr := dockerfileJSON(t, leaky)
		if code != exitFindings || !out.Complete {
			t.Fatalf("exit %d, complete %v; stderr %s", code, out.Complete, stderr)
		}
		var got []string
		for _, f := range out.Findings {
			got = append(got, f.RuleID+"@"+strconv.Itoa(f.Location.StartLine))
		}
		slices.Sort(got)
		want := []string{
			"dockerfile-copy-secret-file@7",
			"dockerfile-run-inline-credential@3",
			"dockerfile-secret-build-arg@2",
		}
		if !slices.Equal(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("clean", func(t *testing.T) {
		code, out, stderr := dockerfileJSON(t, clean)
		if code != exitClean || len(out.Findings) != 0 {
			t.Fatalf("exit %d, %d findings; stderr %s", code, len(out.Findings), stderr)
		}
	})
	t.Run("does not parse", func(t *testing.T) {
		code, out, _ := dockerfileJSON(t, broken, clean)
		if code != exitError || out.Complete {
			t.Fatalf("exit %d, complete %v; want 2, false", code, out.Complete)
		}
		if len(out.Notices) != 1 || !strings.Contains(out.Notices[0].Message, "line 3") ||
			!strings.Contains(out.Notices[0].Message, filepath.ToSlash(broken)) {
			t.Errorf("notices %+v, want one naming the file and line 3", out.Notices)
		}
		if len(out.Findings) != 1 || out.Findings[0].RuleID != "dockerfile-copy-secret-file" {
			t.Errorf("findings of the lines that parse are kept: %+v", out.Findings)
		}
	})
	t.Run("missing file", func(t *testing.T) {
		code, out, _ := dockerfileJSON(t, filepath.Join(dir, "nope", "Dockerfile"))
		if code != exitError || len(out.Notices) != 1 {
			t.Fatalf("exit %d, notices %+v", code, out.Notices)
		}
	})
	t.Run("no arguments", func(t *testing.T) {
		if code, _, _ := keysweep(t, "", "dockerfile"); code != exitError {
			t.Fatalf("exit %d, want 2", code)
		}
	})
	t.Run("scan runs the check", func(t *testing.T) {
		code, out, stderr := scanJSON(t, filepath.Join(dir, "leaky"))
		if code != exitFindings {
			t.Fatalf("exit %d; stderr %s", code, stderr)
		}
		found := false
		for _, f := range out.Findings {
			found = found || (f.RuleID == "dockerfile-copy-secret-file" && f.Location.StartLine == 7)
		}
		if !found {
			t.Errorf("keysweep scan did not run the Dockerfile check: %+v", out.Findings)
		}
	})
}
