# foundations-check build. Every target installs what it needs when it is missing, so
# `make demo` and `make test` work on a fresh machine (Debian, root, with Rust and Node).

SHELL := /bin/bash
CARGO ?= cargo
PORT ?= 8080
FUZZ_SECONDS ?= 60
FUZZ_TIMEOUT ?= 2
# Chart drawing is bounded (about 30 ms natively for the slowest valid chart,
# examples/chart_worst.rs): its target fails on any input that takes a second.
FUZZ_CHART_TIMEOUT ?= 1
# wasm-opt comes from the npm package binaryen, installed locally.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

# Exact versions of the build tools. The compiler is pinned by rust-toolchain.toml;
# wasm-bindgen-cli must be the version of the wasm-bindgen crate in Cargo.lock (the
# two must match exactly); binaryen (wasm-opt), terser and Zopfli are pinned in
# package-lock.json.
WASM_PACK_VERSION := 0.15.1
# The oldest compiler that builds every target (Cargo.toml's rust-version; proptest,
# a dev-dependency, needs 1.88): `make test-msrv` checks that it still does.
MSRV := $(shell sed -n 's/^rust-version = "\(.*\)"$$/\1/p' Cargo.toml)
MSRV_TOOLCHAIN := $(if $(word 3,$(subst ., ,$(MSRV))),$(MSRV),$(MSRV).0)
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p;}' Cargo.lock)

# wasm-pack runs cargo and wasm-bindgen, then wasm-opt with the options in Cargo.toml.
WASM_PACK_BUILD = wasm-pack build --release --out-name foundations_check

.PHONY: demo test test-native test-msrv test-features test-wasm test-npm test-e2e test-bench bench pkg embed size fuzz tools rust wasm-pack wasm-bindgen chromium clean

## Set-up ------------------------------------------------------------------

# The toolchain named in rust-toolchain.toml, with its wasm32 target.
rust:
	@rustup toolchain install --no-self-update

wasm-pack: rust
	@[ "$$(wasm-pack --version 2>/dev/null)" = "wasm-pack $(WASM_PACK_VERSION)" ] \
	  || $(CARGO) install --locked --force wasm-pack --version $(WASM_PACK_VERSION)

# Not --locked: the lock file published with wasm-bindgen-cli names a webpki-roots
# release that the registry mirror here does not hold; the tool's own version is exact.
wasm-bindgen: rust
	@[ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] \
	  || $(CARGO) install --force wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION)

# binaryen (wasm-opt), Zopfli, terser, playwright-core, axe-core, typescript.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@
tools: wasm-pack wasm-bindgen node_modules/.installed

chromium:
	@test -x /usr/bin/chromium -a -x /usr/bin/chromedriver || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; }

## Build -------------------------------------------------------------------

# The npm package in pkg/: release build, wasm-opt as Cargo.toml says; the API and
# the element (./element), plus the one-file embeds (./embed, ./embed-team).
# The npm build is compiled for speed (opt-level 3; the embeds stay size-optimised):
# aggregating 10,000 responses in Chromium takes about 70 ms instead of 100 ms, for
# about 95 KB more of gzipped .wasm (BENCHMARKS.md).
pkg: tools
	CARGO_PROFILE_RELEASE_OPT_LEVEL=3 $(WASM_PACK_BUILD) --target web --out-dir pkg -- --features team
	node js/finish-pkg.mjs
	$(MAKE) --no-print-directory embed

# pkg/foundations-check.js: the element alone, for one script tag; and
# pkg/foundations-check-team.js: the same with the team view, which the first loads
# when a page asks for mode="team". Both are the ordinary release build of the stable
# toolchain (wasm-bindgen's classic-script glue, target no-modules), gzip-compressed
# and inlined by js/build-embed.mjs.
embed: tools
	$(WASM_PACK_BUILD) --target no-modules --out-dir target/embed -- --no-default-features --features element
	$(WASM_PACK_BUILD) --target no-modules --out-dir target/embed-team -- --no-default-features --features team
	node js/build-embed.mjs

size:
	@test -f pkg/foundations-check.js || $(MAKE) --no-print-directory pkg
	@node js/size.mjs

## Tests -------------------------------------------------------------------

test: test-native test-features test-msrv test-wasm test-npm test-e2e test-bench

# The pure core, the chart geometry and the snapshots: native `cargo test`.
test-native: rust
	$(CARGO) test --locked

# Cargo.toml's rust-version is true: that compiler checks the tests, examples and the
# library natively, and the library for wasm32 with each feature that ships.
test-msrv:
	@rustup toolchain list | grep -q '^$(MSRV_TOOLCHAIN)-' \
	  || rustup toolchain install $(MSRV_TOOLCHAIN) --profile minimal --target wasm32-unknown-unknown --no-self-update
	CARGO_TARGET_DIR=target/msrv $(CARGO) +$(MSRV_TOOLCHAIN) check --locked --all-targets
	for f in api element team; do \
	  CARGO_TARGET_DIR=target/msrv $(CARGO) +$(MSRV_TOOLCHAIN) check --locked --lib --target wasm32-unknown-unknown --no-default-features --features $$f || exit 1; \
	done

# Each feature set that ships (the npm package's api, the embed's element, the team
# embed's team, and api with team): its chart tests natively (overlays are drawn by
# api and team alone), and the library checked for WebAssembly.
FEATURE_SETS := api element team api,team
test-features: rust
	@for f in $(FEATURE_SETS); do \
	  echo "== features $$f"; \
	  $(CARGO) test --locked --no-default-features --features $$f --test chart || exit 1; \
	  $(CARGO) check --locked --target wasm32-unknown-unknown --no-default-features --features $$f --lib || exit 1; \
	done

# The bindings in headless Chromium (wasm-bindgen-test).
test-wasm: tools chromium
	wasm-pack test --headless --chrome --chromedriver /usr/bin/chromedriver -- --locked --test web

# The packed package installed in a fresh project: Node.js, tsc --strict, a Vite app.
test-npm: pkg chromium
	tests/npm/run.sh

# The embed in Chromium: the self-check, axe-core, CSP, network, storage, sharing;
# then the self-check embed's size budget (100,000 bytes gzipped), which fails the test.
test-e2e: pkg chromium
	node --test tests/e2e/
	@node js/size.mjs --check

# The benchmark once, on small inputs, to prove it works (no times are asserted).
test-bench: pkg chromium bench/node_modules/.installed
	node bench/run.mjs --quick > /dev/null
	@echo "benchmark (quick): ok"

## Benchmarks ----------------------------------------------------------------

# Chart.js and SurveyJS are dependencies of the benchmark only (bench/package.json).
bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund
	touch $@

# Size and speed beside Chart.js in headless Chromium: bench/results.json, BENCHMARKS.md.
bench: pkg chromium bench/node_modules/.installed
	node bench/run.mjs

## Demo --------------------------------------------------------------------

demo: pkg
	$(CARGO) run --locked --quiet --example score_example
	rm -rf www/assets && mkdir -p www/assets/pkg
	cp pkg/foundations-check.js pkg/foundations-check-team.js www/assets/
	cp -r pkg/foundations_check.js pkg/foundations_check_bg.wasm pkg/snippets www/assets/pkg/
	node scripts/synthetic-team.mjs www/assets
	PORT=$(PORT) node js/demo-server.mjs

## Fuzzing (cargo-fuzz needs a nightly compiler) ------------------------------

# Every target in fuzz/Cargo.toml (`cargo fuzz list`) for FUZZ_SECONDS each; an input
# that takes longer than FUZZ_TIMEOUT seconds (FUZZ_CHART_TIMEOUT for chart drawing)
# fails the run as a crash does. Only
# fuzzing uses nightly: `+nightly` overrides rust-toolchain.toml, which applies in fuzz/
# too. fuzz/Cargo.lock must be current (cargo fuzz has no --locked of its own).
fuzz:
	@rustup toolchain list | grep -q '^nightly' \
	  || rustup toolchain install nightly --profile minimal --no-self-update
	@command -v cargo-fuzz >/dev/null || $(CARGO) install --locked cargo-fuzz
	cd fuzz && $(CARGO) +nightly metadata --locked --format-version 1 >/dev/null
	cd fuzz && for t in $$($(CARGO) +nightly fuzz list); do \
	  timeout=$(FUZZ_TIMEOUT); [ $$t = chart ] && timeout=$(FUZZ_CHART_TIMEOUT); \
	  echo "== fuzz $$t ($(FUZZ_SECONDS) s, $$timeout s an input)"; \
	  $(CARGO) +nightly fuzz run $$t -- -max_total_time=$(FUZZ_SECONDS) -timeout=$$timeout || exit 1; \
	done

clean:
	$(CARGO) clean
	rm -rf pkg node_modules
