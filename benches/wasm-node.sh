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
# Native finds repairs on a second thread as the walk goes; WebAssembly has one thread. The
# one-core column runs native on one CPU (taskset), where it takes the same one-thread path.
one_core() { if command -v taskset > /dev/null; then taskset -c 0 "$@"; else "$@"; fi; }
printf '%-8s %12s %16s %12s %8s %14s\n' items "native (ms)" "native 1 core" "wasm (ms)" ratio "ratio 1 core"
for n in "${sizes[@]}"; do
  target/release/examples/generate "$n" 7 > "$work/p$n.plan"
  native=$(target/release/examples/time_check "$work/p$n.plan" "$runs")
  single=$(one_core target/release/examples/time_check "$work/p$n.plan" "$runs")
  wasm=$(node benches/wasm-node.mjs "$work/p$n.plan" "$runs")
  printf '%-8s %12s %16s %12s %7.2fx %13.2fx\n' "$n" "$native" "$single" "$wasm" \
    "$(echo "$wasm / $native" | bc -l)" "$(echo "$wasm / $single" | bc -l)"
done
rm -rf "$work"
