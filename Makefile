# keysweep's build. `make test` is what CI runs (.ci/run).
GO      ?= go
BIN     := bin
VERSION ?= 0.1.0-dev+$(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
LDFLAGS := -s -w -X main.version=$(VERSION)
CACHE   := .cache

.PHONY: all build test vet lint race sarif-check selfscan precommit-check bench fuzz docs clean

all: build

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN)/keysweep ./cmd/keysweep
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN)/keysweep-vet ./cmd/keysweep-vet
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN)/keysweep-vet ./cmd/keysweep-vet

## test: vet, staticcheck, SARIF validation with GitHub's rules, the repo's own scan, and the race-enabled test suite.
test: vet lint sarif-check selfscan precommit-check race

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

# The repository passes its own scan.
selfscan: build
	./$(BIN)/keysweep scan --respect-gitignore .

# The pre-commit hook, with the real pre-commit framework (installed from
# Debian's packages when missing), against this repository's HEAD.
precommit-check:
	bash scripts/test-precommit.sh

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

## docs: regenerate the README's rule summary and docs/rules.md from the catalog (a test fails when they are stale).
docs:
	$(GO) test ./cmd/keysweep -run TestGeneratedRuleDocs -update

clean:
	rm -rf $(BIN) $(CACHE)
