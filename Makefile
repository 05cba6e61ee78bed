# foundations-check build. Every target installs what it needs when it is missing, so
# `make demo` and `make test` work on a fresh machine (Debian, root, with Rust and Node).

SHELL := /bin/bash
CARGO ?= cargo
PORT ?= 8080
FUZZ_SECONDS ?= 60
# wasm-opt comes from the npm package binaryen, installed locally.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
WASM_PACK_BUILD = wasm-pack build --release --target web --out-name foundations_check

.PHONY: demo test test-native test-wasm test-npm test-e2e test-bench bench pkg embed size fuzz tools rust-target rust-src wasm-pack chromium xz clean

## Set-up ------------------------------------------------------------------

rust-target:
	@rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown

# The standard library's source, which the embed build compiles for size (below).
rust-src:
	@rustup component list --installed 2>/dev/null | grep -q '^rust-src' \
	  || rustup component add rust-src

wasm-pack: rust-target
	@command -v wasm-pack >/dev/null || $(CARGO) install --locked wasm-pack

# binaryen (wasm-opt), playwright-core, axe-core, typescript.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@
tools: wasm-pack node_modules/.installed

# xz packs the embed's WebAssembly (LZMA), and the decoder's tests check against it.
xz:
	@command -v xz >/dev/null || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xz-utils; }

chromium:
	@test -x /usr/bin/chromium -a -x /usr/bin/chromedriver || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; }

## Build -------------------------------------------------------------------

# The npm package in pkg/: size-optimised release build, wasm-opt -Oz; the API and
# the element (./element), plus the one-file embed (./embed).
pkg: tools
	$(WASM_PACK_BUILD) --out-dir pkg --features team
	node js/finish-pkg.mjs
	$(MAKE) --no-print-directory embed

# pkg/foundations-check.js: the element alone, for one script tag; and
# pkg/foundations-check-team.js: the same with the team view, which the first loads
# when a page asks for mode="team".
# The self-check embed's budget is tight (70,000 bytes gzipped), so its build also
# compiles Rust's standard library, optimised for size, with a panic being an immediate
# trap and no source locations kept: Rust's panic messages, their formatting and file
# paths were 4.8 KB of the gzipped file, and no one could see them (a panic ends the
# instance either way). Those are unstable options of the stable compiler, enabled for
# this build alone by RUSTC_BOOTSTRAP=1, with the standard library's source from rustup
# (rust-src), in a target directory of its own.
# The team embed has no budget and real work to do (a facilitator's file of 10,000
# self-checks): built the same way, it read that file 15-20 % slower, so it keeps the
# ordinary build and its standard library optimised for speed.
# (--no-opt: js/build-embed.mjs runs wasm-opt.)
EMBED_ENV = RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_TARGET_DIR=target/embed-build \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
EMBED_BUILD = wasm-pack build --release --no-opt --target no-modules --out-name foundations_check --no-default-features
# The small module that unpacks them (examples/unlzma.rs): no std, a 64 KiB stack,
# optimised for size.
embed: tools xz rust-src
	$(EMBED_ENV) $(EMBED_BUILD) --out-dir target/embed --features element
	$(EMBED_BUILD) --out-dir target/embed-team --features team
	$(CARGO) rustc --locked --release --example unlzma --target wasm32-unknown-unknown -- \
	  -C link-arg=-zstack-size=65536 -C opt-level=s
	node js/build-embed.mjs

size:
	@test -f pkg/foundations-check.js || $(MAKE) --no-print-directory pkg
	@node js/size.mjs

## Tests -------------------------------------------------------------------

test: test-native test-wasm test-npm test-e2e test-bench

# The pure core, the chart geometry and the snapshots: native `cargo test`.
test-native: xz
	$(CARGO) test --locked

# The bindings in headless Chromium (wasm-bindgen-test).
test-wasm: tools chromium
	wasm-pack test --headless --chrome --chromedriver /usr/bin/chromedriver --test web

# The packed package installed in a fresh project: Node.js, tsc --strict, a Vite app.
test-npm: pkg chromium
	tests/npm/run.sh

# The embed in Chromium: the self-check, axe-core, CSP, network, storage, sharing;
# then the self-check embed's size budget (70,000 bytes gzipped), which fails the test.
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
	cp pkg/foundations_check.js pkg/foundations_check_bg.wasm www/assets/pkg/
	node scripts/synthetic-team.mjs www/assets
	PORT=$(PORT) node js/demo-server.mjs

## Fuzzing (cargo-fuzz needs a nightly compiler) ------------------------------

fuzz:
	@command -v cargo-fuzz >/dev/null || $(CARGO) install --locked cargo-fuzz
	cd fuzz && for t in framework response; do \
	  if rustup toolchain list | grep -q nightly; then \
	    $(CARGO) +nightly fuzz run $$t -- -max_total_time=$(FUZZ_SECONDS) || exit 1; \
	  else \
	    RUSTC_BOOTSTRAP=1 $(CARGO) fuzz run $$t -- -max_total_time=$(FUZZ_SECONDS) || exit 1; \
	  fi; \
	done

clean:
	$(CARGO) clean
	rm -rf pkg node_modules
