package dockerfile

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/keysweep/keysweep/finding"
	"github.com/keysweep/keysweep/rules/rulestest"
)

// fakes are the secrets the test Dockerfiles use, generated at test time:
// {{GHP}} a checksum-valid GitHub token, {{AWS}} an AWS secret key,
// {{PW}} a password.
func fakes(t testing.TB) *strings.Replacer {
	t.Helper()
	r := rulestest.Rand(7)
	return strings.NewReplacer(
		"{{GHP}}", rulestest.GitHubToken(r),
		"{{AWS}}", rulestest.AWSSecretKey(r),
		"{{PW}}", "Pw-"+rulestest.String(r, "abcdefghijkmnpqrstuvwxyz23456789", 14),
	)
}

// checkFile runs the check on a Dockerfile written in a fresh folder (with
// the given .dockerignore, unless it is "-"), and returns its findings as
// "rule@line:severity", sorted.
func checkFile(t *testing.T, dockerfile, dockerignore string) ([]string, []finding.Finding) {
	t.Helper()
	dir := t.TempDir()
	if dockerignore != "-" {
		if err := os.WriteFile(filepath.Join(dir, ".dockerignore"), []byte(dockerignore), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.ToSlash(filepath.Join(dir, "Dockerfile"))
	loc := finding.Location{Kind: finding.KindFile, Path: p, Key: "Dockerfile"}
	fs, err := NewCheck(engine(t)).Check(context.Background(), []byte(fakes(t).Replace(dockerfile)), loc)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	return summarize(fs), fs
}

func summarize(fs []finding.Finding) []string {
	out := make([]string, 0, len(fs))
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s@%d:%s", f.RuleID, f.Location.StartLine, f.Severity))
	}
	slices.Sort(out)
	return out
}

// A .dockerignore that keeps secrets out, so that COPY . does not report.
const goodIgnore = ".git\n.env*\n"

func TestCheckDockerfiles(t *testing.T) {
	tests := []struct {
		name       string
		dockerfile string
		ignore     string
		want       []string
		// inMessage must appear in some finding's message.
		inMessage string
	}{{
		name: "multi-stage, builder copied into the final stage",
		dockerfile: `# syntax=docker/dockerfile:1
FROM golang:1.26 AS builder
ARG GITHUB_TOKEN
RUN git config --global url."https://x-access-token:${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/" && \
    go mod download
COPY . /src
RUN go build -o /out/app ./cmd/app

FROM gcr.io/distroless/static
COPY --from=builder /out/app /app
ENTRYPOINT ["/app"]
`,
		ignore: "-",
		want: []string{
			"dockerfile-copy-context-unignored@6:medium",
			"dockerfile-run-inline-credential@4:high",
			"dockerfile-secret-build-arg@3:medium",
		},
		inMessage: "RUN --mount=type=secret",
	}, {
		name: "multi-stage, a stage that never reaches the final image",
		dockerfile: `FROM node:22 AS deps
WORKDIR /app
ARG NPM_TOKEN
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci

FROM deps AS test
ENV API_KEY={{PW}}
RUN npm test

FROM node:22-slim
COPY --from=deps /app/node_modules ./node_modules
CMD ["node", "server.js"]
`,
		want: []string{
			"dockerfile-run-inline-credential@4:high",
			"dockerfile-secret-build-arg@3:medium",
			"dockerfile-secret-variable@7:medium",
		},
		inMessage: `(build stage "test", not in the final image)`,
	}, {
		name: "stage referenced by index",
		dockerfile: `FROM alpine:3.21
COPY id_ed25519 /root/.ssh/
RUN ssh-keyscan git.example.test >> /root/.ssh/known_hosts

FROM alpine:3.21
COPY id_rsa /root/.ssh/

FROM alpine:3.21
COPY --from=0 /root/.ssh/known_hosts /etc/ssh/
`,
		want: []string{
			"dockerfile-copy-secret-file@2:high",
			"dockerfile-copy-secret-file@6:medium",
		},
		inMessage: `(build stage 1, not in the final image)`,
	}, {
		name: "heredocs",
		dockerfile: `# syntax=docker/dockerfile:1
FROM alpine:3.21
RUN <<EOF
set -e
apk add --no-cache curl
curl -fsSL -H "Authorization: Bearer {{GHP}}" https://api.example.test/x -o /x
EOF
COPY <<EOF /root/.netrc
machine example.test login ci password {{PW}}
EOF
RUN <<EOF
echo "no credentials here"
EOF
`,
		want: []string{
			"dockerfile-copy-secret-file@8:high",
			"dockerfile-run-inline-credential@6:high",
		},
	}, {
		name: "heredoc written to .npmrc from a build argument",
		dockerfile: `FROM node:22
ARG NODE_AUTH_TOKEN
RUN cat <<EOF > /root/.npmrc && npm ci
//registry.npmjs.org/:_authToken=${NODE_AUTH_TOKEN}
EOF
`,
		want: []string{
			"dockerfile-run-inline-credential@4:high",
			"dockerfile-secret-build-arg@2:medium",
		},
	}, {
		name: "line continuations and the escape directive",
		dockerfile: "# escape=`\n" + `FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN curl.exe -fsSL ` + "`" + `
    -u deploy:{{PW}} ` + "`" + `
    https://artifacts.example.test/app.zip -o app.zip
ENV APP_HOME=C:\app ` + "`" + `
    SERVICE_TOKEN={{PW}}
`,
		want: []string{
			"dockerfile-run-inline-credential@4:high",
			"dockerfile-secret-variable@7:high",
		},
	}, {
		name: "build secrets used correctly",
		dockerfile: `# syntax=docker/dockerfile:1
ARG NODE_VERSION=22
FROM node:${NODE_VERSION} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
RUN --mount=type=secret,id=gh,env=GH_TOKEN \
    git clone https://x-access-token:${GH_TOKEN}@github.com/org/lib.git && \
    curl -fsSL -H "Authorization: token $GH_TOKEN" https://api.github.com/user
RUN --mount=type=secret,id=npm,env=NPM_TOKEN \
    echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm -f .npmrc
RUN --mount=type=secret,id=aws,target=/root/.aws/credentials aws s3 cp s3://bucket/x .
RUN --mount=type=ssh git clone git@github.com:org/private.git
RUN --mount=type=secret,id=tok TOKEN=$(cat /run/secrets/tok) && curl -u "ci:$TOKEN" https://x.example.test
RUN docker login -u ci --password-stdin registry.example.test < /run/secrets/reg
RUN curl -u ci https://prompted.example.test
COPY src ./src

FROM node:22-slim
ENV NODE_ENV=production PASSWORD_MIN_LENGTH=12 TOKEN_TYPE=Bearer SECRET_KEY_FILE=/run/secrets/key
ENV POSTGRES_PASSWORD_FILE=/run/secrets/pg MYSQL_RANDOM_ROOT_PASSWORD=yes DB_PASSWORD=${DB_PASSWORD}
COPY --from=build /app /app
COPY . /srv
CMD ["node", "/app/server.js"]
`,
		ignore: goodIgnore,
		want:   nil,
	}, {
		name: "a secret mount written to a file that stays",
		dockerfile: `FROM node:22
RUN --mount=type=secret,id=npm,env=NPM_TOKEN \
    npm config set //registry.npmjs.org/:_authToken "$NPM_TOKEN" && npm ci
`,
		want: []string{"dockerfile-run-inline-credential@3:high"},
	}, {
		name: "ENV and ARG",
		dockerfile: `ARG BASE=alpine:3.21
ARG REGISTRY_PASSWORD
FROM ${BASE}
ENV GITHUB_TOKEN={{GHP}}
ENV DB_HOST=db \
    DB_PASSWORD="{{PW}}" \
    DB_USER=app
ENV DATABASE_URL=postgres://app:{{PW}}@db:5432/app
ARG CLIENT_SECRET
ARG SIGNING_KEY=""
ARG ADMIN_PASSWORD=changeme
ENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY={{AWS}}
ENV apiKey={{PW}}
ENV TOKENIZERS_PARALLELISM=false GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D
`,
		want: []string{
			"dockerfile-secret-build-arg@9:medium",
			"dockerfile-secret-value@12:critical",
			"dockerfile-secret-value@4:critical",
			"dockerfile-secret-value@8:critical",
			"dockerfile-secret-variable@13:high",
			"dockerfile-secret-variable@6:high",
		},
		inMessage: "rule github-pat",
	}, {
		name: "COPY and ADD of secret files",
		dockerfile: `FROM alpine:3.21
COPY .aws/credentials /root/.aws/credentials
COPY config/ /app/config/
COPY --chown=app:app certs/server.key /etc/ssl/private/
COPY fullchain.pem ca.pem /etc/ssl/certs/
ADD kubeconfig /root/.kube/config
COPY --from=registry.example.test/tools:1 /root/.docker/config.json /root/.docker/
ADD https://example.test/id_rsa.pub /tmp/
COPY .env.example .env.production.sample ./
COPY *.p12 /keys/
COPY prod.env /app/.env
COPY gcp-service-account.json /secrets/
COPY settings.json /app/credentials.json
COPY ["id_ecdsa", "/root/.ssh/"]
`,
		want: []string{
			"dockerfile-copy-secret-file@10:high",
			"dockerfile-copy-secret-file@11:high",
			"dockerfile-copy-secret-file@12:high",
			"dockerfile-copy-secret-file@13:high",
			"dockerfile-copy-secret-file@14:high",
			"dockerfile-copy-secret-file@2:high",
			"dockerfile-copy-secret-file@4:high",
			"dockerfile-copy-secret-file@6:high",
			"dockerfile-copy-secret-file@7:high",
		},
	}, {
		name: "RUN inline credentials",
		dockerfile: `FROM google/cloud-sdk:slim
COPY gcp-key.json /tmp/gcp-key.json
RUN gcloud auth activate-service-account --key-file=/tmp/gcp-key.json
RUN aws configure set aws_secret_access_key {{AWS}} && aws configure set region eu-west-1
RUN docker login -u ci -p {{PW}} registry.example.test
RUN ["curl", "-H", "X-API-Key: {{PW}}", "https://api.example.test/v1"]
RUN git clone https://{{GHP}}@github.com/org/repo.git
RUN pip install --index-url https://ci:{{PW}}@pypi.example.test/simple app
RUN wget --password={{PW}} --user=ci https://files.example.test/a.tgz
ARG GIT_TOKEN
RUN echo "https://ci:${GIT_TOKEN}@git.example.test" > ~/.git-credentials && git clone https://git.example.test/a.git
ENV DEPLOY_TOKEN_ENV=x
RUN curl -u "ci:changeme" https://x.example.test && curl -u "ci:${UNDECLARED}" https://y.example.test
`,
		want: []string{
			"dockerfile-copy-secret-file@2:high",
			"dockerfile-run-inline-credential@11:high",
			"dockerfile-run-inline-credential@3:high",
			"dockerfile-run-inline-credential@4:high",
			"dockerfile-run-inline-credential@5:high",
			"dockerfile-run-inline-credential@6:high",
			"dockerfile-run-inline-credential@7:high",
			"dockerfile-run-inline-credential@8:high",
			"dockerfile-run-inline-credential@9:high",
			"dockerfile-secret-build-arg@10:medium",
		},
	}, {
		name: "keysweep:allow needs a reason",
		dockerfile: `FROM alpine:3.21
# keysweep:allow fixture password of the throwaway test database
ENV TEST_DB_PASSWORD={{PW}}
# keysweep:allow
ENV OTHER_DB_PASSWORD={{PW}}
`,
		want: []string{"dockerfile-secret-variable@5:high"},
	}, {
		name:       "no instructions",
		dockerfile: "# just a comment\n\n",
		want:       nil,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ignore := tt.ignore
			if ignore == "" {
				ignore = goodIgnore
			}
			got, fs := checkFile(t, tt.dockerfile, ignore)
			if !slices.Equal(got, tt.want) {
				t.Errorf("findings:\n got %q\nwant %q\n%s", got, tt.want, strings.Join(messages(fs), "\n"))
			}
			if tt.inMessage != "" && !slices.ContainsFunc(fs, func(f finding.Finding) bool { return strings.Contains(f.Message, tt.inMessage) }) {
				t.Errorf("no message contains %q:\n%s", tt.inMessage, strings.Join(messages(fs), "\n"))
			}
			for _, f := range fs {
				if f.Secret != "" && strings.Contains(f.Message, f.Secret) {
					t.Errorf("message holds the secret: %s", f.Message)
				}
				if !strings.Contains(f.Message, "secret") && !strings.Contains(f.Message, ".dockerignore") {
					t.Errorf("message names no fix: %s", f.Message)
				}
				if f.Fingerprint == "" {
					t.Errorf("%s: no fingerprint", f.RuleID)
				}
			}
		})
	}
}

func TestDockerignore(t *testing.T) {
	const df = "FROM node:22\nWORKDIR /app\nCOPY . .\nCOPY ./ /srv/\nCOPY src /src\n"
	tests := []struct {
		name, ignore string
		want         int    // findings
		inMessage    string // in every message
	}{
		{"none", "-", 2, "there is no .dockerignore"},
		{"both excluded", ".git\n.env\n", 0, ""},
		{"glob", "**/.git\n.env*\n", 0, ""},
		{"allowlist style", "*\n!src\n!package.json\n", 0, ""},
		{"only .git", "# comment\n.git\nnode_modules\n", 2, "does not exclude .env:"},
		{"only .env", ".env\n", 2, "does not exclude .git:"},
		{"re-included", ".env*\n!.env\n.git\n", 2, "does not exclude .env:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, fs := checkFile(t, df, tt.ignore)
			if len(got) != tt.want {
				t.Fatalf("got %q, want %d findings", got, tt.want)
			}
			for _, f := range fs {
				if f.RuleID != RuleCopyContext || !strings.Contains(f.Message, tt.inMessage) {
					t.Errorf("%s: %s", f.RuleID, f.Message)
				}
			}
		})
	}

	t.Run("NAME.dockerignore wins", func(t *testing.T) {
		dir := t.TempDir()
		must(t, os.WriteFile(filepath.Join(dir, ".dockerignore"), nil, 0o600))
		must(t, os.WriteFile(filepath.Join(dir, "api.Dockerfile.dockerignore"), []byte(goodIgnore), 0o600))
		loc := finding.Location{Kind: finding.KindFile, Path: filepath.ToSlash(filepath.Join(dir, "api.Dockerfile"))}
		fs, err := NewCheck(engine(t)).Check(context.Background(), []byte(df), loc)
		if err != nil || len(fs) != 0 {
			t.Fatalf("got %v, %v; want nothing", messages(fs), err)
		}
	})
	t.Run("COPY --exclude", func(t *testing.T) {
		got, _ := checkFile(t, "FROM node:22\nCOPY --exclude=.env --exclude=.git . /app\n", "-")
		if len(got) != 0 {
			t.Fatalf("got %q", got)
		}
	})
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestParseErrors(t *testing.T) {
	token := fakes(t).Replace("{{GHP}}")
	tests := []struct {
		name, dockerfile string
		line             int
		msg              string
		findings         int
	}{
		{"unknown instruction", "FROM alpine\nENV API_TOKEN=Zq4-not-real-token\nFOO bar\n", 3, "unknown instruction FOO", 1},
		{"a token alone on a line", "FROM alpine\n" + token + "\n", 2, "unknown instruction", 0},
		{"ENV without a value", "FROM alpine\nENV\n", 2, "", 0},
		{"bad mount", "FROM alpine\nRUN --mount=type=secret,bogus=" + token + " true\nRUN --mount=type=nosuch true\n", 2, "invalid RUN instruction", 0},
		{"unterminated JSON", "FROM alpine\nRUN [\"curl\", \"-u\", \n", 0, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc := finding.Location{Kind: finding.KindFile, Path: filepath.ToSlash(filepath.Join(t.TempDir(), "Dockerfile"))}
			fs, err := NewCheck(engine(t)).Check(context.Background(), []byte(tt.dockerfile), loc)
			var pe *ParseError
			if !errors.As(err, &pe) {
				if tt.line == 0 && err == nil {
					return // BuildKit accepts it
				}
				t.Fatalf("error %v, want a *ParseError", err)
			}
			if tt.line != 0 && pe.Line != tt.line {
				t.Errorf("line %d, want %d (%v)", pe.Line, tt.line, err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q, want it to contain %q", err, tt.msg)
			}
			if strings.Contains(err.Error(), token) || strings.Contains(err.Error(), "Zq4") {
				t.Errorf("error quotes the file: %v", err)
			}
			if len(fs) != tt.findings {
				t.Errorf("%d findings with the error, want %d: %v", len(fs), tt.findings, messages(fs))
			}
		})
	}
}

func TestMatch(t *testing.T) {
	c := NewCheck(engine(t))
	for p, want := range map[string]bool{
		"Dockerfile":                    true,
		"svc/api/dockerfile":            true,
		"build/api.Dockerfile":          true,
		"Dockerfile.prod":               true,
		"Containerfile":                 true,
		"Containerfile.dev":             true,
		"ci/Dockerfile.dockerignore":    false,
		"Dockerfile.md":                 false,
		"Dockerfile.":                   false,
		"docs/Dockerfiles.txt":          false,
		"dockerfile_test.go":            false,
		"cmd/keysweep/dockerfile.go":    false,
		"rules/data/dockerfile.toml":    false,
		"Dockerfile.j2":                 false,
		"Dockerfile.ubuntu-22.04":       true,
		".dockerignore":                 false,
		"src/parse/dockerfile/parse.go": false,
	} {
		if got := c.Match(p); got != want {
			t.Errorf("Match(%q) = %v, want %v", p, got, want)
		}
	}
	if c.Name() != "dockerfile" {
		t.Errorf("Name() = %q", c.Name())
	}
}
