#!/usr/bin/env bash
# Installs what roadboard's build and tests need, idempotently, from package registries only
# (crates.io, npm, Debian). Each tool is checked first; a second run installs nothing.
# Usage: scripts/install-tools.sh [build|test|all]   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."

want=${1:-all}
TOOLS=$PWD/.tools
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
# wasm-bindgen-cli must match the wasm-bindgen resolved in Cargo.lock exactly.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)

say() { printf '[install] %s\n' "$*"; }
SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi

# Rust target for the browser.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
else
  say "wasm32-unknown-unknown target present"
fi

# The standard library's source: `make dist` rebuilds std for size (scripts/dist.sh).
if [ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
  say "rust-src component present"
else
  say "rustup component add rust-src"
  rustup component add rust-src || say "rust-src unavailable: make dist builds with the ordinary std"
fi

# Trunk (0.22 needs a newer rustc than the machine's).
if trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "trunk $TRUNK_VERSION present"
else
  say "cargo install trunk $TRUNK_VERSION (takes ~8 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli (with --locked it fails: a pinned dependency is missing from the registry).
if wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$"; then
  say "wasm-bindgen-cli $WB_VERSION present"
else
  say "cargo install wasm-bindgen-cli $WB_VERSION (takes ~3 minutes)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

# wasm-opt from npm's binaryen (never Debian's binaryen 108: it breaks wasm-bindgen output).
if "$TOOLS/bin/wasm-opt" --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  say "wasm-opt ${BINARYEN_VERSION%%.*} present"
else
  say "npm install binaryen@$BINARYEN_VERSION into .tools"
  mkdir -p "$TOOLS/bin"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" "binaryen@$BINARYEN_VERSION"
  ln -sf "$TOOLS/node_modules/binaryen/bin/wasm-opt" "$TOOLS/bin/wasm-opt"
fi

if [ "$want" = build ]; then exit 0; fi

# Chromium + ChromeDriver from Debian, for wasm-bindgen-test and the end-to-end tests, and an
# emoji font so screenshots show the status marks roadmaps are full of.
if command -v chromium >/dev/null && command -v chromedriver >/dev/null \
   && dpkg -s fonts-noto-color-emoji >/dev/null 2>&1; then
  say "chromium, chromedriver and emoji font present"
else
  say "apt-get install chromium chromium-driver fonts-noto-color-emoji"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
    chromium chromium-driver fonts-noto-color-emoji >/dev/null
fi

# The end-to-end harness (playwright-core drives Debian's Chromium; no browser download).
if [ -f tests/e2e/node_modules/.package-lock.json ] && \
   cmp -s tests/e2e/package-lock.json tests/e2e/node_modules/.roadboard-installed 2>/dev/null; then
  say "e2e node modules present"
else
  say "npm ci in tests/e2e"
  (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund \
     && cp package-lock.json node_modules/.roadboard-installed)
fi
