#!/usr/bin/env bash
# Times `haalbaar check` and `tj3 --no-reports` as whole processes on the same generated
# portfolios (benches/src/lib.rs: `generate` and `taskjuggler`), and prints medians and ratios.
# Usage: benches/compare-taskjuggler.sh [SIZES...]   (default 200 1000 3000; RUNS=3)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tj3 >/dev/null || { apt-get update -qq && apt-get install -y -qq tj3 >/dev/null; }
cargo build -q --release -p haalbaar-cli -p haalbaar-benches --example generate --example taskjuggler
runs=${RUNS:-3}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(200 1000 3000)
work=$(mktemp -d)
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
time_of() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
printf '%-8s %14s %14s %10s\n' items "haalbaar (ms)" "tj3 (ms)" ratio
for n in "${sizes[@]}"; do
  target/release/examples/generate "$n" 7 > "$work/p$n.plan"
  target/release/examples/taskjuggler "$n" 7 > "$work/p$n.tjp"
  h=$(for _ in $(seq "$runs"); do time_of target/release/haalbaar check --no-board "$work/p$n.plan"; done | median)
  t=$(for _ in $(seq "$runs"); do (cd "$work" && time_of tj3 --no-reports "p$n.tjp"); done | median)
  printf '%-8s %14s %14s %9.1fx\n' "$n" "$h" "$t" "$(echo "$t / ($h + 0.0001)" | bc -l)"
done
rm -rf "$work"
