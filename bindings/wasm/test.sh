#!/usr/bin/env bash
# Tests of the WebAssembly package and the widget: the exports under Node (wasm-bindgen-test),
# the TypeScript types, and the demo page in headless Chromium (playwright-core). Builds the
# package first and installs Chromium if missing (Debian's; the machine has no other).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

"$here/build.sh"

if ! command -v chromium > /dev/null; then
  echo "== installing chromium (Debian)"
  sudo_=""
  [ "$(id -u)" = 0 ] || sudo_="sudo"
  $sudo_ apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -q chromium chromium-driver
fi

echo "== exports (wasm-bindgen-test under Node)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --target wasm32-unknown-unknown -p haalbaar-wasm
echo "== clippy (wasm32)"
cargo clippy --locked --target wasm32-unknown-unknown -p haalbaar-wasm --all-targets -- -D warnings
echo "== TypeScript types"
"$here/node_modules/.bin/tsc" -p "$here/tests/tsconfig.json"
echo "== widget in Chromium"
cargo build --locked -q -p haalbaar-cli
node --test --test-reporter=spec "$here/tests/"
