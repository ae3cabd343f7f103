# roadboard — build, serve, test, measure. Every target installs what it needs first
# (scripts/install-tools.sh is idempotent and downloads only from package registries).

SHELL := /bin/bash
export PATH := $(CURDIR)/.tools/bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8080

.PHONY: serve test dist bench audit tools tools-build lint native-test wasm-test e2e clean

tools:
	@scripts/install-tools.sh all

tools-build:
	@scripts/install-tools.sh build

## make serve — build and serve the site locally with live reload.
serve: tools-build
	@echo "roadboard: serving on http://127.0.0.1:$(PORT)/"
	trunk serve --address 127.0.0.1 --port $(PORT)

## make test — the whole gate: lint, native tests, browser tests, end-to-end tests.
test: tools lint native-test wasm-test e2e
	@echo "make test: all green"

lint:
	cargo fmt --all -- --check
	python3 scripts/check-shell-layers.py
	cargo clippy --workspace --no-default-features --all-targets -- -D warnings
	# The web app and the core it ships are linted for the browser too (benches are native-only).
	cargo clippy --target wasm32-unknown-unknown -p roadboard -p roadboard-core --lib --bins --tests --examples -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --no-default-features --quiet
	RUSTDOCFLAGS="-D warnings" cargo doc --target wasm32-unknown-unknown -p roadboard --no-deps --quiet

native-test:
	cargo test --workspace --no-default-features

wasm-test:
	cargo test --target wasm32-unknown-unknown -p roadboard --test web

e2e: dist
	cd tests/e2e && node --test --test-concurrency=1 --test-timeout=180000

## make dist — optimised release build into dist/, then a size report.
dist: tools-build
	@scripts/dist.sh

## make bench — benchmarks that print figures, then one summary table (docs/benchmarks.md):
## site size, first render, parser vs bare pulldown-cmark, board and highlight on 5,000 items,
## what-if per delay on 5,000 items.
bench: tools dist
	cargo bench -p roadboard --no-default-features --bench parse
	cargo bench -p roadboard --no-default-features --bench whatif
	cd tests/e2e && node bench.mjs
	cd tests/e2e && node bench-timeline.mjs
	@python3 scripts/bench-summary.py

## make audit — Lighthouse scores of the home page and an opened example (release build).
audit: dist
	scripts/audit.sh

clean:
	cargo clean
	rm -rf dist
