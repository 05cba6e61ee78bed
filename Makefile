# foundations-check build. Every target installs what it needs when it is missing,
# so `make demo` and `make test` work on a fresh machine.

SHELL := /bin/bash
CARGO ?= cargo
PORT ?= 8080
FUZZ_SECONDS ?= 60

.PHONY: demo test test-native fuzz rust-target clean

## Set-up ------------------------------------------------------------------

rust-target:
	@rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown

## Tests -------------------------------------------------------------------

test: test-native

# The pure core, the chart geometry and the snapshots: native `cargo test`.
test-native:
	$(CARGO) test --locked

## Demo --------------------------------------------------------------------

demo:
	$(CARGO) run --locked --quiet --example score_example
	@echo
	@echo "Serving www/ on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	cd www && python3 -m http.server $(PORT) --bind 127.0.0.1

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
	rm -rf pkg
