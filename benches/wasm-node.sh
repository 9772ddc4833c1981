#!/usr/bin/env bash
# WebAssembly under Node against native, on the same generated plans: median of RUNS checks
# in-process (no start-up) each. Builds the package first (bindings/wasm/build.sh).
# Usage: benches/wasm-node.sh [SIZES...]   (default 1000; RUNS=11)
set -euo pipefail
cd "$(dirname "$0")/.."
bindings/wasm/build.sh > /dev/null
cargo build -q --release -p haalbaar-benches --example generate --example time_check
runs=${RUNS:-11}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000)
work=$(mktemp -d)
printf '%-8s %12s %12s %8s\n' items "native (ms)" "wasm (ms)" ratio
for n in "${sizes[@]}"; do
  target/release/examples/generate "$n" 7 > "$work/p$n.plan"
  native=$(target/release/examples/time_check "$work/p$n.plan" "$runs")
  wasm=$(node benches/wasm-node.mjs "$work/p$n.plan" "$runs")
  printf '%-8s %12s %12s %7.2fx\n' "$n" "$native" "$wasm" "$(echo "$wasm / $native" | bc -l)"
done
rm -rf "$work"
