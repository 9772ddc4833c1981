#!/usr/bin/env bash
# Runs every test of the workspace on a fresh machine: installs what is missing (idempotent),
# then format, lints, and the test suites. The last lines are cargo's test summary.
set -euo pipefail
cd "$(dirname "$0")/.."

need_component() {
  rustup component list --installed 2>/dev/null | grep -q "^$1" || rustup component add "$1"
}
need_component rustfmt
need_component clippy

# TaskJuggler 3, which reads `haalbaar export --to taskjuggler` in the tests (Debian's tj3).
if ! command -v tj3 >/dev/null; then
  echo "== installing tj3 (TaskJuggler 3)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tj3; } >/dev/null 2>&1 \
    || { echo "could not install tj3 (apt-get install tj3)"; exit 1; }
fi

# MPXJ, which reads `haalbaar export --to msproject` back in the tests (PyPI; a Java runtime).
if ! python3 -c "import mpxj, jpype" 2>/dev/null || ! command -v java >/dev/null; then
  echo "== installing MPXJ (pip) and a Java runtime"
  command -v java >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; } >/dev/null 2>&1 \
    || { echo "could not install a Java runtime (apt-get install default-jre-headless)"; exit 1; }
  python3 -m pip install -q mpxj JPype1 >/dev/null 2>&1 || { echo "could not install mpxj (pip install mpxj JPype1)"; exit 1; }
fi

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --all-features --locked -- -D warnings
echo "== public API (any change to it shows in core/public-api.txt, grammar/public-api.txt)"
bash scripts/public-api.sh --check
echo "== examples"
cargo run -q --locked -p haalbaar --example build_in_code > /dev/null
# The embedder programs: each must run to the end (exit 0) on the bundled files.
cargo run -q --locked -p haalbaar --example statuses -- examples/conflict.plan > /dev/null
cargo run -q --locked -p haalbaar --example from_csv -- examples/data/backlog.csv > /dev/null
cargo run -q --locked -p haalbaar --example recheck -- examples/portfolio-2026.plan > /dev/null
echo "== cargo package (haalbaar-grammar, haalbaar: what crates.io would get builds on its own)"
mkdir -p target
# Cargo verifies haalbaar against the grammar just packaged, through a temporary registry whose
# crates it extracts into its home once per version and never again: a second run from the same
# path would build the grammar of the first. Nothing else of that name is a dependency here.
rm -rf "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/haalbaar-grammar-0.1.0 "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/haalbaar-0.1.0
if ! cargo package --locked --allow-dirty -p haalbaar-grammar -p haalbaar > target/package.log 2>&1; then
  cat target/package.log
  exit 1
fi
echo "== cargo test"
mkdir -p target
set +e
cargo test --workspace --all-features --locked > target/test.log 2>&1
status=$?
set -e
# A suite with a script of its own: its log in target/, the lines worth seeing shown, its
# tail when it fails (and the run fails with it).
suite() {
  local title=$1 script=$2 log=$3 shown=$4 code
  echo "== $title ($script)"
  set +e
  "$script" > "$log" 2>&1
  code=$?
  set -e
  grep -E "$shown" "$log" || true
  if [ "$code" != 0 ]; then
    tail -60 "$log"
    status=$code
  fi
}
# The WebAssembly package, its exports and the widget in Chromium (installs what it needs).
suite "wasm package and widget" bindings/wasm/test.sh target/wasm-test.log '^(==|haalbaar_wasm_bg|test result|✔|✖|ℹ )'
# The VS Code extension: its grammar's tests and the .vsix (installs its npm packages).
suite "VS Code extension" bindings/vscode/test.sh target/vscode-test.log '^(==|haalbaar.vsix|ℹ (pass|fail)|✖)'
# Show everything but the long list of passing test names.
grep -Ev '^test .* \.\.\. ok$' target/test.log || true
# One plain closing line that sums every suite (cargo's and the browser tests').
awk -F'[ ;]+' '/^test result:/ { p += $4; f += $6; s += $8 } /^ℹ pass / { p += $3 } /^ℹ fail / { f += $3 } /^ℹ skipped / { s += $3 }
  END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' target/test.log target/wasm-test.log target/vscode-test.log
exit "$status"
