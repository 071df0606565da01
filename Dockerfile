# syntax=docker/dockerfile:1
# keysweep's container image: a static binary on distroless "static"
# (CA certificates, /etc/passwd with nonroot, tzdata; no shell, no package
# manager), run as the non-root user 65532.
#
#   make image                     # docker buildx / BuildKit
#   docker run --rm -v "$PWD:/src:ro" keysweep scan /src
#
# Pin the base images by digest in your own builds (FROM image@sha256:…).

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
ARG VERSION=dev
ARG COMMIT=unknown
ARG DATE=unknown
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath \
      -ldflags "-s -w -X main.version=${VERSION} -X main.commit=${COMMIT} -X main.date=${DATE}" \
      -o /out/keysweep ./cmd/keysweep

FROM gcr.io/distroless/static-debian12:nonroot
LABEL org.opencontainers.image.title="keysweep" \
      org.opencontainers.image.description="Find leaked secrets and the misconfigurations that leak them" \
      org.opencontainers.image.source="https://github.com/keysweep/keysweep"
COPY --from=build /out/keysweep /keysweep
USER 65532:65532
WORKDIR /src
ENTRYPOINT ["/keysweep"]
CMD ["--help"]
