#!/usr/bin/env bash
# The release build of the site into dist/ (`make dist`), as small as the toolchain allows.
#
# A Rust standard library built for size (`-Zbuild-std`, std's `optimize_for_size`) that aborts
# on a panic without formatting a message (`-Cpanic=immediate-abort`) makes the wasm ~10%
# smaller (379 → 340 KB gzip today). Both are unstable flags: stable rustc accepts them with
# RUSTC_BOOTSTRAP=1, which we set for this one build only. It needs the `rust-src` component; when that or the flag
# is not available (an older rustc), the ordinary release build is made instead and we say so.
#
# Either way the views are built with Leptos's `--cfg erase_components` (each component's view is
# type-erased): a further ~10% (377 → 340 KB gzip). Rendering speed is the same within noise
# (board, highlight and timeline benchmarks, A/B), and `make test`'s end-to-end tests run against
# this build.
set -euo pipefail
cd "$(dirname "$0")/.."

small_std_ok() {
  [ "${ROADBOARD_PLAIN_STD:-}" = "" ] || return 1
  local sysroot
  sysroot=$(rustc --print sysroot) || return 1
  [ -d "$sysroot/lib/rustlib/src/rust/library" ] || return 1
  RUSTC_BOOTSTRAP=1 rustc -Zunstable-options -Cpanic=immediate-abort --target wasm32-unknown-unknown \
    --print cfg >/dev/null 2>&1
}

if small_std_ok; then
  echo "dist: std built for size, panics abort without a message"
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort --cfg erase_components"
else
  echo "dist: ordinary std (no rust-src component or an older rustc); the wasm is ~11% larger"
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components"
fi
trunk build --release </dev/null
scripts/size-report.sh dist
