// Package dockerfile is the Dockerfile check: it parses Dockerfiles with
// BuildKit's own parser and reports the catalog rules of check
// "dockerfile" (rules/data/dockerfile.toml): secrets in ENV and ARG,
// secret-named build arguments, COPY and ADD of secret files, a whole build
// context copied without a .dockerignore that keeps .env and .git out, and
// RUN commands that put credentials on their command line.
//
// The same check serves two sources: the file scanner, on Dockerfiles
// (finding.KindFile, where the .dockerignore next to the Dockerfile is read),
// and the image scanner, on the Dockerfile reconstructed from an image's
// history (any other kind: the disk is never touched and checks that need a
// build context are skipped).
//
// A finding in a build stage whose files never reach the final stage (it is
// neither an ancestor of the final stage nor copied from with COPY --from)
// is reported one severity lower, and its message names the stage.
//
// A comment line "# keysweep:allow <reason>" directly above an instruction
// suppresses the check's findings on that instruction.
package dockerfile
