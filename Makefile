# keysweep's build. `make test` is what CI runs (.ci/run).
GO      ?= go
BIN     := bin
VERSION ?= 0.1.0-dev+$(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
COMMIT  ?= $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
DATE    ?= $(shell git log -1 --format=%cI HEAD 2>/dev/null || date -u +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS := -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT) -X main.date=$(DATE)
CACHE   := .cache

.PHONY: all build test vet lint race sarif-check selfscan precommit-check bench fuzz docs clean \
	action-check actionlint deploy-check release-check release image man

all: build

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN)/keysweep ./cmd/keysweep
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN)/keysweep-vet ./cmd/keysweep-vet

## test: vet, staticcheck, SARIF validation with GitHub's rules, the repo's own scan, and the race-enabled test suite.
test: vet lint sarif-check selfscan precommit-check action-check actionlint deploy-check release-check race

vet:
	$(GO) vet ./...

STATICCHECK_VERSION ?= v0.8.2
lint:
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...

race:
	$(GO) test -race ./...

# Every rule's examples, scanned with the allowlist of this repo's
# .keysweep.toml out of the way, give a SARIF log with a result of every
# rule; the SARIF multitool (installed from npm when missing) must find no
# error in it, nor in the reporter's golden file.
sarif-check: build
	@mkdir -p $(CACHE)
	./$(BIN)/keysweep scan --format sarif -o $(CACHE)/catalog.sarif rules/data; test $$? -eq 1
	bash sarif/validate.sh $(CACHE)/catalog.sarif sarif/testdata/golden.sarif

# The repository passes its own scan, of its files and of its history
# (.keysweepignore lists, with reasons, the fake fixtures in old commits).
selfscan: build
	./$(BIN)/keysweep scan --respect-gitignore .
	./$(BIN)/keysweep git .

# The pre-commit hook, with the real pre-commit framework (installed from
# Debian's packages when missing), against this repository's HEAD.
precommit-check:
	bash scripts/test-precommit.sh

# The GitHub Action's entry script, run as the action runs it on throwaway
# repositories (push, first push, PR, shallow checkouts); the SARIF it would
# upload and its exit codes are checked.
action-check: build
	bash scripts/test-action.sh $(BIN)/keysweep

# actionlint (with shellcheck, from Debian's packages when missing) over
# every workflow, the example workflows and recipes, and the action.
ACTIONLINT_VERSION ?= v1.7.12
actionlint:
	ACTIONLINT="$(GO) run github.com/rhysd/actionlint/cmd/actionlint@$(ACTIONLINT_VERSION)" bash scripts/lint-actions.sh

# The Dockerfile, the deploy/ recipes, the action and the example workflows
# pass keysweep's own scan (content rules, and the Dockerfile and IaC
# checks on the files they apply to).
deploy-check: build
	./$(BIN)/keysweep scan Dockerfile .dockerignore action.yml deploy docs/workflows .github/workflows
	@if ./$(BIN)/keysweep dockerfile --help >/dev/null 2>&1; then ./$(BIN)/keysweep dockerfile Dockerfile; fi
	@if ./$(BIN)/keysweep iam --help >/dev/null 2>&1; then ./$(BIN)/keysweep iam deploy/ecs/keysweep-sweep.yaml docs/aws-sweep-policy.json; fi

# One cross-compiled release binary builds, and the native one prints the
# version, commit and date it was stamped with.
release-check:
	@mkdir -p $(CACHE)/release-check
	CGO_ENABLED=0 GOOS=windows GOARCH=arm64 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(CACHE)/release-check/keysweep.exe ./cmd/keysweep
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '-s -w -X main.version=v9.8.7-check -X main.commit=$(COMMIT) -X main.date=$(DATE)' -o $(CACHE)/release-check/keysweep ./cmd/keysweep
	$(CACHE)/release-check/keysweep version | tee $(CACHE)/release-check/version.txt
	grep -qx 'keysweep v9.8.7-check' $(CACHE)/release-check/version.txt
	grep -qx 'commit: $(COMMIT)' $(CACHE)/release-check/version.txt
	grep -qx 'date: $(DATE)' $(CACHE)/release-check/version.txt

## release: keysweep for linux, darwin and windows on amd64 and arm64, version-stamped, into dist/ with SHA256SUMS.
PLATFORMS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64
release:
	rm -rf dist && mkdir -p dist
	@set -e; for p in $(PLATFORMS); do \
	  os=$${p%/*}; arch=$${p#*/}; ext=; [ $$os = windows ] && ext=.exe; \
	  echo "== $$os/$$arch"; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '$(LDFLAGS)' \
	    -o dist/keysweep_$(VERSION)_$${os}_$${arch}$$ext ./cmd/keysweep; \
	  grep -q -a -F '$(COMMIT)' dist/keysweep_$(VERSION)_$${os}_$${arch}$$ext || { echo "$$p: the commit is not stamped"; exit 1; }; \
	done
	cd dist && sha256sum keysweep_* > SHA256SUMS && cat SHA256SUMS
	./dist/keysweep_$(VERSION)_$$($(GO) env GOOS)_$$($(GO) env GOARCH)$$([ "$$($(GO) env GOOS)" = windows ] && echo .exe) version

## image: the container image (Dockerfile), built with BuildKit; IMAGE names it.
IMAGE ?= keysweep:$(subst +,-,$(VERSION))
image:
	@if ! command -v docker >/dev/null 2>&1; then \
	  echo "make image: docker is not installed; build the Dockerfile with any BuildKit builder (docker buildx, buildctl, podman)"; exit 2; \
	elif ! docker info >/dev/null 2>&1; then \
	  echo "make image: no Docker engine answers (docker info failed); start one, or build the Dockerfile with buildctl or podman"; exit 2; \
	fi
	DOCKER_BUILDKIT=1 docker build --build-arg VERSION=$(VERSION) --build-arg COMMIT=$(COMMIT) --build-arg DATE=$(DATE) -t $(IMAGE) .
	docker run --rm $(IMAGE) version

## man: man pages for keysweep and each command, generated from the CLI, into .cache/man.
man: build
	./$(BIN)/keysweep man $(CACHE)/man
	@ls $(CACHE)/man

## bench: engine and scanner benchmarks, then keysweep against gitleaks (when installed) on one tree and one git history.
bench: build
	$(GO) test -run '^$$' -bench . -benchtime 5x ./rules ./scanners/...
	bash scripts/bench.sh

## fuzz: run each fuzz target for FUZZTIME (default 20s).
FUZZTIME ?= 20s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

## docs: regenerate the README's rule summary, docs/rules.md and docs/verification.md's endpoint table (a test fails when they are stale).
docs:
	$(GO) test ./cmd/keysweep -run TestGeneratedRuleDocs -update

clean:
	rm -rf $(BIN) $(CACHE) dist
