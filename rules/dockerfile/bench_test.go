package dockerfile

import (
	"context"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
)

// benchDockerfile is a real-world-shaped multi-stage Dockerfile of about
// 50 lines with a few findings.
const benchDockerfile = `# syntax=docker/dockerfile:1
ARG GO_VERSION=1.26
FROM golang:${GO_VERSION} AS build
WORKDIR /src
ARG GITHUB_TOKEN
ENV CGO_ENABLED=0 GOFLAGS=-trimpath
RUN git config --global url."https://x-access-token:${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build \
    go build -ldflags="-s -w" -o /out/server ./cmd/server && \
    go build -o /out/migrate ./cmd/migrate

FROM node:22 AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN --mount=type=secret,id=npm,env=NPM_TOKEN \
    echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm -f .npmrc
COPY web/ ./
RUN npm run build

FROM alpine:3.21 AS certs
RUN apk add --no-cache ca-certificates

FROM gcr.io/distroless/static:nonroot
COPY --from=certs /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=build /out/server /server
COPY --from=build /out/migrate /migrate
COPY --from=web /web/dist /static
ENV APP_ENV=production \
    LOG_LEVEL=info \
    DB_PASSWORD_FILE=/run/secrets/db_password
USER nonroot:nonroot
EXPOSE 8080
HEALTHCHECK --interval=30s CMD ["/server", "-health"]
ENTRYPOINT ["/server"]
`

func BenchmarkCheck(b *testing.B) {
	c := NewCheck(engine(b))
	loc := finding.Location{Kind: finding.KindCommit, Path: "Dockerfile"}
	content := []byte(benchDockerfile)
	b.SetBytes(int64(len(content)))
	for b.Loop() {
		if _, err := c.Check(context.Background(), content, loc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckHistory checks a long image history (300 entries).
func BenchmarkCheckHistory(b *testing.B) {
	c := NewCheck(engine(b))
	loc := finding.Location{Kind: finding.KindImage, Path: "img", Field: "history"}
	var sb strings.Builder
	for i := range 100 {
		_ = i
		sb.WriteString("/bin/sh -c #(nop)  ENV PATH=/usr/local/bin:/usr/bin LANG=C.UTF-8\n")
		sb.WriteString("RUN |1 VERSION=1.2.3 /bin/sh -c apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n")
		sb.WriteString("COPY dir:0123456789abcdef in /app # buildkit\n")
	}
	content := []byte(sb.String())
	b.SetBytes(int64(len(content)))
	for b.Loop() {
		if _, err := c.Check(context.Background(), content, loc); err != nil {
			b.Fatal(err)
		}
	}
}
